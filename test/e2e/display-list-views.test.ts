// List views in Chromium: a view's own scroll speed, pages that flip, a list beside a picture, and a one-line marquee for LED strips.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startDisplayServer, type DisplayServer } from '../../player/core/display-server.ts';
import type { DisplayItem, DisplayState } from '../../shared/display/display-state.ts';
import type { ListKind, PublicEntry } from '../../shared/lists/list-entry.ts';
import type { ListMotion } from '../../shared/protocol/manifest.ts';
import { makePng } from '../fixtures/media/png.ts';
import {
  DISPLAY_DIST,
  chromiumSuite,
  currentRowIds,
  listItem,
  makeEntries,
  maybeScreenshot,
  measureHorizontalOverflow,
  openDisplay,
  playingState,
  slideItem,
  waitForSettledScene,
} from '../support/display-fixtures.ts';
import { tempDir } from '../support/temp-dir.ts';
import { servedDisplay } from '../support/entry-sets.ts';

type ListDisplayItem = Extract<DisplayItem, { kind: 'list' }>;

const TICKER = { id: 'ticker-page', text: '守信联合激励 失信联合惩戒 —— 信用乌海提醒您：诚信经营，依法履约', pxPerSecond: 110 };
const POSTER_SHA = 'd'.repeat(64);
const POSTER_SRC = `/media/${POSTER_SHA}`;
const BROKEN_SHA = 'f'.repeat(64);

let serial = 0;
function viewItem(list: ListKind, entries: PublicEntry[], view: Partial<ListDisplayItem>): ListDisplayItem {
  return listItem(list, entries, { id: `list-view-${++serial}`, ...view } as Partial<DisplayItem>) as ListDisplayItem;
}

const current = '[data-scene-state="current"]';

interface PageRows {
  viewportTop: number;
  viewportHeight: number;
  rows: { top: number; height: number; fontPx: number }[];
}

async function pageRows(page: Page): Promise<PageRows> {
  return page.$eval(`${current} [data-testid="entry-viewport"]`, (viewport) => {
    const box = viewport.getBoundingClientRect();
    return {
      viewportTop: box.top,
      viewportHeight: box.height,
      rows: Array.from(viewport.querySelectorAll('[data-testid="entry-row"]')).map((row) => ({
        top: row.getBoundingClientRect().top,
        height: row.getBoundingClientRect().height,
        fontPx: parseFloat(getComputedStyle(row).fontSize),
      })),
    };
  });
}

/** The running leg's speed, px/s: its transform's travel over its duration. */
async function rollSpeedOf(page: Page): Promise<number> {
  await page.waitForFunction((selector) => (document.querySelector(selector)?.getAnimations().length ?? 0) > 0, `${current} [data-testid="entry-viewport"] .entry-table__track`);
  return page.$eval(`${current} [data-testid="entry-viewport"] .entry-table__track`, (track) => {
    const animation = track.getAnimations()[0]!;
    const frames = (animation.effect as KeyframeEffect).getKeyframes();
    const travel = Math.abs(new DOMMatrixReadOnly(String(frames[frames.length - 1]!.transform)).m42 - new DOMMatrixReadOnly(String(frames[0]!.transform)).m42);
    return (travel / Number(animation.effect!.getTiming().duration)) * 1000;
  });
}

/** Rows fill the window evenly: equal heights that add up to it, and legible type. */
function assertRowsFillEvenly(layout: PageRows, rowsPerPage: number, minFontPx: number): void {
  assert.equal(layout.rows.length, rowsPerPage);
  const expected = layout.viewportHeight / rowsPerPage;
  for (const row of layout.rows) {
    assert.ok(Math.abs(row.height - expected) < 1.5, `row ${row.height}px, expected ${expected}px`);
    assert.ok(row.fontPx >= minFontPx, `row text ${row.fontPx}px`);
  }
  const last = layout.rows.at(-1)!;
  assert.ok(Math.abs(last.top + last.height - (layout.viewportTop + layout.viewportHeight)) < 2, 'the rows do not reach the bottom of their window');
}

async function assertNoOverflow(page: Page): Promise<void> {
  const overflow = await measureHorizontalOverflow(page);
  assert.ok(overflow.pageScrollWidth <= overflow.viewportWidth, `page is ${overflow.pageScrollWidth}px wide`);
  assert.deepEqual(overflow.offenders, []);
  assert.deepEqual(overflow.truncatedCodes, []);
}

