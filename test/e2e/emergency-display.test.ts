// The emergency override in Chromium at 1920×1080: full-screen, labelled, cross-faded in over the rotation and out again.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
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

  async function showRotationThen(emergency: () => DisplayEmergency | null, locale: 'zh-CN' | 'en' = 'zh-CN') {
    const base = playingState([slideItem({}, 'slide-rotation')], { locale });
    const display = await startTestDisplay((): DisplayState => ({ ...base(), emergency: emergency() }) as DisplayState);
    cleanups.push(() => display.server.close());
    const page = await openDisplay(suite.browser(), display.server.url);
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

  test('refuses to show an emergency whose text holds an unmasked ID number, keeping the rotation', async () => {
    const { page } = await showRotationThen(() => ({ ...EMERGENCY, body: '证件号 11010519491231002X' }));
    await page.waitForSelector('[data-testid="slide"]');
    await page.waitForTimeout(500);
    assert.equal(await page.locator('[data-testid="emergency"]').count(), 0);
  });
});
