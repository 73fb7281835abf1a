// Playlists, schedules, tickers and list views end to end: a real controller and a real player
// core over loopback, with one injected clock so dayparts can be crossed on purpose.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import type { DisplayState } from '../../shared/display/display-state.ts';
import { demoListRows, toCsv } from '../../controller/server/demo/demo-lists.ts';
import type { Player } from '../../player/core/player.ts';
import { importAndApprove, startControllerHarness, type ApiClient } from '../support/controller-harness.ts';
import { adoptPlayer, displayState, startTestPlayer } from '../support/player-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';

type Playing = Extract<DisplayState, { mode: 'playing' }>;

// Saturday 2026-12-05, 11:00 in Beijing (03:00 UTC).
const SATURDAY_11_BEIJING = Date.UTC(2026, 11, 5, 3, 0);
const MINUTE = 60_000;

async function playing(player: Player): Promise<Playing> {
  const state = await displayState(player);
  assert.equal(state.mode, 'playing');
  return state as Playing;
}

async function created(client: ApiClient, path: string, body: unknown): Promise<string> {
  const response = await client.request('POST', path, body);
  assert.equal(response.status, 201, `${path}: ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

async function ok(client: ApiClient, method: string, path: string, body: unknown = {}): Promise<any> {
  const response = await client.request(method, path, method === 'GET' ? undefined : body);
  assert.equal(response.status, 200, `${method} ${path}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Approves the pending change of a playlist or schedule at the version the approver sees listed. */
async function approve(approver: ApiClient, kind: 'playlists' | 'schedules', id: string): Promise<void> {
  const listed = (await ok(approver, 'GET', `/api/v1/${kind}`)).items.find((row: { id: string }) => row.id === id);
  assert.ok(listed?.pendingAt, `${kind} ${id} has a pending change`);
  await ok(approver, 'POST', `/api/v1/${kind}/${id}/approve`, { pendingAt: listed.pendingAt });
}

describe('programme: playlists and schedules on a screen', () => {
  it('plays the scheduled list view with its ticker in the screen\'s zone, follows a zone change, and hands over to the default while offline', async (t) => {
    let nowMs = SATURDAY_11_BEIJING;
    const now = () => nowMs;
    const h = await startControllerHarness(tempDir(t), { now });
    let controllerOpen = true;
    t.after(async () => {
      if (controllerOpen) await h.close();
    });
    await importAndApprove(h, 'black', toCsv(demoListRows('black', calendarDateAt(nowMs, 480), 30, 7)));
    const dir = tempDir(t);
    const player = await startTestPlayer(h.url, dir, { now });
    t.after(() => player.close());
    const technician = await h.as('technician');
    const screenId = await adoptPlayer(player, technician, '中级法院大厅屏');
    const whole = await waitFor('the black list on screen', async () => {
      const state = await playing(player);
      const list = state.timeline.find((item) => item.kind === 'list' && item.list === 'black');
      return list?.kind === 'list' && list.entries.length > 0 ? list.entries : null;
    });
    const category = (whole[0] as { category: string }).category;
    const inCategory = whole.filter((entry) => entry.category === category).length;
    assert.ok(inCategory < whole.length, 'the demo list has more than one category, so the filter is visible');

    const operator = await h.as('operator');
    const approver = await h.as('approver');
    const tickerId = await created(operator, '/api/v1/content/tickers', { text: '信用修复咨询电话 12345', pxPerSecond: 90 });
    const qr = { target: 'entry', urlTemplate: 'https://www.creditchina.gov.cn/xinyongxinxi/index.html?keyword={code}' };
    const badQr = await operator.request('POST', '/api/v1/content/list-views', { title: '名单', list: 'black', view: { qr: { target: 'list', urlTemplate: 'https://example.org/?q={name}' } } });
    assert.equal(badQr.status, 400);
    assert.match(JSON.stringify(badQr.body), /view\.qr\.urlTemplate|urlTemplate/);
    assert.match(JSON.stringify(badQr.body), /need target \\"entry\\"|target/);
    const viewId = await created(operator, '/api/v1/content/list-views', { title: `${category}名单`, list: 'black', durationSeconds: 40, view: { categories: [category], motion: { mode: 'page', rowsPerPage: 6, secondsPerPage: 8 }, qr } });
    await ok(approver, 'POST', `/api/v1/content/${tickerId}/approve`);
    await ok(approver, 'POST', `/api/v1/content/${viewId}/approve`);
    const playlistId = await created(operator, '/api/v1/playlists', { name: '法院午间', items: [{ contentId: viewId, durationSeconds: 45 }], tickerIds: [tickerId] });
    await approve(approver, 'playlists', playlistId);
    const group = await created(technician, '/api/v1/screen-groups', { name: '法院' });
    await ok(technician, 'PUT', `/api/v1/screen-groups/${group}/screens`, { screenIds: [screenId] });
    const scheduleId = await created(operator, '/api/v1/schedules', { name: '周末上午', playlistId, screenGroupIds: [group], weekdays: [6, 7], windows: [{ start: '10:00', end: '12:00' }], priority: 10 });
    await approve(approver, 'schedules', scheduleId);

    // On screen: the list view alone, narrowed to its category, with the playlist's duration and its ticker as text.
    const scheduled = await waitFor('the scheduled playlist on screen', async () => {
      const state = await playing(player);
      return state.programme?.playlistId === playlistId ? state : null;
    });
    assert.equal(scheduled.programme?.scheduleId, scheduleId);
    assert.equal(scheduled.programme?.nextChangeAtMs, SATURDAY_11_BEIJING + 60 * MINUTE, 'the window closes at 12:00 Beijing time');
    assert.deepEqual(scheduled.timeline.map((item) => item.id), [`listview-${viewId}`]);
    const view = scheduled.timeline[0];
    assert.ok(view?.kind === 'list');
    assert.equal(view.durationMs, 45_000);
    assert.equal(view.entries.length, inCategory);
    assert.ok(view.entries.every((entry) => entry.category === category));
    assert.deepEqual(view.motion, { mode: 'page', rowsPerPage: 6, secondsPerPage: 8 });
    assert.deepEqual(view.qr, qr, 'the QR code travels with the view to the screen');
    assert.deepEqual(scheduled.tickers, [{ id: `ticker-${tickerId}`, text: '信用修复咨询电话 12345', pxPerSecond: 90 }]);

    // The console's preview runs the same evaluation on the newest manifest.
    const preview = await ok(operator, 'GET', `/api/v1/screens/${screenId}/programme`, undefined);
    assert.equal(preview.playlistId, playlistId);
    assert.equal(preview.timeZone, 'Asia/Shanghai');
    assert.deepEqual(preview.source, { kind: 'schedule', scheduleId });
    const atNoon = await ok(operator, 'GET', `/api/v1/screens/${screenId}/programme?at=2026-12-05T12:00:00%2B08:00`, undefined);
    assert.equal(atNoon.playlistId, 'rotation');
    const farFuture = await operator.request('GET', `/api/v1/screens/${screenId}/programme?at=99999999999999999999`);
    assert.equal(farFuture.status, 400);
    assert.equal(farFuture.body.code, 'validation.failed');

    // In London it is 03:00: outside the window. The screen hears its zone and switches without a reconnect.
    const zoned = await ok(technician, 'PUT', `/api/v1/screens/${screenId}/time-zone`, { timeZone: 'Europe/London' });
    assert.equal(zoned.timeZone, 'Europe/London');
    await waitFor('the default rotation in London time', async () => (await playing(player)).programme?.playlistId === 'rotation');
    await ok(technician, 'PUT', `/api/v1/screens/${screenId}/time-zone`, { timeZone: null });
    await waitFor('the scheduled playlist again in Beijing time', async () => (await playing(player)).programme?.playlistId === playlistId);

    // Offline, the screen's own clock crosses 12:00 and it hands over to the default by itself.
    await h.close();
    controllerOpen = false;
    await waitFor('the player to notice the controller is gone', () => !player.status().connected);
    nowMs = SATURDAY_11_BEIJING + 61 * MINUTE;
    const handedOver = await waitFor('the default rotation after the window, offline', async () => {
      const state = await playing(player);
      return state.programme?.playlistId === 'rotation' ? state : null;
    });
    assert.equal(player.status().connected, false);
    assert.ok(handedOver.timeline.some((item) => item.id === 'list-black'));
    assert.ok(handedOver.tickers?.some((ticker) => ticker.id === `ticker-${tickerId}`), 'the rotation runs every ticker');
  });

  it('keeps four eyes on playlists, keeps the approved version on screens while a change waits, and names bad references', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const operator = await h.as('operator');
    const approver = await h.as('approver');
    const operator2 = await h.as('operator2');
    const tickerId = await created(operator, '/api/v1/content/tickers', { text: '诚信建设万里行' });

    const playlistId = await created(operator, '/api/v1/playlists', { name: '大厅', items: [{ contentId: 'list-red', durationSeconds: 30 }] });
    // operator2 also holds the approver role, but it is the author who may not approve their own change.
    const own = await operator.request('POST', `/api/v1/playlists/${playlistId}/approve`, { pendingAt: 0 });
    assert.equal(own.status, 403, 'an operator may not review at all');
    // Another author's pending change is not silently replaced.
    const overwrite = await operator2.request('PUT', `/api/v1/playlists/${playlistId}`, { name: '大厅', items: [{ contentId: 'list-black', durationSeconds: 20 }] });
    assert.equal(overwrite.status, 409);
    assert.equal(overwrite.body.code, 'playlists.change-pending');
    // The approver looks at the first version; the author then replaces it: approving what was seen is refused.
    const seen = (await ok(approver, 'GET', '/api/v1/playlists')).items.find((p: { id: string }) => p.id === playlistId);
    await ok(operator, 'PUT', `/api/v1/playlists/${playlistId}`, { name: '大厅', items: [{ contentId: 'list-black', durationSeconds: 20 }] });
    const stale = await approver.request('POST', `/api/v1/playlists/${playlistId}/approve`, { pendingAt: seen.pendingAt });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, 'playlists.changed-since-viewed');
    // operator2 also holds the approver role, but nobody approves their own change.
    await ok(approver, 'POST', `/api/v1/playlists/${playlistId}/reject`, { comment: '换成黑名单前请说明', pendingAt: stale.body.details.pendingAt });
    await ok(operator2, 'PUT', `/api/v1/playlists/${playlistId}`, { name: '大厅', items: [{ contentId: 'list-black', durationSeconds: 20 }] });
    const pendingAt = (await ok(operator2, 'GET', '/api/v1/playlists')).items.find((p: { id: string }) => p.id === playlistId).pendingAt;
    const selfReview = await operator2.request('POST', `/api/v1/playlists/${playlistId}/approve`, { pendingAt });
    assert.equal(selfReview.status, 403);
    assert.equal(selfReview.body.code, 'review.own-change');
    await approve(approver, 'playlists', playlistId);
    const manifestItems = async () => {
      const manifest = (await h.controller.context.publisher.latestManifest())?.payload;
      return manifest?.programme?.playlists.find((p) => p.id === playlistId)?.items.map((item) => item.contentId);
    };
    assert.deepEqual(await manifestItems(), ['list-black']);

    // A change waits for review; screens keep the approved version.
    await ok(operator, 'PUT', `/api/v1/playlists/${playlistId}`, { name: '大厅', items: [{ contentId: 'list-red', durationSeconds: 30 }] });
    const listed = (await ok(operator, 'GET', '/api/v1/playlists', undefined)).items.find((p: { id: string }) => p.id === playlistId);
    assert.equal(listed.status, 'approved-with-change');
    assert.deepEqual(await manifestItems(), ['list-black']);
    await approve(approver, 'playlists', playlistId);
    assert.deepEqual(await manifestItems(), ['list-red']);

    // Bad references say what and where.
    const tickerAsItem = await operator.request('POST', '/api/v1/playlists', { name: 'x', items: [{ contentId: tickerId, durationSeconds: 10 }] });
    assert.equal(tickerAsItem.status, 400);
    assert.equal(tickerAsItem.body.code, 'playlists.bad-reference');
    assert.equal(tickerAsItem.body.details.issues[0].path, 'body.items.0.contentId');
    const unknownPlaylist = await operator.request('POST', '/api/v1/schedules', { name: 'x', playlistId: 'nope', screenGroupIds: ['g'], weekdays: [1], windows: [{ start: '08:00', end: '09:00' }], priority: 1 });
    assert.equal(unknownPlaylist.status, 400);
    assert.equal(unknownPlaylist.body.code, 'schedules.unknown-playlist');
    assert.equal(unknownPlaylist.body.details.issues[0].path, 'body.playlistId');
    const duplicateTickers = await operator.request('POST', '/api/v1/playlists', { name: 'x', items: [{ contentId: 'list-red', durationSeconds: 10 }], tickerIds: [tickerId, tickerId] });
    assert.equal(duplicateTickers.status, 400, 'a playlist screens would refuse is refused at the door');
    const tooLong = await operator.request('POST', '/api/v1/playlists', { name: 'x', items: [{ contentId: 'list-red', durationSeconds: 7200 }] });
    assert.equal(tooLong.status, 400);
    assert.equal(tooLong.body.details.issues[0].path, 'body.items.0.durationSeconds');

    const emptyWindow = await operator.request('POST', '/api/v1/schedules', { name: 'x', playlistId, screenGroupIds: ['g'], weekdays: [1], windows: [{ start: '08:00', end: '08:00' }], priority: 1 });
    assert.equal(emptyWindow.status, 400);
    assert.match(JSON.stringify(emptyWindow.body.details), /windows\.0\.end/);
    const unmasked = await operator.request('POST', '/api/v1/content/tickers', { text: '举报电话 110101199003074578' });
    assert.equal(unmasked.status, 400);
    assert.equal(unmasked.body.code, 'content.unmasked-id');
    const markup = await operator.request('POST', '/api/v1/content/tickers', { text: '<script>alert(1)</script>' });
    assert.equal(markup.body.code, 'content.bad-text');

    // The default playlist: approvers choose among approved playlists; retiring it brings the rotation back.
    await ok(approver, 'PUT', '/api/v1/programme/default-playlist', { playlistId });
    assert.equal((await h.controller.context.publisher.latestManifest())?.payload.programme?.defaultPlaylistId, playlistId);
    await ok(operator, 'POST', `/api/v1/playlists/${playlistId}/retire`, { comment: '换季' });
    assert.equal((await h.controller.context.publisher.latestManifest())?.payload.programme, undefined, 'no playlist left: the timeline is the rotation');
  });
});
