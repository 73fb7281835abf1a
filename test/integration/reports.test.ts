// The takedown report against a real controller and a real player core: a withdrawal's publish, the
// connected screen's ack time, and the screen that never connected still pending.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoListRows, toCsv } from '../../controller/server/demo/demo-lists.ts';
import { createScreen } from '../../controller/server/features/screens/service.ts';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import { importAndApprove, startControllerHarness } from '../support/controller-harness.ts';
import { adoptPlayer, startTestPlayer } from '../support/player-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';

const today = calendarDateAt(Date.now(), 480);

interface TakedownBody {
  entryId: string;
  subjectName: string;
  code: string | null;
  withdrawnAt: number;
  withdrawnBy: { username: string } | null;
  reason: string;
  note: string;
  state: string;
  listRevision: number | null;
  publish: { manifestVersion: number; publishedAt: number } | null;
  screens: { total: number; acked: number; pending: number } | null;
}

describe('takedown report', () => {
  it('names the publish that took a withdrawn entry down, when each screen dropped it, and who is still pending', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    await importAndApprove(h, 'black', toCsv(demoListRows('black', today, 6, 31)));
    const operator = await h.as('operator');
    const approved = (await operator.request('GET', '/api/v1/entries?status=approved&limit=10')).body.items as Array<{ id: string; subjectName: string; subjectType: string; idNumber: string | null }>;
    const person = approved.find((e) => e.subjectType === 'natural-person');
    const company = approved.find((e) => e.subjectType !== 'natural-person');
    assert.ok(person?.idNumber && company);

    const player = await startTestPlayer(h.url, tempDir(t));
    t.after(() => player.close());
    const onlineId = await adoptPlayer(player, await h.as('technician'), '火车站大屏');
    // A screen paired but never connected: it cannot have dropped anything.
    const { screenId: offlineId } = await createScreen(h.controller.context.db, { name: '机场大屏', deviceId: 'airport', actorId: h.userIds.technician, now: Date.now() });

    const withdrawn = await operator.request('POST', `/api/v1/entries/${person.id}/withdraw`, { reason: 'credit-repair', note: '已履行义务' });
    assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.body));
    await waitFor('the player to apply the takedown', () => player.status().listRevision >= withdrawn.body.listRevision);

    const auditor = await h.as('auditor');
    const list = await auditor.request('GET', '/api/v1/reports/takedowns');
    assert.equal(list.status, 200, JSON.stringify(list.body));
    assert.equal(list.body.total, 1);
    const row = list.body.items[0] as TakedownBody;
    assert.equal(row.entryId, person.id);
    assert.equal(row.state, 'taken-down');
    assert.equal(row.reason, 'credit-repair');
    assert.equal(row.note, '已履行义务');
    assert.equal(row.withdrawnBy?.username, 'operator');
    assert.deepEqual(row.publish?.manifestVersion, withdrawn.body.manifestVersion);
    assert.equal(row.listRevision, withdrawn.body.listRevision);
    assert.deepEqual(row.screens, { total: 2, acked: 1, pending: 1 });
    // The report shows a person's ID number masked, never in full.
    assert.equal(row.code, `${person.idNumber.slice(0, 6)}********${person.idNumber.slice(-4)}`);

    const detail = await waitFor('the ack time to be recorded', async () => {
      const response = await auditor.request('GET', `/api/v1/reports/takedowns/${person.id}`);
      assert.equal(response.status, 200, JSON.stringify(response.body));
      const acks = response.body.screenAcks as Array<{ screenId: string; acked: boolean; ackedAt: number | null; status: string }>;
      return acks.find((a) => a.screenId === onlineId)?.ackedAt ? response.body : null;
    });
    const [pending, acked] = detail.screenAcks as Array<{ screenId: string; name: string; acked: boolean; ackedAt: number | null; status: string }>;
    assert.equal(pending?.screenId, offlineId, 'pending screens come first');
    assert.equal(pending?.acked, false);
    assert.equal(pending?.ackedAt, null);
    assert.equal(acked?.name, '火车站大屏');
    assert.ok(acked?.ackedAt && acked.ackedAt >= detail.publish.publishedAt && acked.ackedAt <= Date.now(), `acked at ${acked?.ackedAt}, published at ${detail.publish.publishedAt}`);

    // Found by name and by date; a window before the withdrawal finds nothing.
    const byName = await auditor.request('GET', `/api/v1/reports/takedowns?q=${encodeURIComponent(person.subjectName)}`);
    assert.equal(byName.body.total, 1);
    const before = await auditor.request('GET', `/api/v1/reports/takedowns?from=0&to=${row.withdrawnAt}`);
    assert.equal(before.body.total, 0);

    // An entry withdrawn before it ever reached a screen: no publish, no screens to wait for.
    const upload = await operator.upload('/api/v1/imports?list=red', 'red.csv', toCsv(demoListRows('red', today, 1, 32)));
    assert.equal(upload.status, 201, JSON.stringify(upload.body));
    const pendingEntry = ((await operator.request('GET', '/api/v1/entries?status=pending')).body.items as Array<{ id: string }>)[0]!;
    assert.equal((await operator.request('POST', `/api/v1/entries/${pendingEntry.id}/withdraw`, { reason: 'error' })).status, 200);
    const never = (await auditor.request('GET', `/api/v1/reports/takedowns/${pendingEntry.id}`)).body as TakedownBody & { screenAcks: unknown[] };
    assert.equal(never.state, 'never-published');
    assert.equal(never.publish, null);
    assert.equal(never.screens, null);
    assert.deepEqual(never.screenAcks, []);

    // An entry that is not withdrawn has no takedown.
    const notWithdrawn = await auditor.request('GET', `/api/v1/reports/takedowns/${company.id}`);
    assert.equal(notWithdrawn.status, 404);
    assert.equal(notWithdrawn.body.code, 'withdrawal.not-found');
  });
});
