// The emergency override in Chromium at 1920×1080 and on an LED strip: full-screen, labelled, cross-faded in over the rotation and out again.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { DisplayEmergency, DisplayState } from '../../shared/display/display-state.ts';
import { chromiumSuite, maybeScreenshot, measureHorizontalOverflow, openDisplay, playingState, slideItem, startTestDisplay, waitForSettledScene } from '../support/display-fixtures.ts';

const EMERGENCY: DisplayEmergency = {
  id: '0190f5a4-0000-7000-8000-00000000e001',
  title: '紧急疏散',
  body: '因突发情况，请立即沿疏散指示标志有序撤离，\n不要使用电梯，听从工作人员指挥。',
  footer: '乌海市应急管理局',
  issuedAt: Date.UTC(2026, 0, 5, 2, 0),
};

describe('emergency display', () => {
  const suite = chromiumSuite();
  const { cleanups } = suite;

  async function showRotationThen(emergency: () => DisplayEmergency | null, locale: 'zh-CN' | 'en' = 'zh-CN', viewport?: { width: number; height: number }) {
    const base = playingState([slideItem({}, 'slide-rotation')], { locale });
    const display = await startTestDisplay((): DisplayState => ({ ...base(), emergency: emergency() }) as DisplayState);
    cleanups.push(() => display.server.close());
    const page = await openDisplay(suite.browser(), display.server.url, viewport);
    cleanups.push(() => page.context().close());
    return { display, page };
  }

  test('covers the rotation full-screen with the 紧急通知 label, cross-fading in and back out', async () => {
    let current: DisplayEmergency | null = null;
    const { display, page } = await showRotationThen(() => current);
    await page.waitForSelector('[data-testid="slide"]');

    current = EMERGENCY;
    display.server.notifyStateChanged();
    // The rotation stays underneath, opaque, while the notice fades in: no black frame between them.
    await page.waitForSelector('[data-scene-state="current"][data-scene-key^="emergency:"]');
    const layers = await page.evaluate(() => Array.from(document.querySelectorAll('.scene')).map((el) => el.getAttribute('data-scene-key')));
    assert.ok(layers.includes('slide:slide-rotation') || layers.length === 1, `layers during the fade: ${layers.join(', ')}`);
    await waitForSettledScene(page);

    assert.equal(await page.getByTestId('emergency-label').innerText(), '紧急通知\nEMERGENCY NOTICE');
    assert.equal(await page.getByTestId('emergency-title').innerText(), '紧急疏散');
    assert.equal(await page.locator('[data-testid="display-root"]').getAttribute('data-item-kind'), 'emergency');
    const box = await page.getByTestId('emergency').boundingBox();
    assert.deepEqual(box && { width: Math.round(box.width), height: Math.round(box.height) }, { width: 1920, height: 1080 });
    // Readable from 10 m: the title is at least 120 px tall at 1080p; white on red.
    const title = await page.getByTestId('emergency-title').evaluate((el) => ({ size: parseFloat(getComputedStyle(el).fontSize), color: getComputedStyle(el).color, background: getComputedStyle(el.closest('.emergency')!).backgroundColor }));
    assert.ok(title.size >= 120, `title ${title.size}px`);
    assert.deepEqual([title.color, title.background], ['rgb(255, 255, 255)', 'rgb(168, 0, 12)']);
    assert.deepEqual((await measureHorizontalOverflow(page)).offenders, []);
    await maybeScreenshot(page, 'emergency-1920x1080');

    current = null;
    display.server.notifyStateChanged();
    await page.waitForSelector('[data-scene-state="current"][data-scene-key="slide:slide-rotation"]');
    await page.waitForSelector('[data-testid="emergency"]', { state: 'detached' });
  });

  test('labels it in English on an English screen', async () => {
    const { page } = await showRotationThen(() => ({ ...EMERGENCY, title: 'Evacuate now', body: 'Leave by the marked exits. Do not use the lifts.', footer: null }), 'en');
    await page.waitForSelector('[data-testid="emergency"]');
    await waitForSettledScene(page);
    assert.equal(await page.getByTestId('emergency-label').innerText(), 'Emergency notice');
    await maybeScreenshot(page, 'emergency-en-1920x1080');
  });

  test('on an LED strip, crawls a body longer than the strip instead of cutting it, and keeps a short one still', async () => {
    const strip = { width: 1536, height: 256 };
    const bodyOf = async (page: Page) =>
      page.evaluate(() => {
        const body = document.querySelector('[data-testid="emergency-body"]');
        const track = body?.closest('[data-testid="crawl-track"]');
        const window = track?.parentElement;
        return {
          text: body?.textContent ?? null,
          width: body?.getBoundingClientRect().width ?? 0,
          windowWidth: window?.getBoundingClientRect().width ?? 0,
          animation: track ? getComputedStyle(track).animationName : null,
        };
      });
    let current: DisplayEmergency = EMERGENCY;
    const { display, page } = await showRotationThen(() => current, 'zh-CN', strip);
    await page.waitForSelector('[data-testid="emergency-body"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="crawl-track"]')?.classList.contains('crawl__track--moving'));
    const long = await bodyOf(page);
    // The whole instruction is there, wider than the strip, and moving: nothing ends in "…".
    assert.equal(long.text, EMERGENCY.body);
    assert.ok(long.width > long.windowWidth, `body ${long.width}px in a window of ${long.windowWidth}px`);
    assert.equal(long.animation, 'crawl');
    const xAt = () => page.locator('[data-testid="crawl-track"]').evaluate((el) => el.getBoundingClientRect().x);
    const before = await xAt();
    await page.waitForTimeout(600);
    assert.ok((await xAt()) < before, 'the body moves right to left');

    current = { ...EMERGENCY, id: '0190f5a4-0000-7000-8000-00000000e002', body: '请有序撤离' };
    display.server.notifyStateChanged();
    await page.waitForFunction(() => document.querySelector('[data-testid="emergency-body"]')?.textContent === '请有序撤离');
    await waitForSettledScene(page);
    const short = await bodyOf(page);
    assert.ok(short.width < short.windowWidth);
    assert.equal(short.animation, 'none', 'a body that fits stands still');
    assert.deepEqual((await measureHorizontalOverflow(page)).offenders, []);
  });

  test('refuses to show an emergency whose text holds an unmasked ID number, keeping the rotation', async () => {
    const { page } = await showRotationThen(() => ({ ...EMERGENCY, body: '证件号 11010519491231002X' }));
    await page.waitForSelector('[data-testid="slide"]');
    await page.waitForTimeout(500);
    assert.equal(await page.locator('[data-testid="emergency"]').count(), 0);
  });
});
