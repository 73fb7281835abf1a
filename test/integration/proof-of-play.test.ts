// Proof of play end to end: a real controller and a real player core over loopback, real SQLite
// files. The test plays the kiosk page's part, posting the display reports the page sends on every
// scene change. Plays recorded through a controller outage and a player restart all arrive, once.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pino from 'pino';
import { startController, type RunningController } from '../../controller/server/controller.ts';
import { demoListRows, toCsv } from '../../controller/server/demo/demo-lists.ts';
import { CACHE_FILE_NAME } from '../../player/core/cache/player-cache.ts';
import type { Player } from '../../player/core/player.ts';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import { DISPLAY_REPORT_PATH, type DisplayReport } from '../../shared/display/display-report.ts';
import { ApiClient, importAndApprove, startControllerHarness } from '../support/controller-harness.ts';
import { adoptPlayer, displayState, startTestPlayer } from '../support/player-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';

const logger = pino({ level: process.env.GONGSHI_TEST_LOG ?? 'silent' });
const today = calendarDateAt(Date.now(), 480);

// Short timings so the test waits on nothing real; the recording rules themselves keep their defaults.
const FAST_PROOF_OF_PLAY = { tickMs: 50, uploadIntervalMs: 100, uploadRetryBaseMs: 50, uploadRetryCapMs: 250 };

interface Item {
  kind: 'list' | 'slide';
  id: string;
}

interface PlayRow {
  id: string;
  screenId: string;
  contentId: string;
  startedAt: number;
  endedAt: number;
}


const startFastPlayer = (controllerUrl: string, dataDir: string): Promise<Player> => startTestPlayer(controllerUrl, dataDir, { proofOfPlay: FAST_PROOF_OF_PLAY });

/** What the kiosk page posts when its scene changes. */
async function pageShows(player: Player, item: Item): Promise<void> {
  const url = new URL(player.displayUrl);
  const report: DisplayReport = {
    metrics: { screenWidth: 1920, screenHeight: 1080, viewportWidth: 1920, viewportHeight: 1080, pixelRatio: 1 },
    showing: { kind: item.kind, id: item.id, title: item.id },
  };
  const response = await fetch(`${url.origin}${DISPLAY_REPORT_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-display-token': url.searchParams.get('token') ?? '' },
    body: JSON.stringify(report),
  });
  assert.equal(response.status, 204, await response.text());
  // Scenes a few milliseconds apart, so consecutive plays have distinct times.
  await new Promise((resolve) => setTimeout(resolve, 15));
}

/** Reads the player's cache file directly, as a second connection (WAL lets it read beside the player). */
function cachedPlays(dataDir: string): { closed: string[]; open: string[] } {
  const db = new Database(join(dataDir, CACHE_FILE_NAME), { readonly: true });
  try {
    const rows = db.prepare<[], { id: string; open: number }>('SELECT id, open FROM play_events ORDER BY started_at, id').all();
    return { closed: rows.filter((r) => r.open === 0).map((r) => r.id), open: rows.filter((r) => r.open === 1).map((r) => r.id) };
  } finally {
    db.close();
  }
}

async function controllerPlays(auditor: ApiClient, screenId: string): Promise<PlayRow[]> {
  const rows: PlayRow[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `/api/v1/proof-of-play?screenId=${screenId}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await auditor.request('GET', query);
    assert.equal(page.status, 200, JSON.stringify(page.body));
    rows.push(...(page.body.items as PlayRow[]));
    cursor = page.body.nextCursor as string | null;
  } while (cursor);
  return rows;
}

