// Images on the kiosk display in Chromium: letterboxed whole, decoded before their scene fades in, served only when verified.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startDisplayServer, type DisplayServer } from '../../player/core/display-server.ts';
import type { DisplayItem, DisplayState } from '../../shared/display/display-state.ts';
import { makePng } from '../fixtures/media/png.ts';
import { launchChromium } from '../support/chromium.ts';
import { DISPLAY_DIST, assertDisplayBuilt, listItem, makeEntries, maybeScreenshot, openDisplay, playingState, slideItem, waitForSettledScene } from '../support/display-fixtures.ts';
import { tempDir } from '../support/temp-dir.ts';
import { servedDisplay } from '../support/entry-sets.ts';

const RED: [number, number, number] = [200, 16, 46];
const GOLD: [number, number, number] = [255, 215, 0];
const POSTER_SHA = 'a'.repeat(64);
const BROKEN_SHA = 'c'.repeat(64);

function imageItem(id: string, durationMs: number, sha256 = POSTER_SHA): DisplayItem {
  return { kind: 'image', id, durationMs, title: '诚信海报', src: `/media/${sha256}`, mediaType: 'image/png' };
}

/** Notes the current scene's image state at the moment it is inserted, before any later load could fix it. */
async function noteImageOnInsert(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: { complete: boolean; width: number }[] = [];
    (window as unknown as { imageOnInsert: typeof seen }).imageOnInsert = seen;
    new MutationObserver(() => {
      const img = document.querySelector<HTMLImageElement>('[data-scene-state="current"] img');
      if (img && seen.length === 0) seen.push({ complete: img.complete, width: img.naturalWidth });
    }).observe(document.body, { childList: true, subtree: true });
  });
}

const imageOnInsert = (page: Page) => page.evaluate(() => (window as unknown as { imageOnInsert: { complete: boolean; width: number }[] }).imageOnInsert[0]);

describe('images on the display', () => {
  let browser: Browser;
  let server: DisplayServer;
  let state: DisplayState = { mode: 'pairing', pairingCode: null, controllerUrl: '', locale: 'zh-CN' };
  const dir = tempDir({ after });

  before(async () => {
    assertDisplayBuilt();
    // 16:9 at a quarter of 1080p: the display must scale it up to the full screen.
    const posterPath = join(dir, POSTER_SHA);
    writeFileSync(posterPath, makePng(480, 270, RED, GOLD));
    // Passed its hash check, yet no browser can decode it: a PNG signature and then nothing.
    const brokenPath = join(dir, BROKEN_SHA);
    writeFileSync(brokenPath, makePng(480, 270, RED, GOLD).subarray(0, 40));
    server = await startDisplayServer({
      port: 0,
      staticDir: DISPLAY_DIST,
      token: randomBytes(16).toString('hex'),
      ...servedDisplay(() => state),
      mediaFile: (sha256) => (sha256 === POSTER_SHA ? { path: posterPath, mediaType: 'image/png' } : sha256 === BROKEN_SHA ? { path: brokenPath, mediaType: 'image/png' } : null),
    });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('fills the screen with the whole picture, decoded before its scene appears', async () => {
    // A short slide first, so the image is the *next* item and has to be preloaded.
    state = playingState([slideItem({ title: '诚信建设万里行' }, 'slide-before', 3_000), imageItem('poster', 60_000)])();
    const page = await openDisplay(browser, server.url);
    await noteImageOnInsert(page);
    await page.waitForSelector('[data-scene-state="current"][data-scene-key="image:poster"]', { timeout: 15_000 });
    const onInsert = await imageOnInsert(page);
    assert.deepEqual(onInsert, { complete: true, width: 480 }, 'the image was not ready when its scene appeared');

    await waitForSettledScene(page);
    await maybeScreenshot(page, 'display-image-1080p');
    const png = await page.screenshot();
    const pixels = await page.evaluate(async (bytes) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      // No named helpers in here: tsx's keepNames would wrap them in a __name call the page lacks.
      return { top: [...context.getImageData(960, 200, 1, 1).data.slice(0, 3)], bottom: [...context.getImageData(960, 880, 1, 1).data.slice(0, 3)] };
    }, [...png]);
    // 16:9 into 16:9: no bars, the top half red and the bottom half gold, edge to edge.
    assert.deepEqual(pixels, { top: RED, bottom: GOLD });
    await page.context().close();
  });

  it('decodes the picture beside a split list before the list\'s scene appears', async () => {
    const split = { kind: 'image' as const, src: `/media/${POSTER_SHA}`, mediaType: 'image/png' as const, title: '诚信海报' };
    state = playingState([slideItem({ title: '诚信建设万里行' }, 'slide-before', 3_000), listItem('black', makeEntries('black', 5), { id: 'split-list', layout: 'split', split } as Partial<DisplayItem>)])();
    const page = await openDisplay(browser, server.url);
    await noteImageOnInsert(page);
    await page.waitForSelector('[data-scene-state="current"][data-scene-key="list:split-list"] img', { timeout: 15_000 });
    const onInsert = await imageOnInsert(page);
    assert.deepEqual(onInsert, { complete: true, width: 480 }, 'the split picture was not ready when its scene appeared');
    await page.context().close();
  });

  it('shows the built-in slide instead of an empty frame when an image cannot be decoded', async () => {
    state = playingState([imageItem('broken', 60_000, BROKEN_SHA)])();
    const page = await openDisplay(browser, server.url);
    await page.waitForSelector('[data-scene-state="current"][data-scene-key="image:broken"] [data-testid="fallback-slide"]');
    await page.context().close();
  });

  it('serves only verified media: anything else is a 404, not a file from disk', async () => {
    const origin = new URL(server.url).origin;
    assert.equal((await fetch(`${origin}/media/${'b'.repeat(64)}`)).status, 404);
    assert.equal((await fetch(`${origin}/media/..%2Fpackage.json`)).status, 404);
    const served = await fetch(`${origin}/media/${POSTER_SHA}`);
    assert.equal(served.headers.get('content-type'), 'image/png');
    assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
  });
});
