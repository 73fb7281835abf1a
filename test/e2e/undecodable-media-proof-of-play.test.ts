// An image that passes its hash check but cannot be decoded is never a play: Chromium shows the
// fallback slide in its place, the page reports the fallback, and proof of play (in the player's
// cache and at the controller) holds plays of the good image only.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { CACHE_FILE_NAME } from '../../player/core/cache/player-cache.ts';
import { makePng } from '../fixtures/media/png.ts';
import { launchChromium } from '../support/chromium.ts';
import { startControllerHarness, type ApiClient } from '../support/controller-harness.ts';
import { adoptPlayer, displayState, startTestPlayer } from '../support/player-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';

const FAST_PROOF_OF_PLAY = { tickMs: 50, uploadIntervalMs: 100, uploadRetryBaseMs: 50, uploadRetryCapMs: 250 };
// The shortest an operator may give (3 s): the page goes round the timeline quickly.
const DURATION_SECONDS = 3;

/** Content ids of the plays in the player's cache, read beside it (WAL) as a second connection. */
function cachedPlayContentIds(dataDir: string): string[] {
  const db = new Database(join(dataDir, CACHE_FILE_NAME), { readonly: true });
  try {
    return db.prepare<[], { contentId: string }>('SELECT content_id AS contentId FROM play_events ORDER BY started_at').all().map((r) => r.contentId);
  } finally {
    db.close();
  }
}

async function uploadApproved(operator: ApiClient, approver: ApiClient, title: string, bytes: Uint8Array): Promise<string> {
  const upload = await operator.upload(`/api/v1/content/media?title=${encodeURIComponent(title)}&durationSeconds=${DURATION_SECONDS}`, `${title}.png`, bytes);
  assert.equal(upload.status, 201, JSON.stringify(upload.body));
  const approved = await approver.request('POST', `/api/v1/content/${upload.body.id}/approve`, {});
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  return upload.body.id as string;
}

describe('proof of play of undecodable media', () => {
  it('records no play for an image that fails to decode while the fallback slide shows, and plays the good one', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const operator = await h.as('operator');
    const approver = await h.as('approver');
    const good = makePng(480, 270, [200, 16, 46], [255, 215, 0]);
    // A PNG signature and a truncated header: the controller takes it for a PNG, the player's hash
    // check passes (these are the bytes the manifest names), and no browser can decode it.
    const corrupt = makePng(480, 270, [200, 16, 46], [255, 215, 0]).subarray(0, 40);
    const goodId = `image-${await uploadApproved(operator, approver, '诚信海报', good)}`;
    const corruptId = `image-${await uploadApproved(operator, approver, '损坏海报', corrupt)}`;

    const dataDir = tempDir(t);
    const player = await startTestPlayer(h.url, dataDir, { proofOfPlay: FAST_PROOF_OF_PLAY, heartbeatIntervalMs: 200 });
    t.after(() => player.close());
    const technician = await h.as('technician');
    const screenId = await adoptPlayer(player, technician, '政务大厅屏');
    await waitFor('both images, hash-checked, on the display', async () => {
      const state = await displayState(player);
      return state.mode === 'playing' && state.timeline.map((item) => item.id).join() === [goodId, corruptId].join();
    });

    const browser = await launchChromium();
    t.after(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(player.displayUrl);

    // The corrupt image's turn: the fallback slide in its place, and the screen's health says so.
    await page.waitForSelector(`[data-scene-state="current"][data-scene-key="image:${corruptId}"] [data-testid="fallback-slide"]`, { timeout: 20_000 });
    await waitFor('the heartbeat to say the fallback is on screen', async () => {
      const health = await technician.request('GET', `/api/v1/screens/${screenId}/health`);
      return health.body.health?.onScreen === 'fallback' && (await page.$(`[data-scene-state="current"][data-scene-key="image:${corruptId}"]`)) !== null;
    }, { timeoutMs: 20_000 });
    assert.ok(!cachedPlayContentIds(dataDir).includes(corruptId), 'no play opened for the undecodable image');

    // Once more round the timeline: the good image is played, and the corrupt one still is not.
    await page.waitForSelector(`[data-scene-state="current"][data-scene-key="image:${goodId}"] img`, { timeout: 20_000 });
    await page.waitForSelector(`[data-scene-state="current"][data-scene-key="image:${corruptId}"] [data-testid="fallback-slide"]`, { timeout: 20_000 });
    await page.waitForSelector(`[data-scene-state="current"][data-scene-key="image:${goodId}"]`, { timeout: 20_000 });
    const cached = await waitFor('a play of the good image in the cache', () => {
      const ids = cachedPlayContentIds(dataDir);
      return ids.includes(goodId) ? ids : null;
    });
    assert.deepEqual([...new Set(cached)], [goodId]);

    const auditor = await h.as('auditor');
    const atController = await waitFor('plays at the controller', async () => {
      const response = await auditor.request('GET', `/api/v1/proof-of-play?screenId=${screenId}`);
      return response.status === 200 && response.body.items.length > 0 ? (response.body.items as Array<{ contentId: string }>) : null;
    });
    assert.deepEqual([...new Set(atController.map((play) => play.contentId))], [goodId]);
  });
});
