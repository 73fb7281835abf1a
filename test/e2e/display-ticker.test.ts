// The ticker band in Chromium at 1920×1080: one crawling line under the scene, taking its height from the scene, text shown as text.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { DisplayEmergency, DisplayState, DisplayTicker } from '../../shared/display/display-state.ts';
import { chromiumSuite, listItem, makeEntries, maybeScreenshot, playingState, slideItem } from '../support/display-fixtures.ts';

const NOTICE: DisplayTicker = { id: 'ticker-hotline', text: '诚信建设 人人有责：失信举报电话 0473-12345，欢迎社会各界监督', pxPerSecond: 120 };
const REPAIR: DisplayTicker = { id: 'ticker-repair', text: '信用修复可通过“信用中国”网站在线申请', pxPerSecond: 80 };

const BAND = '[data-testid="ticker-band"]';
const TRACK = `${BAND} [data-testid="crawl-track"]`;

/** The track's horizontal offset now, from its computed transform matrix. */
async function trackOffset(page: Page): Promise<number> {
  return page.$eval(TRACK, (el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).m41);
}

interface Geometry {
  stage: { top: number; bottom: number };
  scene: { top: number; bottom: number };
  band: { top: number; bottom: number; height: number } | null;
}

// The function runs in the page: no named inner functions, which tsx would wrap in a helper the page lacks.
async function geometry(page: Page): Promise<Geometry> {
  const [stage, scene, band] = await page.evaluate(() =>
    ['[data-testid="stage"]', '[data-scene-state="current"]', '[data-testid="ticker-band"]'].map((selector) => {
      const rect = document.querySelector(selector)?.getBoundingClientRect();
      return rect ? { top: rect.top, bottom: rect.bottom, height: rect.height } : null;
    }),
  );
  assert.ok(stage && scene, 'no stage or no current scene');
  return { stage, scene, band: band ?? null };
}

