// Screen health end to end: a real controller and a real player core over loopback, heartbeats with real figures, offline after silence and back.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import { DISPLAY_REPORT_PATH, type DisplayReport } from '../../shared/display/display-report.ts';
import type { Heartbeat } from '../../shared/protocol/messages.ts';
import { demoListRows, toCsv } from '../../controller/server/demo/demo-lists.ts';
import type { Player } from '../../player/core/player.ts';
import { startControllerHarness, type ApiClient, type ControllerHarness } from '../support/controller-harness.ts';
import { adoptPlayer, startTestPlayer } from '../support/player-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';

// Short enough for a test, and the same shape as production: several beats fit in one offline threshold.
const HEARTBEAT_INTERVAL_MS = 200;
const OFFLINE_AFTER_MS = 1_500;
const CHECK_INTERVAL_MS = 100;

const APP_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

interface ScreenItem {
  id: string;
  status: 'online' | 'offline' | 'revoked';
  statusChangedAt: number | null;
  lastSeenAt: number | null;
  connected: boolean;
  health: Heartbeat | null;
}

interface HealthAnswer extends ScreenItem {
  window: { from: number; to: number };
  statusAtFrom: string | null;
  transitions: Array<{ at: number; status: string; reason: string; lastSeenAt: number | null }>;
  heartbeats: Array<{ at: number; heartbeat: Heartbeat }>;
  truncated: { transitions: boolean; heartbeats: boolean };
}

async function importAndApprove(h: ControllerHarness): Promise<void> {
  const operator = await h.as('operator');
  const upload = await operator.upload('/api/v1/imports?list=black', 'black.csv', toCsv(demoListRows('black', calendarDateAt(Date.now(), 480), 4, 7)));
  assert.equal(upload.status, 201, JSON.stringify(upload.body));
  const approved = await (await h.as('approver')).request('POST', `/api/v1/change-sets/${upload.body.changeSetId}/approve`, { comment: 'ok' });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
}

async function screenItem(client: ApiClient, screenId: string): Promise<ScreenItem | undefined> {
  const response = await client.request<{ items: ScreenItem[] }>('GET', '/api/v1/screens');
  return response.body.items.find((s) => s.id === screenId);
}

