// The identify overlay in Chromium at 1920x1080: the screen's name over the playing list, large enough to read from 10 m, gone on time.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chromiumSuite, listItem, makeEntries, maybeScreenshot, playingState, SCREEN } from '../support/display-fixtures.ts';

describe('identify overlay', () => {
  const suite = chromiumSuite({ switchable: true });

  test('shows the screen name huge over the list, with its label, and hides it when the time is up', async () => {
    // Long enough that a loaded CI machine still measures the overlay before it goes.
    const until = Date.now() + 6_000;
    const state = playingState([listItem('black', makeEntries('black', 12), { id: 'list-identify' })], { screenName: '乌海站东广场大屏', identifyUntil: until });
    await suite.screen().show(state, 'list:list-identify');
    const overlay = suite.screen().page.getByTestId('identify-overlay');
    await overlay.waitFor();
    assert.equal(await overlay.locator('.identify__name').textContent(), '乌海站东广场大屏');
    assert.equal(await overlay.locator('.identify__label').textContent(), '本屏名称');
    // About 9 cm at 10 m: 13 % of the height of a 55-inch screen; this name (8 characters) gets 15 %.
    const fontPx = await overlay.locator('.identify__name').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(fontPx >= SCREEN.height * 0.13, `name is ${fontPx}px high`);
    const box = await overlay.locator('.identify__name').boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= SCREEN.width, 'the name fits across the screen');
    await maybeScreenshot(suite.screen().page, 'identify-overlay');
    await overlay.waitFor({ state: 'detached', timeout: 9_000 });
    assert.ok(Date.now() >= until - 200, 'not before its time');
  });
});