describe('list views at 1920×1080', () => {
  const suite = chromiumSuite({ switchable: true });
  const show = async (item: ListDisplayItem, overrides: Partial<Extract<DisplayState, { mode: 'playing' }>> = {}) =>
    suite.screen().show(playingState([item], overrides), `list:${item.id}`);

  test('flips pages of rowsPerPage rows every secondsPerPage, with 第 1/N 页, rows filling the height above a ticker', async () => {
    const entries = makeEntries('black', 23);
    const item = viewItem('black', entries, { motion: { mode: 'page', rowsPerPage: 6, secondsPerPage: 3 } });
    await show(item, { tickers: [TICKER] });
    const page = suite.screen().page;
    const indicator = page.locator(`${current} [data-testid="page-indicator"]`);
    assert.equal(await indicator.textContent(), '第 1/4 页');
    assert.deepEqual(await currentRowIds(page), entries.slice(0, 6).map((entry) => entry.id));
    // At 1080p the scrolling rows are 36 px: paged rows are never smaller.
    assertRowsFillEvenly(await pageRows(page), 6, 34);
    const band = await page.getByTestId('ticker-band').boundingBox();
    const layout = await pageRows(page);
    assert.ok(band && layout.viewportTop + layout.viewportHeight <= band.y + 0.5, 'rows run under the ticker band');
    await assertNoOverflow(page);
    await maybeScreenshot(page, 'display-page-ticker-1920x1080');

    await page.waitForFunction((selector) => document.querySelector(selector)?.textContent === '第 2/4 页', `${current} [data-testid="page-indicator"]`, { timeout: 5_000 });
    // The turn is a fade (opacity only), then the second page alone.
    await page.waitForFunction((selector) => document.querySelectorAll(`${selector} .entry-page`).length === 1, current);
    assert.deepEqual(await currentRowIds(page), entries.slice(6, 12).map((entry) => entry.id));
    const last = entries.slice(18);
    await page.waitForFunction((selector) => document.querySelector(selector)?.textContent === '第 4/4 页', `${current} [data-testid="page-indicator"]`, { timeout: 10_000 });
    await page.waitForFunction((selector) => document.querySelectorAll(`${selector} .entry-page`).length === 1, current);
    assert.deepEqual(await currentRowIds(page), last.map((entry) => entry.id));
  });

  test('goes on with the next page at the list’s next appearance instead of starting again', async () => {
    const item = viewItem('red', makeEntries('red', 30), { durationMs: 4_500, motion: { mode: 'page', rowsPerPage: 6, secondsPerPage: 3 } });
    await suite.screen().show(playingState([item, slideItem({}, `slide-between-${serial}`, 3_000)]), `list:${item.id}`);
    const page = suite.screen().page;
    const indicator = page.locator(`${current} [data-testid="page-indicator"]`);
    assert.equal(await indicator.textContent(), '第 1/5 页');
    await page.waitForSelector(`${current}[data-scene-key="slide:slide-between-${serial}"]`, { timeout: 10_000 });
    await page.waitForSelector(`${current}[data-scene-key="list:${item.id}"]`, { timeout: 10_000 });
    // Page 2 had half its time when the list left: it comes back, not page 1.
    assert.equal(await indicator.textContent(), '第 2/5 页');
  });

  test('says "Page 1 of N" on an English screen', async () => {
    const item = viewItem('red', makeEntries('red', 9), { motion: { mode: 'page', rowsPerPage: 4, secondsPerPage: 30 } });
    await show(item, { locale: 'en' });
    assert.equal(await suite.screen().page.locator(`${current} [data-testid="page-indicator"]`).textContent(), 'Page 1 of 3');
  });

  test('neither flips nor shows a page number when every row fits on one page', async () => {
    const entries = makeEntries('red', 5);
    const item = viewItem('red', entries, { motion: { mode: 'page', rowsPerPage: 6, secondsPerPage: 3 } });
    await show(item);
    const page = suite.screen().page;
    assert.equal(await page.locator(`${current} [data-testid="page-indicator"]`).count(), 0);
    await page.waitForTimeout(3_500);
    assert.deepEqual(await currentRowIds(page), entries.map((entry) => entry.id));
    assert.equal(await page.locator(`${current} [data-testid="page-indicator"]`).count(), 0);
    // Rows keep the height of six, not stretched to fill with five.
    const layout = await pageRows(page);
    assert.ok(Math.abs(layout.rows[0]!.height - layout.viewportHeight / 6) < 1.5);
  });

  test('shows fewer rows a page than asked rather than type too small to read', async () => {
    const entries = makeEntries('black', 60);
    const item = viewItem('black', entries, { motion: { mode: 'page', rowsPerPage: 50, secondsPerPage: 60 } });
    await show(item);
    const page = suite.screen().page;
    const layout = await pageRows(page);
    // Two lines of 36 px type and their padding in about 830 px: six or seven rows.
    assert.ok(layout.rows.length < 50 && layout.rows.length >= 6, `${layout.rows.length} rows a page`);
    assertRowsFillEvenly(layout, layout.rows.length, 34);
    const pages = Math.ceil(60 / layout.rows.length);
    assert.equal(await page.locator(`${current} [data-testid="page-indicator"]`).textContent(), `第 1/${pages} 页`);
    await assertNoOverflow(page);
  });

  test('scrolls at the view’s own speed, and at the default speed without one', async () => {
    const page = suite.screen().page;
    const entries = makeEntries('red', 24);
    await show(viewItem('red', entries, { motion: { mode: 'scroll', pxPerSecond: 150 } }));
    const fast = await rollSpeedOf(page);
    assert.ok(Math.abs(fast - 150) < 0.5, `${fast} px/s, expected 150`);

    await show(viewItem('red', entries, {}));
    const usual = await rollSpeedOf(page);
    // The display's default: 4 % of the screen height a second.
    assert.ok(Math.abs(usual - 1080 * 0.04) < 0.5, `${usual} px/s by default`);
  });

  test('sizes type for the screen’s physical height and viewing distance, as far as the width allows, with no text overflowing', async () => {
    const page = suite.screen().page;
    const rowFontPx = () => page.$eval(`${current} [data-testid="entry-row"]`, (row) => parseFloat(getComputedStyle(row).fontSize));
    const entries = makeEntries('red', 24);
    await show(viewItem('red', entries, {}));
    const byResolution = await rowFontPx();
    // A 1.5 m-high picture read from 10 m: characters of 47 mm, a row font of about 38 px at 1,080 lines.
    await show(viewItem('red', entries, {}), { screen: { heightMm: 1500, viewingDistanceM: 10 } });
    await page.waitForFunction(() => document.querySelector('[data-testid="display-root"]')?.getAttribute('data-type-scale') !== '1.00');
    const forTheHall = await rowFontPx();
    assert.ok(Math.abs(forTheHall - 38.1) < 0.6 && forTheHall > byResolution, `row font ${forTheHall}px (by resolution ${byResolution}px)`);
    assert.equal(await page.getByTestId('display-root').getAttribute('data-type-legible'), 'true');
    await assertNoOverflow(page);
    // From 30 m the width caps the type, and the display says so rather than overflowing.
    await show(viewItem('red', entries, {}), { screen: { heightMm: 1500, viewingDistanceM: 30 } });
    await page.waitForFunction(() => document.querySelector('[data-testid="display-root"]')?.getAttribute('data-type-legible') === 'false');
    assert.ok((await rowFontPx()) <= 45, 'rows grow no wider than their columns allow');
    await assertNoOverflow(page);
    await maybeScreenshot(page, 'display-type-for-30m-1920x1080');
  });

  test('shows a QR code to the official query page for the list in its header, or for each entry at its row’s end', async () => {
    const page = suite.screen().page;
    const entries = makeEntries('black', 12);
    await show(viewItem('black', entries, { qr: { target: 'list', urlTemplate: 'https://credit.example.cn/query?list={list}' } }));
    const headerQr = page.locator(`${current} [data-testid="list-qr"] [data-testid="qr-code"]`);
    assert.equal(await headerQr.getAttribute('data-qr-text'), 'https://credit.example.cn/query?list=black');
    assert.equal(await page.locator(`${current} [data-testid="list-qr"] figcaption`).textContent(), '扫码查询');
    const headerBox = await headerQr.boundingBox();
    assert.ok(headerBox && headerBox.height >= 100, `the header's code is ${headerBox?.height}px`);
    await assertNoOverflow(page);
    await maybeScreenshot(page, 'display-qr-list-1920x1080');

    const template = 'https://www.creditchina.gov.cn/xinyongxinxi/index.html?keyword={code}';
    await show(viewItem('black', entries, { motion: { mode: 'page', rowsPerPage: 5, secondsPerPage: 60 }, qr: { target: 'entry', urlTemplate: template } }));
    const rows = await page.$$eval(`${current} [data-testid="entry-row"]`, (elements) =>
      elements.map((row) => ({ code: row.querySelector('.entry-cell--code')?.textContent ?? '', link: row.querySelector('[data-testid="qr-code"]')?.getAttribute('data-qr-text') ?? null, size: row.querySelector('[data-testid="qr-code"]')?.getBoundingClientRect().height ?? 0 })),
    );
    assert.equal(rows.length, 5);
    for (const row of rows) {
      assert.equal(row.link, template.replace('{code}', encodeURIComponent(row.code)));
      assert.ok(row.size >= 80, `a row's code is ${row.size}px`);
    }
    assert.equal(await page.locator(`${current} [data-testid="list-qr"]`).count(), 0);
    await assertNoOverflow(page);
    await maybeScreenshot(page, 'display-qr-entries-1920x1080');
  });

  test('high contrast shows both lists white on black with yellow accents, each still named in words', async () => {
    const page = suite.screen().page;
    for (const list of ['red', 'black'] as const) {
      await show(viewItem(list, makeEntries(list, 4), {}), { contrast: 'high' });
      const colours = await page.$eval(`${current}`, (scene) => ({
        background: getComputedStyle(scene).backgroundImage,
        row: getComputedStyle(scene.querySelector('[data-testid="entry-row"]')!).color,
        badge: getComputedStyle(scene.querySelector('[data-testid="list-badge"]')!).backgroundColor,
        badgeText: scene.querySelector('[data-testid="list-badge"]')!.textContent,
      }));
      assert.match(colours.background, /rgb\(0, 0, 0\).*rgb\(0, 0, 0\)/);
      assert.equal(colours.row, 'rgb(255, 255, 255)');
      assert.equal(colours.badge, 'rgb(255, 230, 0)');
      assert.equal(colours.badgeText, list === 'red' ? '守信红名单' : '失信黑名单');
      await assertNoOverflow(page);
      await maybeScreenshot(page, `display-high-contrast-${list}-1920x1080`);
    }
  });

  test('falls back to the default for a motion it cannot trust, and to full screen for a split without its picture', async () => {
    const entries = makeEntries('red', 24);
    const item = { ...viewItem('red', entries, {}), motion: { mode: 'scroll', pxPerSecond: 100_000 } as unknown as ListMotion, layout: 'split' as const, split: { kind: 'image' as const, src: 'https://example.com/x.png', mediaType: 'image/png' as const, title: 'x' } };
    await show(item);
    const page = suite.screen().page;
    assert.equal(await page.locator(`${current} [data-testid="rolling-list"]`).getAttribute('data-layout'), 'full');
    assert.equal(await page.locator(`${current} img`).count(), 0);
    const speed = await rollSpeedOf(page);
    assert.ok(Math.abs(speed - 1080 * 0.04) < 0.5, `rolled at ${speed} px/s`);
  });
});