/** What the kiosk page posts; sent here as the page would, with the per-boot token from the kiosk URL. */
async function reportFromPage(player: Player, report: DisplayReport): Promise<void> {
  const url = new URL(player.displayUrl);
  const response = await fetch(`${url.origin}${DISPLAY_REPORT_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-display-token': url.searchParams.get('token') ?? '' },
    body: JSON.stringify(report),
  });
  assert.equal(response.status, 204);
}

describe('screen health', () => {
  it('reports real figures, goes offline once after the silence threshold, comes back online, and keeps the history', async (t) => {
    const h = await startControllerHarness(tempDir(t), { screenHealth: { offlineAfterMs: OFFLINE_AFTER_MS, checkIntervalMs: CHECK_INTERVAL_MS, historySampleMs: 0 } });
    t.after(() => h.close());
    await importAndApprove(h);
    const dir = tempDir(t);
    let player = await startTestPlayer(h.url, dir, { heartbeatIntervalMs: HEARTBEAT_INTERVAL_MS });
    let playerClosed = false;
    t.after(async () => {
      if (!playerClosed) await player.close();
    });
    const technician = await h.as('technician');
    const screenId = await adoptPlayer(player, technician, '乌海站大屏');
    const published = (await technician.request('GET', '/api/v1/health')).body as { manifestVersion: number; listRevision: number };
    assert.ok(published.listRevision > 0);

    await waitFor('the player to apply the newest publish', () => player.status().manifestVersion === published.manifestVersion);
    await reportFromPage(player, {
      metrics: { screenWidth: 1920, screenHeight: 1080, viewportWidth: 1920, viewportHeight: 1080, pixelRatio: 1 },
      showing: { kind: 'list', id: 'black', title: '失信黑名单' },
    });

    // Several beats in, so the CPU share (which needs two samples) is there too.
    const screen = await waitFor('a heartbeat with the applied versions and the page report', async () => {
      const item = await screenItem(technician, screenId);
      const beat = item?.health;
      return beat && beat.manifestVersion === published.manifestVersion && beat.listRevision === published.listRevision && beat.onScreen !== null && beat.cpuBusyFraction !== null ? item : null;
    });
    const beat = screen.health as Heartbeat;
    assert.equal(screen.status, 'online');
    assert.equal(screen.connected, true);
    assert.ok(screen.lastSeenAt !== null && Date.now() - screen.lastSeenAt < 5_000);
    assert.equal(beat.onScreen, 'list:black 失信黑名单');
    assert.equal(beat.resolution, '1920x1080');
    assert.deepEqual(beat.display, { screenWidth: 1920, screenHeight: 1080, viewportWidth: 1920, viewportHeight: 1080, pixelRatio: 1 });
    assert.ok(beat.displayReportedAt !== null && Math.abs(Date.now() - beat.displayReportedAt) < 10_000);
    assert.equal(beat.appVersion, APP_VERSION);
    assert.ok(beat.memoryRssBytes > 0, 'process memory');
    assert.ok(beat.memoryTotalBytes !== null && beat.memoryFreeBytes !== null && beat.memoryFreeBytes > 0 && beat.memoryFreeBytes <= beat.memoryTotalBytes, 'machine memory');
    assert.ok(beat.diskFreeBytes !== null && beat.diskFreeBytes > 0, 'free disk');
    assert.ok(beat.cacheBytes > 0, 'the cache holds the list');
    assert.ok(beat.cpuCount !== null && beat.cpuCount >= 1);
    assert.ok(beat.cpuBusyFraction !== null && beat.cpuBusyFraction >= 0 && beat.cpuBusyFraction <= 1);
    if (process.platform !== 'win32') assert.equal(beat.loadAverage?.length, 3);
    assert.ok(beat.systemUptimeSeconds !== null && beat.systemUptimeSeconds > 0);
    assert.ok(beat.uptimeSeconds >= 0);
    // Controller and player share this machine's clock: the offset to controller time is a round-trip error, no more.
    assert.ok(Math.abs(beat.clockOffsetMs) < 1_000, `clock offset ${beat.clockOffsetMs} ms`);
    assert.ok(Math.abs(Date.now() - beat.sentAt) < 10_000);
    assert.equal(beat.lastError, null);

    // The player stops: offline once the threshold has passed since its last beat, and only once.
    await player.close();
    playerClosed = true;
    const offline = await waitFor('the screen to be marked offline', async () => {
      const item = await screenItem(technician, screenId);
      return item?.status === 'offline' ? item : null;
    });
    assert.ok(offline.statusChangedAt !== null && offline.lastSeenAt !== null);
    assert.ok(offline.statusChangedAt - offline.lastSeenAt >= OFFLINE_AFTER_MS, 'not before the threshold');
    assert.equal(offline.connected, false);
    await new Promise((resolve) => setTimeout(resolve, 5 * CHECK_INTERVAL_MS));

    // It returns: online again at once, on connect.
    player = await startTestPlayer(h.url, dir, { heartbeatIntervalMs: HEARTBEAT_INTERVAL_MS });
    playerClosed = false;
    await waitFor('the screen to be back online', async () => (await screenItem(technician, screenId))?.status === 'online');

    const history = await technician.request<HealthAnswer>('GET', `/api/v1/screens/${screenId}/health`);
    assert.equal(history.status, 200, JSON.stringify(history.body));
    assert.deepEqual(
      history.body.transitions.map((c) => [c.status, c.reason]),
      [
        ['online', 'connected'],
        ['offline', 'silent'],
        ['online', 'connected'],
      ],
    );
    assert.equal(history.body.statusAtFrom, null, 'nothing before the screen was adopted');
    assert.ok(history.body.heartbeats.length >= 3);
    for (const { at, heartbeat } of history.body.heartbeats) {
      assert.ok(at >= history.body.window.from && at <= history.body.window.to);
      assert.ok(heartbeat.memoryRssBytes > 0 && heartbeat.appVersion === APP_VERSION);
    }
    assert.deepEqual(history.body.truncated, { transitions: false, heartbeats: false });

    // A window given as ISO-8601 that ends before the screen went offline holds the first change only.
    const firstOnlineAt = history.body.transitions[0]?.at ?? 0;
    const early = await technician.request<HealthAnswer>('GET', `/api/v1/screens/${screenId}/health?from=${firstOnlineAt - 1}&to=${encodeURIComponent(new Date(firstOnlineAt + 1).toISOString())}`);
    assert.equal(early.status, 200, JSON.stringify(early.body));
    assert.deepEqual(early.body.transitions.map((c) => c.status), ['online']);
  });

  it('answers an unknown screen with 404 and a bad window with 400, each as { code, message, details }', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const auditor = await h.as('auditor');
    const unknown = await auditor.request('GET', '/api/v1/screens/no-such-screen/health');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.code, 'screens.not-found');
    assert.deepEqual(unknown.body.details, { screenId: 'no-such-screen' });
    const reversed = await auditor.request('GET', '/api/v1/screens/any/health?from=2000&to=1000');
    assert.equal(reversed.status, 400);
    assert.equal(reversed.body.details.reason, 'from-after-to');
    const garbage = await auditor.request('GET', '/api/v1/screens/any/health?from=yesterday');
    assert.equal(garbage.status, 400);
    assert.equal(garbage.body.details.issues[0].path, 'query.from');
    assert.equal(typeof garbage.body.message, 'string');
  });
});
