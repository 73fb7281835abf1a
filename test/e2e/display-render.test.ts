// What the kiosk display renders for each kind of state, in Chromium at 1920x1080 against the real display server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { DisplayState } from '../../shared/display/display-state.ts';
import { launchChromium } from '../support/chromium.ts';
import {
  assertDisplayBuilt,
  currentRowIds,
  listItem,
  makeEntries,
  makeEntry,
  maybeScreenshot,
  measureHorizontalOverflow,
  openDisplay,
  playingState,
  slideItem,
  startTestDisplay,
  waitForScene,
} from '../support/display-fixtures.ts';

describe('display rendering', () => {
  let browser: Browser;
  const cleanups: Array<() => Promise<void>> = [];

  before(async () => {
    assertDisplayBuilt();
    browser = await launchChromium();
  });

  after(async () => {
    for (const cleanup of cleanups) await cleanup();
    await browser?.close();
  });

  async function show(getState: () => DisplayState, itemKind: string): Promise<Page> {
    const display = await startTestDisplay(getState);
    cleanups.push(() => display.server.close());
    const page = await openDisplay(browser, display.server.url);
    cleanups.push(() => page.context().close());
    await waitForScene(page, itemKind);
    return page;
  }

  async function assertNoHorizontalOverflow(page: Page): Promise<void> {
    const overflow = await measureHorizontalOverflow(page);
    assert.ok(overflow.pageScrollWidth <= overflow.viewportWidth, `page is ${overflow.pageScrollWidth}px wide`);
    assert.deepEqual(overflow.offenders, []);
    assert.deepEqual(overflow.truncatedCodes, []);
  }

  test('shows the pairing code in huge digits, with instructions and the controller URL', async () => {
    const page = await show(
      () => ({ mode: 'pairing', pairingCode: '482913', controllerUrl: 'https://xinyong.example.gov.cn', locale: 'zh-CN' }),
      'pairing',
    );
    const root = page.getByTestId('display-root');
    assert.equal(await root.getAttribute('data-mode'), 'pairing');
    assert.equal(await root.getAttribute('data-theme'), 'integrity');
    assert.equal(await page.getByTestId('pairing-code').textContent(), '482913');
    assert.match((await page.locator('.pairing__instructions').textContent()) ?? '', /配对码/);
    assert.equal(await page.getByTestId('pairing-controller-url').textContent(), 'https://xinyong.example.gov.cn');
    const digitPx = await page.getByTestId('pairing-code').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(digitPx >= 150, `pairing digits are ${digitPx}px`);
    await maybeScreenshot(page, 'pairing');
    await assertNoHorizontalOverflow(page);
  });

  test('renders a red list with its rows, codes and the celebratory red theme, large enough for 10 m', async () => {
    const entries = makeEntries('red', 14);
    const page = await show(playingState([listItem('red', entries)]), 'list');
    const root = page.getByTestId('display-root');
    assert.equal(await root.getAttribute('data-theme'), 'red');
    assert.equal(await page.getByTestId('list-title').textContent(), '乌海市守信激励对象名单');
    assert.equal(await page.getByTestId('list-badge').textContent(), '守信红名单');
    assert.equal(await page.getByTestId('list-source').textContent(), '数据来源：信用乌海');
    // 2026-01-05 01:30 UTC is 09:30 in Beijing.
    assert.equal(await page.getByTestId('list-updated-at').textContent(), '更新时间：2026-01-05 09:30');
    assert.equal(await page.getByTestId('list-count').textContent(), '共 14 条');
    assert.deepEqual(await currentRowIds(page), entries.map((entry) => entry.id));
    const firstRow = page.locator('[data-scene-state="current"] [data-testid="entry-row"]').first();
    assert.match((await firstRow.textContent()) ?? '', new RegExp(`${entries[0]!.name}.*${entries[0]!.code}`));
    // Fourteen rows do not fit under the header, so they roll.
    assert.equal(await page.getByTestId('entry-viewport').getAttribute('data-rolling'), 'true');
    const sizes = await page.evaluate(() => ({
      row: parseFloat(getComputedStyle(document.querySelector('[data-testid="entry-row"]')!).fontSize),
      title: parseFloat(getComputedStyle(document.querySelector('[data-testid="list-title"]')!).fontSize),
    }));
    assert.ok(sizes.row >= 34, `row text is ${sizes.row}px`);
    assert.ok(sizes.title >= 56, `title is ${sizes.title}px`);
    await maybeScreenshot(page, 'red-list');
    await assertNoHorizontalOverflow(page);
  });

  test('renders a black list on the sober charcoal theme, with a masked ID for a natural person', async () => {
    const entries = makeEntries('black', 12);
    const page = await show(playingState([listItem('black', entries)]), 'list');
    assert.equal(await page.getByTestId('display-root').getAttribute('data-theme'), 'black');
    assert.equal(await page.getByTestId('list-badge').textContent(), '失信黑名单');
    assert.deepEqual(await currentRowIds(page), entries.map((entry) => entry.id));
    const person = page.locator('[data-scene-state="current"] [data-testid="entry-row"][data-entry-id="' + entries[2]!.id + '"]');
    assert.match((await person.textContent()) ?? '', /赵\*\*150302\*{8}0013/);
    // Not a dead screen: the background is charcoal, not pure black.
    const background = await page.evaluate(() => getComputedStyle(document.querySelector('.scene')!).backgroundImage);
    assert.match(background, /rgb\(23, 25, 30\)/);
    await maybeScreenshot(page, 'black-list');
    await assertNoHorizontalOverflow(page);
  });

  test('shows markup in a name as literal text', async () => {
    const hostile = makeEntry('black', { name: '<b>x</b><img src=x onerror="document.title=1">示例' });
    const page = await show(playingState([listItem('black', [hostile])]), 'list');
    const row = page.locator('[data-scene-state="current"] [data-testid="entry-row"]');
    assert.equal(await row.locator('.entry-cell--name').textContent(), hostile.name);
    assert.equal(await row.locator('b, img').count(), 0);
    assert.notEqual(await page.title(), '1');
  });

  test('does not scroll a list that fits, and shows the empty message rather than a blank frame', async () => {
    const page = await show(playingState([listItem('red', makeEntries('red', 3))]), 'list');
    assert.equal(await page.getByTestId('entry-viewport').getAttribute('data-rolling'), 'false');
    assert.equal(await page.locator('[data-testid="entry-row-echo"]').count(), 0);

    const emptyPage = await show(playingState([listItem('black', [])]), 'list');
    assert.equal(await emptyPage.getByTestId('list-empty').textContent(), '暂无公示信息');
    assert.equal(await emptyPage.getByTestId('list-count').textContent(), '共 0 条');
  });

  test('refuses an entry whose ID number reached it unmasked', async () => {
    const masked = makeEntry('black', { subjectType: 'natural-person', name: '钱**', code: '150302********0021' });
    const unmasked = makeEntry('black', { subjectType: 'natural-person', name: '孙**', code: '150302199001010021' });
    const page = await show(playingState([listItem('black', [masked, unmasked])]), 'list');
    assert.deepEqual(await currentRowIds(page), [masked.id]);
  });

  test('renders a propaganda slide in large type', async () => {
    const page = await show(playingState([slideItem()]), 'slide');
    assert.equal(await page.getByTestId('display-root').getAttribute('data-theme'), 'integrity');
    assert.equal(await page.getByTestId('slide-title').textContent(), '诚实守信 共建信用乌海');
    const titlePx = await page.getByTestId('slide-title').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(titlePx >= 80, `slide title is ${titlePx}px`);
    await maybeScreenshot(page, 'slide');
    await assertNoHorizontalOverflow(page);
  });

  test('shows the fallback slide when the timeline is empty or the core says so', async () => {
    const page = await show(playingState([]), 'fallback');
    assert.equal(await page.getByTestId('display-root').getAttribute('data-mode'), 'playing');
    const fallback = page.getByTestId('fallback-slide');
    assert.match((await fallback.textContent()) ?? '', /诚信建设 人人有责.*守信光荣 失信可耻/);
    await maybeScreenshot(page, 'fallback');
    await assertNoHorizontalOverflow(page);

    const flagged = await show(playingState([listItem('red', makeEntries('red', 2))], { fallback: true }), 'fallback');
    assert.equal(await flagged.locator('[data-testid="entry-row"]').count(), 0);
  });

  test('shows the fallback slide, not a black screen, when the core never answers', async () => {
    const display = await startTestDisplay(playingState([]));
    cleanups.push(() => display.server.close());
    const page = await openDisplay(browser, display.server.url.replace(/token=[^&]+/, 'token=wrong'));
    cleanups.push(() => page.context().close());
    await page.getByTestId('fallback-slide').waitFor();
    assert.equal(await page.getByTestId('display-root').getAttribute('data-mode'), 'waiting');
  });

  test('speaks English when the state says so', async () => {
    const page = await show(playingState([listItem('black', makeEntries('black', 2))], { locale: 'en' }), 'list');
    assert.equal(await page.getByTestId('list-badge').textContent(), 'Black list (dishonest)');
    assert.equal(await page.getByTestId('list-count').textContent(), '2 entries');
    await assertNoHorizontalOverflow(page);
  });
});
