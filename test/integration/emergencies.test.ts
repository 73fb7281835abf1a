// Screen groups and emergency overrides end to end: a real controller and two real player cores over loopback.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import type { DisplayState } from '../../shared/display/display-state.ts';
import { demoListRows, toCsv } from '../../controller/server/demo/demo-lists.ts';
import type { Player } from '../../player/core/player.ts';
import { CACHE_FILE_NAME } from '../../player/core/cache/player-cache.ts';
import { importAndApprove, startControllerHarness, type ApiClient } from '../support/controller-harness.ts';
import { adoptPlayer, displayState, startTestPlayer } from '../support/player-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';

/** The bound for an online screen; loopback takes milliseconds, so this only catches a screen that waits for a sync. */
const ON_SCREEN_WITHIN_MS = 2_000;
/** A port nothing listens on: a player started against it is offline. */
const UNREACHABLE_CONTROLLER = 'http://127.0.0.1:9';

interface EmergencyItem {
  id: string;
  active: boolean;
  screens: Array<{ screenId: string; status: 'showing' | 'pending' | 'ended'; ackedAt: number | null }>;
  acked: number;
  pending: number;
}

type Playing = Extract<DisplayState, { mode: 'playing' }>;

async function playing(player: Player): Promise<Playing> {
  const state = await displayState(player);
  assert.equal(state.mode, 'playing');
  return state;
}

const shownEmergency = async (player: Player): Promise<string | null> => (await playing(player)).emergency?.id ?? null;

async function emergencyItem(client: ApiClient, id: string): Promise<EmergencyItem> {
  const response = await client.request<{ items: EmergencyItem[] }>('GET', '/api/v1/emergencies');
  assert.equal(response.status, 200, JSON.stringify(response.body));
  const item = response.body.items.find((e) => e.id === id);
  assert.ok(item, `emergency ${id} is listed`);
  return item;
}

function cachedGroupIds(dataDir: string): string[] {
  const db = new Database(join(dataDir, CACHE_FILE_NAME), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare<[], { group_ids: string }>('SELECT group_ids FROM screen_groups WHERE singleton = 1').get();
    return row ? (JSON.parse(row.group_ids) as string[]) : [];
  } finally {
    db.close();
  }
}

