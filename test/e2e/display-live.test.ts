// The display over time: entries expiring between fetches, pushed changes, a core that stops answering, and the timeline loop.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { DisplayItem, DisplayState } from '../../shared/display/display-state.ts';
import type { PublicEntry } from '../../shared/lists/list-entry.ts';
import {
  chromiumSuite,
  currentRowIds,
  listItem,
  makeEntries,
  openDisplay,
  playingState,
  slideItem,
  startTestDisplay,
  waitForScene,
  type TestDisplay,
} from '../support/display-fixtures.ts';

const rowSelector = (id: string): string => `[data-testid="entry-row"][data-entry-id="${id}"]`;

// Each test mostly waits on the display's own timers, so they share one browser and run side by side.
describe('display over time', { concurrency: true }, () => {
  const suite = chromiumSuite();
  const { cleanups } = suite;

  async function show(getState: () => DisplayState): Promise<{ display: TestDisplay; page: Page }> {
    const display = await startTestDisplay(getState);
    cleanups.push(() => display.server.close());
    const page = await openDisplay(suite.browser(), display.server.url);
    cleanups.push(() => page.context().close());
    return { display, page };
  }

  test('drops an entry the moment it expires, with no new state and the core unreachable', async () => {
    const [template, lasting] = makeEntries('black', 2) as [PublicEntry, PublicEntry];
    let expiring = template;
    let coreDown = false;
    let seen = false;
    const timeline: DisplayItem[] = [];
    const { page } = await show(() => {
      if (coreDown) throw new Error('core busy');
      // A fresh expiry at every read until the entry has been seen, in a fresh list (and so a fresh
      // entry set, which carries it): the page asks for its state as it starts, and on a loaded machine
      // its app may take over 3 s to show it; the next poll then brings a new 3 s. The page holds the last.
      if (!seen) {
        expiring = { ...template, expiresAt: Date.now() + 3_000 };
        timeline[0] = listItem('black', [expiring, lasting]);
      }
      return playingState(timeline)();
    });
    await page.waitForSelector(rowSelector(expiring.id));
    seen = true;
    coreDown = true;

    await page.waitForSelector(rowSelector(expiring.id), { state: 'detached', timeout: 8_000 });
    assert.ok(Date.now() >= expiring.expiresAt - 50, 'the entry left before its expiry');
    // The last good state is still on screen: the other entry, not a blank or the fallback.
    assert.deepEqual(await currentRowIds(page), [lasting.id]);
    assert.equal(await page.getByTestId('list-count').textContent(), '共 1 条');
  });

  test('removes a withdrawn entry within 3 s of notifyStateChanged()', async () => {
    const entries = makeEntries('red', 3);
    const withdrawn = entries[1]!;
    const timeline: DisplayItem[] = [listItem('red', entries)];
    const { display, page } = await show(playingState(timeline));
    await page.waitForSelector(rowSelector(withdrawn.id));

    timeline[0] = listItem('red', entries.filter((entry) => entry !== withdrawn));
    const pushedAt = Date.now();
    display.server.notifyStateChanged();
    await page.waitForSelector(rowSelector(withdrawn.id), { state: 'detached', timeout: 3_000 });
    assert.ok(Date.now() - pushedAt <= 3_000);
    assert.deepEqual(await currentRowIds(page), [entries[0]!.id, entries[2]!.id]);
  });

  test('loops through the timeline by duration, cross-fading with both scenes mounted', async () => {
    const timeline: DisplayItem[] = [
      listItem('red', makeEntries('red', 14), { durationMs: 3_000 }),
      slideItem({ theme: 'black', title: '失信惩戒 警钟长鸣' }, 'slide-warning', 3_000),
    ];
    const { page } = await show(playingState(timeline));
    await waitForScene(page, 'list');
    // During the fade the outgoing list stays mounted under the incoming slide: no black frame between them.
    await page.waitForFunction(
      () =>
        document.querySelector('[data-scene-state="leaving"] [data-testid="rolling-list"]') !== null &&
        document.querySelector('[data-scene-state="current"] [data-testid="slide"]') !== null,
      undefined,
      { timeout: 6_000, polling: 'raf' },
    );
    await waitForScene(page, 'slide');
    assert.equal(await page.getByTestId('display-root').getAttribute('data-theme'), 'black');
    await waitForScene(page, 'list');
    // Back again, the long list carries on from where it was rather than replaying its first rows.
    // A first appearance holds still for 2 s (its leg's time is below zero); a resumed one is already under way.
    const legTimeMs = await page
      .locator('[data-scene-state="current"] [data-testid="entry-viewport"] .entry-table__track')
      .evaluate((track) => Number(track.getAnimations()[0]?.currentTime ?? Number.NaN));
    assert.ok(legTimeMs > 0, `the roll restarted (its leg is at ${legTimeMs} ms)`);
  });
});
