// Lists too old to show, in Chromium: the 数据更新中 notice in the list's frame, no entry rows, readable at 1920×1080.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DisplayItem } from '../../shared/display/display-state.ts';
import { chromiumSuite, maybeScreenshot, playingState } from '../support/display-fixtures.ts';

describe('a stale list on the display', () => {
  const suite = chromiumSuite({ switchable: true });

  it('shows the notice instead of entries, in large type, under the list header', async () => {
    const stale: DisplayItem = { kind: 'list', id: 'black-stale', list: 'black', title: '乌海市失信黑名单', source: '信用乌海', durationMs: 60_000, entries: [], stale: true };
    await suite.screen().show(playingState([stale]), 'list:black-stale');
    const page = suite.screen().page;
    const notice = page.getByTestId('stale-notice');
    assert.equal(await notice.getByRole('heading').textContent(), '数据更新中');
    assert.equal(await page.locator('[data-scene-state="current"] [data-entry-id]').count(), 0);
    // No "共 0 条": the list is not empty, its data is just too old to show.
    assert.equal(await page.locator('[data-scene-state="current"] [data-testid="list-count"]').count(), 0);
    const titleHeight = await notice.getByRole('heading').evaluate((el) => el.getBoundingClientRect().height);
    // About 5 % of the screen height: readable from ten metres.
    assert.ok(titleHeight >= 50, `the notice title is ${titleHeight}px tall`);
    await maybeScreenshot(page, 'display-stale-list-1080p');
  });
});
