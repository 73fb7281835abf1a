// Screen groups over HTTP: renaming keeps the members and refuses a name another group has.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createScreen } from '../../controller/server/features/screens/service.ts';
import { startControllerHarness } from '../support/controller-harness.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('screen groups', () => {
  it('renames a group, keeping its screens, refusing a taken or empty name, and audits it', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const technician = await h.as('technician');
    const stations = (await technician.request('POST', '/api/v1/screen-groups', { name: '车站' })).body as { id: string };
    await technician.request('POST', '/api/v1/screen-groups', { name: '机场' });
    const { screenId } = await createScreen(h.controller.context.db, { name: '一号屏', deviceId: 'd1', actorId: h.userIds.technician, now: Date.now() });
    assert.equal((await technician.request('PUT', `/api/v1/screen-groups/${stations.id}/screens`, { screenIds: [screenId] })).status, 200);

    const renamed = await technician.request('PUT', `/api/v1/screen-groups/${stations.id}`, { name: '  火车站与汽车站 ' });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    assert.deepEqual(renamed.body, { id: stations.id, name: '火车站与汽车站' });
    const groups = (await technician.request('GET', '/api/v1/screen-groups')).body.items as Array<{ id: string; name: string; screenIds: string[] }>;
    assert.deepEqual(groups.map((g) => g.name).sort(), ['机场', '火车站与汽车站'].sort());
    assert.deepEqual(groups.find((g) => g.id === stations.id)?.screenIds, [screenId]);

    const taken = await technician.request('PUT', `/api/v1/screen-groups/${stations.id}`, { name: '机场' });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.code, 'screen-groups.name-taken');
    assert.equal((await technician.request('PUT', `/api/v1/screen-groups/${stations.id}`, { name: ' ' })).status, 400);
    assert.equal((await technician.request('PUT', '/api/v1/screen-groups/none', { name: '新' })).status, 404);

    const audit = (await (await h.as('auditor')).request('GET', '/api/v1/audit/events?action=screen-group.rename')).body.items as Array<{ details: unknown }>;
    assert.deepEqual(audit.map((e) => e.details), [{ from: '车站', to: '火车站与汽车站' }]);
  });
});