describe('ticker band', () => {
  const suite = chromiumSuite({ switchable: true });
  let serial = 0;
  const show = async (getState: () => DisplayState, sceneKey: string) => suite.screen().show(getState, sceneKey);

  test('crawls along the bottom under a list, in large type, and the list gives up the height it takes', async () => {
    const id = `list-ticker-${++serial}`;
    await show(playingState([listItem('black', makeEntries('black', 30), { id })], { tickers: [NOTICE] }), `list:${id}`);
    const page = suite.screen().page;
    const band = page.locator(BAND);
    await band.waitFor();
    assert.equal(await page.getByTestId('ticker-text').textContent(), NOTICE.text);

    const layout = await geometry(page);
    assert.ok(layout.band, 'no ticker band');
    // The band sits at the very bottom; the stage, and the scene in it, end where it begins.
    assert.equal(Math.round(layout.band.bottom), 1080);
    assert.equal(Math.round(layout.stage.bottom), Math.round(layout.band.top));
    assert.equal(Math.round(layout.scene.bottom), Math.round(layout.band.top));
    assert.ok(layout.scene.bottom - layout.scene.top < 1080 - 40, `the scene is ${layout.scene.bottom - layout.scene.top}px tall`);
    // No row of the list is drawn under the band: the rows' window ends above it.
    const viewportBottom = await page.$eval('[data-scene-state="current"] [data-testid="entry-viewport"]', (el) => el.getBoundingClientRect().bottom);
    assert.ok(viewportBottom <= layout.band.top + 0.5, `rows reach ${viewportBottom}, the band starts at ${layout.band.top}`);

    // Readable from a distance: large, bold, white on a dark band.
    const type = await page.getByTestId('ticker-text').evaluate((el) => {
      const style = getComputedStyle(el);
      return { size: parseFloat(style.fontSize), weight: Number(style.fontWeight), color: style.color };
    });
    assert.ok(type.size >= 48, `ticker text is ${type.size}px`);
    assert.ok(type.weight >= 700, `ticker weight ${type.weight}`);
    assert.equal(type.color, 'rgb(255, 255, 255)');
    assert.ok(layout.band.height >= type.size * 1.2 && layout.band.height <= type.size * 2, `band ${layout.band.height}px for ${type.size}px text`);

    // Moving, by a transform animation alone (the compositor's job, no relayout).
    const animation = await page.$eval(TRACK, (el) =>
      el.getAnimations().map((a) => ({ name: (a as CSSAnimation).animationName, properties: (a.effect as KeyframeEffect).getKeyframes().flatMap((frame) => Object.keys(frame).filter((key) => !['offset', 'easing', 'composite', 'computedOffset'].includes(key))) })),
    );
    assert.deepEqual(animation.map((a) => a.name), ['crawl']);
    assert.deepEqual([...new Set(animation[0]!.properties)], ['transform']);
    const before = await trackOffset(page);
    await page.waitForTimeout(700);
    const after = await trackOffset(page);
    assert.ok(after < before - 30, `the track moved from ${before} to ${after}`);

    // One loop is one copy of the line at the ticker's speed.
    const loop = await page.$eval(TRACK, (el) => ({
      copyWidth: el.querySelector('.crawl__copy')!.getBoundingClientRect().width,
      trackWidth: el.getBoundingClientRect().width,
      durationS: parseFloat(getComputedStyle(el).animationDuration),
      bandWidth: el.parentElement!.clientWidth,
    }));
    assert.ok(Math.abs(loop.trackWidth - 2 * loop.copyWidth) < 1, 'the track is not two equal copies');
    assert.ok(loop.copyWidth >= loop.bandWidth, 'a copy narrower than the band would leave a gap in the loop');
    assert.ok(Math.abs(loop.durationS - loop.copyWidth / NOTICE.pxPerSecond) < 0.05, `loop lasts ${loop.durationS}s for ${loop.copyWidth}px at ${NOTICE.pxPerSecond}px/s`);
    await maybeScreenshot(page, 'display-ticker-list-1920x1080');
  });

  test('joins several tickers into one line with a separator, at the slowest speed', async () => {
    await show(playingState([slideItem({}, 'slide-two-tickers')], { tickers: [NOTICE, REPAIR] }), 'slide:slide-two-tickers');
    const page = suite.screen().page;
    await page.locator(BAND).waitFor();
    assert.equal(await page.locator(BAND).count(), 1);
    assert.deepEqual(await page.getByTestId('ticker-text').allTextContents(), [NOTICE.text, REPAIR.text]);
    const realUnit = await page.$eval(`${BAND} .crawl__unit:not([aria-hidden])`, (el) => el.textContent);
    assert.equal(realUnit, `${NOTICE.text}◆${REPAIR.text}◆`);
    assert.equal(await page.locator(BAND).getAttribute('data-px-per-second'), String(REPAIR.pxPerSecond));
    const loop = await page.$eval(TRACK, (el) => ({ copyWidth: el.querySelector('.crawl__copy')!.getBoundingClientRect().width, durationS: parseFloat(getComputedStyle(el).animationDuration) }));
    assert.ok(Math.abs(loop.durationS - loop.copyWidth / REPAIR.pxPerSecond) < 0.05, `loop lasts ${loop.durationS}s for ${loop.copyWidth}px`);
    await maybeScreenshot(page, 'display-ticker-slide-1920x1080');
  });

  test('shows markup in a ticker as characters', async () => {
    const hostile: DisplayTicker = { id: 'ticker-markup', text: '<b>注意</b><img src=x onerror="document.title=1">诚信', pxPerSecond: 100 };
    await show(playingState([slideItem({}, 'slide-markup')], { tickers: [hostile] }), 'slide:slide-markup');
    const page = suite.screen().page;
    await page.locator(BAND).waitFor();
    assert.equal(await page.getByTestId('ticker-text').textContent(), hostile.text);
    assert.equal(await page.locator(`${BAND} b, ${BAND} img`).count(), 0);
    assert.notEqual(await page.title(), '1');
  });

  test('runs over the fallback slide, but never over an emergency override or the pairing screen', async () => {
    const page = suite.screen().page;
    await show(playingState([], { tickers: [NOTICE] }), 'fallback');
    await page.locator(BAND).waitFor();

    const emergency: DisplayEmergency = { id: 'e-ticker', title: '紧急疏散', body: '请沿疏散指示标志有序撤离', footer: null, issuedAt: Date.now() };
    await show(playingState([slideItem({}, 'slide-under-emergency')], { tickers: [NOTICE], emergency }), 'emergency:e-ticker');
    assert.equal(await page.locator(BAND).count(), 0);
    // The notice has the whole screen to itself.
    const notice = await page.getByTestId('emergency').boundingBox();
    assert.equal(Math.round(notice?.height ?? 0), 1080);

    await show(() => ({ mode: 'pairing', pairingCode: '482913', controllerUrl: '', locale: 'zh-CN' }), 'pairing');
    assert.equal(await page.locator(BAND).count(), 0);
  });

  test('shows no band for a state from an older core, which has no tickers field', async () => {
    const id = `list-old-core-${++serial}`;
    const withoutTickers = playingState([listItem('red', makeEntries('red', 4), { id })]);
    await show(() => {
      const state = withoutTickers();
      assert.equal('tickers' in state, false);
      return state;
    }, `list:${id}`);
    const page = suite.screen().page;
    assert.equal(await page.locator(BAND).count(), 0);
    const layout = await geometry(page);
    assert.equal(Math.round(layout.scene.bottom - layout.scene.top), 1080);
  });
});