describe('split and marquee layouts, and paging on a portrait screen', () => {
  const suite = chromiumSuite();
  const dir = tempDir({ after });
  let server: DisplayServer;
  let state: () => DisplayState = playingState([]);

  before(async () => {
    const posterPath = join(dir, POSTER_SHA);
    // A portrait poster (3:4): letterboxed in the pane, never cropped.
    writeFileSync(posterPath, makePng(600, 800, [200, 16, 46], [255, 215, 0]));
    // Passed its hash check, yet undecodable: a PNG signature and then nothing.
    const brokenPath = join(dir, BROKEN_SHA);
    writeFileSync(brokenPath, makePng(600, 800, [200, 16, 46], [255, 215, 0]).subarray(0, 40));
    server = await startDisplayServer({
      port: 0,
      staticDir: DISPLAY_DIST,
      token: randomBytes(16).toString('hex'),
      ...servedDisplay(() => state()),
      mediaFile: (sha256) => (sha256 === POSTER_SHA ? { path: posterPath, mediaType: 'image/png' } : sha256 === BROKEN_SHA ? { path: join(dir, BROKEN_SHA), mediaType: 'image/png' } : null),
    });
    suite.cleanups.push(() => server.close());
  });

  async function open(item: ListDisplayItem, viewport: { width: number; height: number }, overrides: Partial<Extract<DisplayState, { mode: 'playing' }>> = {}): Promise<Page> {
    state = playingState([item], overrides);
    const page = await openDisplay(suite.browser(), server.url, viewport);
    suite.cleanups.push(() => page.context().close());
    await page.waitForSelector(`${current}[data-scene-key="list:${item.id}"]`);
    return page;
  }

  test('split: the list on the left, about 62 %, and the picture whole on the right', async () => {
    const entries = makeEntries('red', 14);
    const item = viewItem('red', entries, { layout: 'split', split: { kind: 'image', src: POSTER_SRC, mediaType: 'image/png', title: '诚信海报' } });
    const page = await open(item, { width: 1920, height: 1080 });
    await page.waitForFunction((selector) => (document.querySelector(`${selector} [data-testid="split-media"] img`) as HTMLImageElement | null)?.naturalWidth === 600, current);
    const panes = await page.evaluate((selector) => {
      const list = document.querySelector(`${selector} [data-testid="list-pane"]`)!.getBoundingClientRect();
      const media = document.querySelector(`${selector} [data-testid="split-media"]`)!.getBoundingClientRect();
      const img = document.querySelector(`${selector} [data-testid="split-media"] img`)!.getBoundingClientRect();
      const header = document.querySelector(`${selector} .list-header`)!.getBoundingClientRect();
      return { headerBottom: header.bottom, list: { left: list.left, right: list.right }, media: { left: media.left, right: media.right, top: media.top, bottom: media.bottom }, img: { width: img.width, height: img.height, left: img.left, right: img.right, top: img.top, bottom: img.bottom } };
    }, current);
    assert.equal(Math.round(panes.list.left), 0);
    assert.ok(Math.abs(panes.list.right / 1920 - 0.62) < 0.01, `the list pane ends at ${panes.list.right}`);
    assert.ok(panes.media.left >= panes.list.right - 0.5 && Math.round(panes.media.right) === 1920);
    // The header spans both, so the list's title has the width it needs.
    assert.ok(panes.media.top >= panes.headerBottom - 0.5);
    // Inside its pane, whole.
    assert.ok(panes.img.left >= panes.media.left && panes.img.right <= panes.media.right && panes.img.top >= panes.media.top && panes.img.bottom <= panes.media.bottom);
    assert.equal(await page.locator(`${current} [data-testid="split-media"] img`).getAttribute('alt'), '诚信海报');
    // The rows are there, in the left pane, with their full codes.
    assert.deepEqual((await currentRowIds(page)).slice(0, 3), entries.slice(0, 3).map((entry) => entry.id));
    const rowRight = await page.$eval(`${current} [data-testid="entry-row"]`, (row) => row.getBoundingClientRect().right);
    assert.ok(rowRight <= panes.list.right + 0.5);
    const rowPx = await page.$eval(`${current} [data-testid="entry-row"]`, (row) => parseFloat(getComputedStyle(row).fontSize));
    assert.ok(rowPx >= 34, `row text ${rowPx}px`);
    await assertNoOverflow(page);
    await waitForSettledScene(page);
    await maybeScreenshot(page, 'display-split-1920x1080');
  });

  test('split whose picture cannot be decoded: the list takes the whole width, no empty pane', async () => {
    const item = viewItem('red', makeEntries('red', 6), { layout: 'split', split: { kind: 'image', src: `/media/${BROKEN_SHA}`, mediaType: 'image/png', title: '损坏的海报' } });
    const page = await open(item, { width: 1920, height: 1080 });
    await page.waitForSelector(`${current} [data-testid="rolling-list"][data-layout="full"]`);
    assert.equal(await page.locator(`${current} [data-testid="split-media"]`).count(), 0);
    const paneWidth = await page.$eval(`${current} [data-testid="list-pane"]`, (el) => el.getBoundingClientRect().width);
    assert.equal(Math.round(paneWidth), 1920);
  });

  test('split with flipping pages and a ticker keeps both panes above the band', async () => {
    const item = viewItem('black', makeEntries('black', 20), {
      layout: 'split',
      split: { kind: 'image', src: POSTER_SRC, mediaType: 'image/png', title: '诚信海报' },
      motion: { mode: 'page', rowsPerPage: 5, secondsPerPage: 20 },
    });
    const page = await open(item, { width: 1920, height: 1080 }, { tickers: [TICKER] });
    await page.getByTestId('ticker-band').waitFor();
    assert.match((await page.locator(`${current} [data-testid="page-indicator"]`).textContent()) ?? '', /^第 1\/\d+ 页$/);
    const layout = await pageRows(page);
    assertRowsFillEvenly(layout, layout.rows.length, 34);
    await assertNoOverflow(page);
    await maybeScreenshot(page, 'display-split-page-ticker-1920x1080');
  });

  for (const strip of [
    { width: 1536, height: 256 },
    { width: 960, height: 128 },
  ]) {
    test(`marquee at ${strip.width}×${strip.height}: one line of "name · code · category" as tall as the strip allows`, async () => {
      const entries = makeEntries('black', 8);
      const item = viewItem('black', entries, { layout: 'marquee' });
      const page = await open(item, strip);
      const marquee = page.locator(`${current} [data-testid="marquee-list"]`);
      await marquee.waitFor();
      const first = page.locator(`${current} [data-testid="marquee-entry"]`).first();
      assert.deepEqual(await page.locator(`${current} [data-testid="marquee-entry"]`).evaluateAll((els) => els.map((el) => el.getAttribute('data-entry-id'))), entries.map((entry) => entry.id));
      assert.match(await first.innerText(), new RegExp(`^${entries[0]!.name}\\s*·\\s*${entries[0]!.code}\\s*·\\s*${entries[0]!.category}$`));
      const fit = await page.evaluate((selector) => {
        const section = document.querySelector(`${selector} [data-testid="marquee-list"]`)!;
        const line = section.querySelector('.marquee-list__line') as HTMLElement;
        const text = section.querySelector('[data-testid="marquee-entry"]')!;
        const range = document.createRange();
        range.selectNodeContents(text);
        const lines = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top)));
        const box = section.getBoundingClientRect();
        const textBox = text.getBoundingClientRect();
        return {
          height: box.height,
          fontPx: parseFloat(getComputedStyle(text).fontSize),
          lineScroll: line.scrollHeight - line.clientHeight,
          sectionScroll: section.scrollHeight - section.clientHeight,
          textTop: textBox.top - box.top,
          textBottom: box.bottom - textBox.bottom,
          lineTops: lines.size,
          labelRight: section.querySelector('[data-testid="marquee-label"]')!.getBoundingClientRect().right,
          // Inside the strip, and the title whole: no more lines than its two-line clamp shows.
          labelFits: Array.from(section.querySelectorAll('[data-testid="marquee-label"] *')).every((el) => {
            const rect = el.getBoundingClientRect();
            return rect.top >= box.top && rect.bottom <= box.bottom && el.scrollWidth <= el.clientWidth + 1;
          }),
          titleLines: (() => {
            const title = section.querySelector('[data-testid="list-title"]');
            if (!title) return 0;
            const titleRange = document.createRange();
            titleRange.selectNodeContents(title);
            return new Set(Array.from(titleRange.getClientRects()).map((rect) => Math.round(rect.top))).size;
          })(),
        };
      }, current);
      assert.equal(fit.lineTops, 1, 'an entry wraps');
      assert.equal(fit.lineScroll, 0, 'the line overflows vertically');
      assert.equal(fit.sectionScroll, 0, 'the strip overflows vertically');
      assert.ok(fit.textTop >= 0 && fit.textBottom >= 0, 'the text leaves the strip');
      // "Fills most of the strip": the type is over half the strip's height.
      assert.ok(fit.fontPx >= strip.height * 0.55, `marquee text is ${fit.fontPx}px on a ${strip.height}px strip`);
      assert.ok(fit.labelRight <= strip.width * 0.25, `the label takes ${fit.labelRight}px`);
      assert.ok(fit.labelFits, 'the label is cut');
      assert.ok(fit.titleLines >= 1 && fit.titleLines <= 2, `the title takes ${fit.titleLines} lines`);
      assert.match((await page.locator(`${current} [data-testid="marquee-label"]`).innerText()).replace(/\s+/g, ''), /失信黑名单/);
      // Crawling.
      const offset = () => page.$eval(`${current} [data-testid="crawl-track"]`, (el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).m41);
      await page.waitForFunction((selector) => (document.querySelector(`${selector} [data-testid="crawl-track"]`) as HTMLElement | null)?.getAnimations().length === 1, current);
      await page.waitForTimeout(2_300);
      const before = await offset();
      await page.waitForTimeout(600);
      assert.ok((await offset()) < before - 10, 'the marquee does not move');
      await waitForSettledScene(page);
      await maybeScreenshot(page, `display-marquee-${strip.width}x${strip.height}`);
    });
  }

  test('on an LED strip a list the operator laid out as a table becomes the marquee', async () => {
    const entries = makeEntries('red', 6);
    const page = await open(viewItem('red', entries, { motion: { mode: 'page', rowsPerPage: 6, secondsPerPage: 10 } }), { width: 960, height: 128 });
    await page.locator(`${current} [data-testid="marquee-list"]`).waitFor();
    assert.equal(await page.locator(`${current} [data-testid="entry-viewport"]`).count(), 0);
    assert.equal(await page.locator(`${current} [data-testid="marquee-entry"]`).first().getAttribute('data-entry-id'), entries[0]!.id);
  });

  test('at 3840×2160 the rows are twice as tall and scroll twice as many pixels a second: the same pace to read', async () => {
    const page = await open(viewItem('red', makeEntries('red', 40), { motion: { mode: 'scroll', pxPerSecond: 150 } }), { width: 3840, height: 2160 });
    const rowFontPx = await page.$eval(`${current} [data-testid="entry-row"]`, (row) => parseFloat(getComputedStyle(row).fontSize));
    assert.ok(Math.abs(rowFontPx - 72.96) < 0.5, `rows are ${rowFontPx}px`);
    const speed = await rollSpeedOf(page);
    assert.ok(Math.abs(speed - 300) < 1, `${speed} px/s at 4K for 150 px/s at 1080p`);
    await assertNoOverflow(page);
  });

  test('a scrolling list on a portrait screen has compact rows in the type the panel turned landscape gives them', async () => {
    const page = await open(viewItem('red', makeEntries('red', 40), { id: 'portrait-scroll' }), { width: 1080, height: 1920 });
    assert.equal(await page.locator(`${current} .entry-table`).evaluate((table) => table.classList.contains('entry-table--compact')), true);
    const rowPx = await page.$eval(`${current} [data-testid="entry-row"]`, (row) => parseFloat(getComputedStyle(row).fontSize));
    // 1920×1080 rows are 36.48 px; at 1080 wide five columns left them 20.5 px.
    assert.ok(Math.abs(rowPx - 36.48) < 0.5, `rows are ${rowPx}px`);
    const speed = await rollSpeedOf(page);
    assert.ok(Math.abs(speed - 1080 * 0.04) < 0.5, `${speed} px/s: the landscape pace for the landscape type`);
    await assertNoOverflow(page);
  });

  test('pages fill a portrait screen evenly too', async () => {
    const entries = makeEntries('red', 26);
    const item = viewItem('red', entries, { motion: { mode: 'page', rowsPerPage: 10, secondsPerPage: 30 } });
    const page = await open(item, { width: 1080, height: 1920 }, { tickers: [TICKER] });
    assert.equal(await page.locator(`${current} [data-testid="page-indicator"]`).textContent(), '第 1/3 页');
    // The ticker band's font may arrive after the first layout; the rows follow the window it leaves.
    await waitForSettledScene(page);
    await page.waitForFunction((selector) => {
      const viewport = document.querySelector(`${selector} [data-testid="entry-viewport"]`);
      const row = viewport?.querySelector('[data-testid="entry-row"]');
      return !!viewport && !!row && Math.abs(row.getBoundingClientRect().height * 10 - viewport.getBoundingClientRect().height) < 10;
    }, current);
    // At 1080 wide the scrolling rows are about 20 px; paged rows are no smaller.
    assertRowsFillEvenly(await pageRows(page), 10, 20);
    await assertNoOverflow(page);
    await waitForSettledScene(page);
    await maybeScreenshot(page, 'display-page-portrait-1080x1920');
  });
});
