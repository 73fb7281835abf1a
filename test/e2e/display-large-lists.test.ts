// 100,000-entry lists in Chromium: the scrolling table and the LED marquee keep only what one
// leg of their motion can show in the DOM, and move that window on.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { DisplayItem } from '../../shared/display/display-state.ts';
import { chromiumSuite, listItem, makeEntries, maybeScreenshot, openDisplay, playingState, startTestDisplay } from '../support/display-fixtures.ts';

type ListDisplayItem = Extract<DisplayItem, { kind: 'list' }>;

const current = '[data-scene-state="current"]';

describe('100,000-entry lists', () => {
  const suite = chromiumSuite();

  async function open(item: ListDisplayItem, viewport: { width: number; height: number }): Promise<Page> {
    const display = await startTestDisplay(playingState([item]));
    suite.cleanups.push(() => display.server.close());
    const page = await openDisplay(suite.browser(), display.server.url, viewport);
    suite.cleanups.push(() => page.context().close());
    await page.waitForSelector(`${current}[data-scene-key="list:${item.id}"]`, { timeout: 30_000 });
    return page;
  }

  test('keeps three screenfuls of a 100,000-entry list in the DOM and moves that window on, each row striped by its place in the list', async () => {
    const entries = makeEntries('black', 100_000);
    const page = await open(listItem('black', entries, { id: 'big-table', motion: { mode: 'scroll', pxPerSecond: 400 } } as Partial<DisplayItem>) as ListDisplayItem, { width: 1920, height: 1080 });
    const viewport = `${current} [data-testid="entry-viewport"]`;
    const windowOf = () =>
      page.$eval(viewport, (element) => ({
        top: Number(element.getAttribute('data-top-slot')),
        rowHeight: Number(element.getAttribute('data-row-height')),
        height: element.clientHeight,
        rows: Array.from(element.querySelectorAll('.entry-row')).map((row) => ({ id: row.getAttribute('data-entry-id'), alt: row.classList.contains('entry-row--alt') })),
      }));
    // Wherever the scroll has got to by now (a leg lasts about 2.5 s here), the window is the rows from its top slot:
    // the leg in view, the one it brings into view, and the one after.
    const first = await windowOf();
    const onScreen = Math.ceil(first.height / first.rowHeight);
    assert.equal(first.top % onScreen, 0);
    assert.equal(first.rows.length, onScreen * 3);
    assert.deepEqual(first.rows.map((row) => row.id), entries.slice(first.top, first.top + onScreen * 3).map((entry) => entry.id));
    assert.equal(await page.locator(`${current} [data-testid="list-count"]`).textContent(), '共 100000 条');

    await page.waitForFunction(({ selector, top }) => Number(document.querySelector(selector)?.getAttribute('data-top-slot')) !== top, { selector: viewport, top: first.top }, { timeout: 45_000 });
    const moved = await windowOf();
    assert.ok(moved.top > first.top && (moved.top - first.top) % onScreen === 0, `each leg moves the window by a screenful (${first.top} → ${moved.top})`);
    assert.equal(moved.rows.length, first.rows.length);
    assert.deepEqual(moved.rows.map((row) => row.id), entries.slice(moved.top, moved.top + onScreen * 3).map((entry) => entry.id));
    assert.deepEqual(moved.rows.map((row) => row.alt), moved.rows.map((_, i) => (moved.top + i) % 2 === 1));
    await maybeScreenshot(page, 'display-scroll-100k-1920x1080');
  });

  test('a marquee of 100,000 entries keeps a stripful of them in the DOM and moves that window on', async () => {
    const entries = makeEntries('black', 100_000);
    const page = await open(listItem('black', entries, { id: 'big-marquee', layout: 'marquee', motion: { mode: 'scroll', pxPerSecond: 400 } } as Partial<DisplayItem>) as ListDisplayItem, { width: 1536, height: 256 });
    const line = `${current} .marquee-list__line`;
    await page.waitForFunction((selector) => (document.querySelector(`${selector} [data-testid="crawl-track"]`)?.getAnimations().length ?? 0) === 1, current);
    const windowOf = () =>
      page.$eval(line, (element) => ({
        top: Number(element.getAttribute('data-top-slot')),
        ids: Array.from(element.querySelectorAll('.marquee-entry')).map((entry) => entry.getAttribute('data-entry-id')),
      }));
    const first = await windowOf();
    assert.ok(first.ids.length >= 4 && first.ids.length <= 64, `${first.ids.length} entries in the DOM`);
    assert.deepEqual(first.ids, entries.slice(first.top, first.top + first.ids.length).map((entry) => entry.id));
    // A leg here is one entry about 2,900 px wide at 400 px/s, after a 2 s pause: on a loaded machine, give it time.
    await page.waitForFunction(({ selector, top }) => Number(document.querySelector(selector)?.getAttribute('data-top-slot')) > top, { selector: line, top: first.top }, { timeout: 45_000 });
    const moved = await windowOf();
    assert.deepEqual(moved.ids, entries.slice(moved.top, moved.top + moved.ids.length).map((entry) => entry.id));
    assert.ok(moved.ids.length <= 64);
  });
});