describe('proof of play', () => {
  it('delivers every play recorded across a controller outage and a player restart, none lost and none doubled', async (t) => {
    const root = tempDir(t);
    const h = await startControllerHarness(root);
    let controller: RunningController | null = h.controller;
    let player: Player | null = null;
    t.after(async () => {
      await player?.close();
      await controller?.close();
    });
    await importAndApprove(h, 'red', toCsv(demoListRows('red', today, 4, 11)));
    await importAndApprove(h, 'black', toCsv(demoListRows('black', today, 4, 12)));

    const playerDir = tempDir(t);
    player = await startFastPlayer(h.url, playerDir);
    const screenId = await adoptPlayer(player, await h.as('technician'), '火车站大屏');
    const timeline = await waitFor('both lists on the display', async () => {
      const state = await displayState(player!);
      return state.mode === 'playing' && state.timeline.length >= 2 ? state.timeline.map((i) => ({ kind: i.kind, id: i.id })) : null;
    });
    const [a, b] = timeline as [Item, Item];
    let auditor = await h.as('auditor');

    // 1. Controller up: three scene changes close three plays, which are uploaded.
    for (const item of [a, b, a, b]) await pageShows(player, item);
    const uploadedFirst = await waitFor('the first three plays at the controller', async () => {
      const rows = await controllerPlays(auditor, screenId);
      return rows.length === 3 ? rows.map((r) => r.id) : null;
    });

    // 2. Controller down: the player keeps recording into its cache.
    await controller.close();
    controller = null;
    await waitFor('the player to notice the controller is gone', () => !player!.status().connected);
    for (const item of [a, b]) await pageShows(player, item);
    assert.equal(cachedPlays(playerDir).closed.length, 2);

    // 3. Player restart on the same data folder: closing it ends the play on screen, and it is kept.
    await player.close();
    player = null;
    assert.equal(cachedPlays(playerDir).closed.length, 3);
    player = await startFastPlayer(h.url, playerDir);
    for (const item of [a, b]) await pageShows(player, item);
    const recordedOffline = cachedPlays(playerDir);
    assert.equal(recordedOffline.closed.length, 4, 'three from before the restart, one after');
    assert.equal(recordedOffline.open.length, 1);

    // 4. Controller restart on its data folder and port: everything pending arrives.
    controller = await startController({ dataDir: join(root, 'controller'), port: h.controller.port, logger });
    auditor = new ApiClient(controller.url);
    assert.equal((await auditor.login('auditor')).status, 200);
    await waitFor('the offline plays to be acknowledged', () => cachedPlays(playerDir).closed.length === 0, { timeoutMs: 60_000 });

    // Recording goes on: the play open through the reconnect closes and arrives too.
    await pageShows(player, a);
    await waitFor('the last play to be acknowledged', () => cachedPlays(playerDir).closed.length === 0);

    const expected = [...uploadedFirst, ...recordedOffline.closed, ...recordedOffline.open].sort();
    assert.equal(new Set(expected).size, 8);
    const rows = await controllerPlays(auditor, screenId);
    assert.deepEqual(rows.map((r) => r.id).sort(), expected, 'exactly the recorded plays: none lost, none doubled');
    // A doubled play under another id would overlap its twin; one screen's plays never overlap.
    for (let i = 1; i < rows.length; i++) assert.ok(rows[i]!.startedAt >= rows[i - 1]!.endedAt, `plays ${i - 1} and ${i} overlap`);
    assert.deepEqual(new Set(rows.map((r) => r.contentId)), new Set([a.id, b.id]));

    // Auditors may give times as ISO-8601; a bad filter is a 400 that names the field.
    const window = `from=${encodeURIComponent(new Date(rows[0]!.startedAt).toISOString())}&to=${encodeURIComponent(new Date(rows.at(-1)!.startedAt + 1).toISOString())}`;
    const inWindow = await auditor.request('GET', `/api/v1/proof-of-play?${window}&contentId=${a.id}&limit=1000`);
    assert.equal(inWindow.status, 200, JSON.stringify(inWindow.body));
    assert.deepEqual(inWindow.body.items.map((r: PlayRow) => r.id), rows.filter((r) => r.contentId === a.id).map((r) => r.id));
    const bad = await auditor.request('GET', '/api/v1/proof-of-play?from=yesterday');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, 'validation.failed');
    assert.equal(bad.body.details.issues[0].path, 'query.from');
  });
});