describe('emergency override', () => {
  it('reaches only the target group within 2 s, is acked per screen, survives an offline restart, and ends back into the rotation', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    await importAndApprove(h, 'black', toCsv(demoListRows('black', calendarDateAt(Date.now(), 480), 4, 11)));
    const dirA = tempDir(t);
    const dirB = tempDir(t);
    const players: { a: Player; b: Player } = { a: await startTestPlayer(h.url, dirA), b: await startTestPlayer(h.url, dirB) };
    t.after(async () => {
      await players.a.close();
      await players.b.close();
    });
    const technician = await h.as('technician');
    const screenA = await adoptPlayer(players.a, technician, '乌海站一号屏');
    const screenB = await adoptPlayer(players.b, technician, '政务大厅一号屏');

    // Groups: the technician makes one and puts screen A in it; A is told at once and keeps it in its cache.
    const group = await technician.request('POST', '/api/v1/screen-groups', { name: '乌海站' });
    assert.equal(group.status, 201, JSON.stringify(group.body));
    const groupId = group.body.id as string;
    const members = await technician.request('PUT', `/api/v1/screen-groups/${groupId}/screens`, { screenIds: [screenA] });
    assert.equal(members.status, 200, JSON.stringify(members.body));
    await waitFor('screen A to store its groups', () => cachedGroupIds(dirA).includes(groupId));
    assert.deepEqual(cachedGroupIds(dirB), []);
    const listed = await technician.request('GET', '/api/v1/screen-groups');
    assert.deepEqual(listed.body.items.map((g: { id: string; screenIds: string[] }) => [g.id, g.screenIds]), [[groupId, [screenA]]]);
    for (const player of [players.a, players.b]) await waitFor('the rotation to play', async () => !(await playing(player)).fallback && (await playing(player)).timeline.length > 0);

    // Start: only screen A, on its display state within the bound.
    const approver = await h.as('approver');
    const startedAt = Date.now();
    const started = await approver.request('POST', '/api/v1/emergencies', { kind: 'text', title: '紧急疏散', body: '请沿疏散指示标志有序撤离，不要使用电梯。', target: { groupIds: [groupId] } });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const first = started.body.id as string;
    assert.equal(started.body.targetScreens, 1);
    await waitFor('screen A to show the emergency', async () => (await shownEmergency(players.a)) === first, { timeoutMs: ON_SCREEN_WITHIN_MS, intervalMs: 20 });
    const onScreenAfterMs = Date.now() - startedAt;
    assert.ok(onScreenAfterMs <= ON_SCREEN_WITHIN_MS);
    t.diagnostic(`on screen A's display state ${onScreenAfterMs} ms after the POST (includes the HTTP round trip)`);
    const onA = (await playing(players.a)).emergency;
    assert.deepEqual({ title: onA?.title, body: onA?.body }, { title: '紧急疏散', body: '请沿疏散指示标志有序撤离，不要使用电梯。' });
    const acked = await waitFor('screen A to ack', async () => {
      const item = await emergencyItem(approver, first);
      return item.screens[0]?.status === 'showing' ? item : null;
    });
    assert.deepEqual(acked.screens.map((s) => [s.screenId, s.status]), [[screenA, 'showing']]);
    assert.equal(acked.pending, 0);
    assert.equal(await shownEmergency(players.b), null, 'screen B is not in the group');

    // A player restarted while the controller is unreachable still shows it, from its cache.
    await players.a.close();
    players.a = await startTestPlayer(UNREACHABLE_CONTROLLER, dirA);
    assert.equal(players.a.status().connected, false);
    assert.equal(await shownEmergency(players.a), first);
    await players.a.close();
    players.a = await startTestPlayer(h.url, dirA);
    await waitFor('screen A to reconnect', () => players.a.status().connected);

    // End: the rotation comes back.
    const ended = await approver.request('POST', `/api/v1/emergencies/${first}/end`, {});
    assert.equal(ended.status, 200, JSON.stringify(ended.body));
    await waitFor('screen A to drop the emergency', async () => (await shownEmergency(players.a)) === null);
    const afterEnd = await playing(players.a);
    assert.equal(afterEnd.fallback, false);
    assert.ok(afterEnd.timeline.length > 0);
    assert.equal((await approver.request('POST', `/api/v1/emergencies/${first}/end`, {})).status, 409);

    // Screen B goes offline; one emergency for all starts, another starts and ends while B is away.
    await players.b.close();
    const lasting = (await approver.request('POST', '/api/v1/emergencies', { kind: 'text', title: '暴雨红色预警', body: '请勿前往低洼地带。', target: 'all' })).body.id as string;
    const brief = (await approver.request('POST', '/api/v1/emergencies', { kind: 'text', title: '临时通知', body: '', target: 'all' })).body.id as string;
    await waitFor('screen A to show the newest', async () => (await shownEmergency(players.a)) === brief);
    const whileAway = await emergencyItem(approver, lasting);
    assert.equal(whileAway.screens.find((s) => s.screenId === screenB)?.status, 'pending');
    assert.equal((await approver.request('POST', `/api/v1/emergencies/${brief}/end`, {})).status, 200);
    await waitFor('screen A to fall back to the older, still active one', async () => (await shownEmergency(players.a)) === lasting);

    players.b = await startTestPlayer(h.url, dirB);
    await waitFor('screen B to show the active emergency on reconnect', async () => (await shownEmergency(players.b)) === lasting);
    await waitFor('screen B to ack it', async () => (await emergencyItem(approver, lasting)).screens.find((s) => s.screenId === screenB)?.status === 'showing');
    assert.notEqual(await shownEmergency(players.b), brief, 'an emergency that ended while B was away is never shown');

    assert.equal((await approver.request('POST', `/api/v1/emergencies/${lasting}/end`, {})).status, 200);
    for (const player of [players.a, players.b]) await waitFor('the rotation to return', async () => (await shownEmergency(player)) === null);

    // Every start and end is in the audit log.
    const audit = await (await h.as('auditor')).request('GET', '/api/v1/audit/events?limit=200');
    const actions = (audit.body.items as Array<{ action: string }>).map((e) => e.action).filter((a) => a.startsWith('emergency.'));
    assert.deepEqual(actions.sort(), ['emergency.end', 'emergency.end', 'emergency.end', 'emergency.start', 'emergency.start', 'emergency.start']);
  });

  it('refuses an unmasked ID number, markup, an unknown group and an unapproved slide with a clear error', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const admin = await h.as('admin');
    const unmasked = await admin.request('POST', '/api/v1/emergencies', { kind: 'text', title: '寻人启事', body: '身份证号 11010519491231002X 的旅客请到服务台', target: 'all' });
    assert.equal(unmasked.status, 400);
    assert.equal(unmasked.body.code, 'emergencies.unmasked-id');
    assert.match(unmasked.body.message, /身份证号码/);
    const spaced = await admin.request('POST', '/api/v1/emergencies', { kind: 'text', title: '1101 0519 4912 3100 2X', body: '', target: 'all' });
    assert.equal(spaced.body.code, 'emergencies.unmasked-id');
    const markup = await admin.request('POST', '/api/v1/emergencies', { kind: 'text', title: '通知', body: '<script>alert(1)</script>', target: 'all' });
    assert.equal(markup.body.code, 'emergencies.bad-text');
    const tooLong = await admin.request('POST', '/api/v1/emergencies', { kind: 'text', title: '长'.repeat(41), body: '', target: 'all' });
    assert.equal(tooLong.body.code, 'validation.failed');
    const unknownGroup = await admin.request('POST', '/api/v1/emergencies', { kind: 'text', title: '通知', body: '', target: { groupIds: ['no-such-group'] } });
    assert.equal(unknownGroup.status, 404);
    assert.equal(unknownGroup.body.code, 'screen-groups.unknown');
    const operator = await h.as('operator');
    const slide = await operator.request('POST', '/api/v1/content/slides', { title: '疏散', body: '请有序撤离', theme: 'red' });
    const pendingSlide = await admin.request('POST', '/api/v1/emergencies', { kind: 'slide', contentId: slide.body.id, target: 'all' });
    assert.equal(pendingSlide.body.code, 'emergencies.slide-not-approved');
    assert.equal((await (await h.as('approver')).request('POST', `/api/v1/content/${slide.body.id}/approve`, {})).status, 200);
    const slideEmergency = await admin.request('POST', '/api/v1/emergencies', { kind: 'slide', contentId: slide.body.id, target: 'all' });
    assert.equal(slideEmergency.status, 201, JSON.stringify(slideEmergency.body));
    assert.equal((await admin.request('POST', `/api/v1/emergencies/${slideEmergency.body.id}/end`, {})).status, 200);
    const refusedByOperator = await operator.request('POST', '/api/v1/emergencies', { kind: 'text', title: '通知', body: '', target: 'all' });
    assert.equal(refusedByOperator.status, 403);
    assert.equal(((await admin.request('GET', '/api/v1/emergencies')).body.items as unknown[]).length, 1, 'only the approved slide was stored');
  });
});
