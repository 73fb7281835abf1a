// The console's preview: "what will screen X play at T" for any T, with the schedules on at T beside
// the winner, and the screens a planner may ask about (approvers do not read the fleet).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importAndApprove, startControllerHarness, type ApiClient } from '../support/controller-harness.ts';
import { adoptPlayer, startTestPlayer } from '../support/player-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { toCsv, demoListRows } from '../../controller/server/demo/demo-lists.ts';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';

// Monday 2026-12-07, 09:00 in Beijing (01:00 UTC).
const MONDAY_9_BEIJING = Date.UTC(2026, 11, 7, 1, 0);

async function created(client: ApiClient, path: string, body: unknown): Promise<string> {
  const response = await client.request('POST', path, body);
  assert.equal(response.status, 201, `${path}: ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

async function ok(client: ApiClient, method: string, path: string, body?: unknown): Promise<any> {
  const response = await client.request(method, path, body);
  assert.equal(response.status, 200, `${method} ${path}: ${JSON.stringify(response.body)}`);
  return response.body;
}

async function approve(approver: ApiClient, kind: 'playlists' | 'schedules', id: string): Promise<void> {
  const listed = (await ok(approver, 'GET', `/api/v1/${kind}`)).items.find((row: { id: string }) => row.id === id);
  await ok(approver, 'POST', `/api/v1/${kind}/${id}/approve`, { pendingAt: listed.pendingAt });
}

describe('programme preview', () => {
  it('answers for any instant, names every schedule on then with the winner first, and lists screens with their zones and groups', async (t) => {
    const h = await startControllerHarness(tempDir(t), { now: () => MONDAY_9_BEIJING });
    t.after(() => h.close());
    await importAndApprove(h, 'red', toCsv(demoListRows('red', calendarDateAt(MONDAY_9_BEIJING, 480), 5, 3)));
    const player = await startTestPlayer(h.url, tempDir(t), { now: () => MONDAY_9_BEIJING });
    t.after(() => player.close());
    const technician = await h.as('technician');
    const screenId = await adoptPlayer(player, technician, '政务大厅东屏');
    const groupId = await created(technician, '/api/v1/screen-groups', { name: '政务大厅' });
    await ok(technician, 'PUT', `/api/v1/screen-groups/${groupId}/screens`, { screenIds: [screenId] });

    const operator = await h.as('operator');
    const approver = await h.as('approver');
    const morning = await created(operator, '/api/v1/playlists', { name: '上午', items: [{ contentId: 'list-red', durationSeconds: 30 }] });
    const campaign = await created(operator, '/api/v1/playlists', { name: '宣传周', items: [{ contentId: 'list-red', durationSeconds: 20 }, { contentId: 'list-black', durationSeconds: 15 }] });
    await approve(approver, 'playlists', morning);
    await approve(approver, 'playlists', campaign);
    const weekdays = await created(operator, '/api/v1/schedules', { name: '工作日上午', playlistId: morning, screenGroupIds: [groupId], weekdays: [1, 2, 3, 4, 5], windows: [{ start: '08:00', end: '12:00' }], priority: 10 });
    const week = await created(operator, '/api/v1/schedules', { name: '宣传周', playlistId: campaign, screenGroupIds: [groupId], weekdays: [1], windows: [{ start: '10:00', end: '11:00' }], priority: 20, firstDate: '2026-12-07', lastDate: '2026-12-13' });
    await approve(approver, 'schedules', weekdays);
    await approve(approver, 'schedules', week);

    // Approvers plan programmes without reading the fleet: the preview's own screen list serves them.
    const screens = await ok(approver, 'GET', '/api/v1/programme/screens');
    assert.deepEqual(screens.items, [{ id: screenId, name: '政务大厅东屏', timeZone: 'Asia/Shanghai', isDefaultTimeZone: true, screenGroupIds: [groupId] }]);

    // 10:30: both are on, the higher priority wins, and both are named (winner first) with their runs.
    const clash = await ok(approver, 'GET', `/api/v1/screens/${screenId}/programme?at=${encodeURIComponent('2026-12-07T10:30:00+08:00')}`);
    assert.equal(clash.playlistId, campaign);
    assert.deepEqual(clash.source, { kind: 'schedule', scheduleId: week });
    assert.deepEqual(clash.items.map((item: { id: string; kind: string; durationMs: number }) => [item.id, item.kind, item.durationMs]), [['list-red', 'list', 20_000], ['list-black', 'list', 15_000]]);
    assert.ok(clash.items.every((item: { title: string | null }) => typeof item.title === 'string' && item.title.length > 0), 'lists carry their titles for readers without the content library');
    assert.deepEqual(clash.contenders.map((c: { scheduleId: string }) => c.scheduleId), [week, weekdays]);
    assert.deepEqual(clash.contenders[0], { scheduleId: week, playlistId: campaign, priority: 20, sinceMs: Date.parse('2026-12-07T10:00:00+08:00'), untilMs: Date.parse('2026-12-07T11:00:00+08:00') });
    assert.equal(clash.contenders[1].untilMs, Date.parse('2026-12-07T12:00:00+08:00'));
    assert.equal(clash.nextChangeAtMs, Date.parse('2026-12-07T11:00:00+08:00'));

    // Epoch ms is read as well; a week later the campaign's dates are over and the routine one plays alone.
    const nextMonday = await ok(operator, 'GET', `/api/v1/screens/${screenId}/programme?at=${Date.parse('2026-12-14T10:30:00+08:00')}`);
    assert.equal(nextMonday.playlistId, morning);
    assert.deepEqual(nextMonday.contenders.map((c: { scheduleId: string }) => c.scheduleId), [weekdays]);

    // Evening: nothing is on, the default (the built-in rotation) plays, and no schedule is named.
    const evening = await ok(operator, 'GET', `/api/v1/screens/${screenId}/programme?at=${encodeURIComponent('2026-12-07T20:00:00+08:00')}`);
    assert.equal(evening.playlistId, 'rotation');
    assert.deepEqual(evening.source, { kind: 'default' });
    assert.deepEqual(evening.contenders, []);

    const unknown = await operator.request('GET', '/api/v1/screens/nope/programme');
    assert.equal(unknown.status, 404);
    const zoneless = await operator.request('GET', `/api/v1/screens/${screenId}/programme?at=2026-12-07T10:30:00`);
    assert.equal(zoneless.status, 400, 'a wall-clock time without an offset is ambiguous');
  });
});
