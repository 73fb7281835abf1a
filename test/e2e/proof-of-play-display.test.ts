// Proof of play from the real kiosk page: Chromium renders the display, the page's own reports open
// a play in the core, and that play reaches the controller after the core restarts.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { demoListRows, toCsv } from '../../controller/server/demo/demo-lists.ts';
import { CACHE_FILE_NAME } from '../../player/core/cache/player-cache.ts';
import type { Player } from '../../player/core/player.ts';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import { launchChromium } from '../support/chromium.ts';
import { startControllerHarness } from '../support/controller-harness.ts';
import { adoptPlayer, displayState, startTestPlayer } from '../support/player-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';

const today = calendarDateAt(Date.now(), 480);

const startFastPlayer = (controllerUrl: string, dataDir: string): Promise<Player> =>
  startTestPlayer(controllerUrl, dataDir, { proofOfPlay: { tickMs: 50, uploadIntervalMs: 100, uploadRetryBaseMs: 50, uploadRetryCapMs: 250 } });

function openPlayIds(dataDir: string): string[] {
  const db = new Database(join(dataDir, CACHE_FILE_NAME), { readonly: true });
  try {
    return db.prepare<[], { id: string }>('SELECT id FROM play_events WHERE open = 1').all().map((r) => r.id);
  } finally {
    db.close();
  }
}

describe('proof of play from the kiosk page', () => {
  it('records the scene the page reports and delivers it to the auditor', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const operator = await h.as('operator');
    const upload = await operator.upload('/api/v1/imports?list=red', 'red.csv', toCsv(demoListRows('red', today, 5, 21)));
    assert.equal(upload.status, 201, JSON.stringify(upload.body));
    const approved = await (await h.as('approver')).request('POST', `/api/v1/change-sets/${upload.body.changeSetId}/approve`, { comment: 'ok' });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));

    const dataDir = tempDir(t);
    let player = await startFastPlayer(h.url, dataDir);
    t.after(() => player.close());
    const screenId = await adoptPlayer(player, await h.as('technician'), '政务大厅屏');
    const state = await waitFor('the red list on the display', async () => {
      const current = await displayState(player);
      return current.mode === 'playing' && current.timeline.length === 1 ? current : null;
    });
    assert.equal(state.mode, 'playing');

    const browser = await launchChromium();
    t.after(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(player.displayUrl);
    await page.waitForSelector('[data-scene-state="current"][data-scene-key="list:list-red"]');
    const [playId] = await waitFor('the page\'s report to open a play', () => {
      const ids = openPlayIds(dataDir);
      return ids.length === 1 ? ids : null;
    });
    await page.close();

    // Stopping the core ends the play; the restarted core uploads it.
    await player.close();
    player = await startFastPlayer(h.url, dataDir);
    const auditor = await h.as('auditor');
    const items = await waitFor('the play at the controller', async () => {
      const response = await auditor.request('GET', `/api/v1/proof-of-play?screenId=${screenId}`);
      return response.status === 200 && response.body.items.length === 1 ? response.body.items : null;
    });
    assert.equal(items[0].id, playId);
    assert.equal(items[0].kind, 'list');
    assert.equal(items[0].contentId, 'list-red');
    assert.equal(items[0].manifestVersion, state.manifestVersion);
    assert.equal(items[0].listRevision, state.listRevision);
    assert.ok(items[0].endedAt >= items[0].startedAt);
  });
});
