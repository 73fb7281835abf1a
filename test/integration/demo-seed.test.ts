import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import pino from 'pino';
import { startController } from '../../controller/server/controller.ts';
import { DEMO_PASSWORD, seedDemo } from '../../controller/server/demo/seed-demo.ts';
import { ApiClient } from '../support/controller-harness.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('demo data', () => {
  it('leaves every role something to see: published lists, one update awaiting review, a screen group, and is seeded once', async (t) => {
    const controller = await startController({ dataDir: join(tempDir(t), 'controller'), port: 0, demo: true, logger: pino({ level: 'silent' }) });
    t.after(() => controller.close());
    assert.equal(await seedDemo(controller.context), true);
    assert.equal(await seedDemo(controller.context), false, 'a second start keeps the existing data');

    const approver = new ApiClient(controller.url);
    assert.equal((await approver.login('approver', DEMO_PASSWORD)).status, 200);
    const changeSets = (await approver.request('GET', '/api/v1/change-sets')).body.items as Array<{ status: string; list: string }>;
    assert.deepEqual(changeSets.map((c) => c.status).sort(), ['approved', 'approved', 'pending']);
    const groups = (await approver.request('GET', '/api/v1/screen-groups')).body.items as Array<{ name: string }>;
    assert.deepEqual(groups.map((g) => g.name), ['市民服务中心大厅']);
    const red = (await approver.request('GET', '/api/v1/entries?list=red&status=approved&limit=100')).body.items as unknown[];
    assert.equal(red.length, 12, 'the pending update is not on the red list yet');
  });
});
