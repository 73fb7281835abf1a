// What the kiosk display renders for each kind of state, in Chromium at 1920x1080 against the real display server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import type { DisplayState } from '../../shared/display/display-state.ts';
import type { ListKind, PublicEntry } from '../../shared/lists/list-entry.ts';
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
  startSwitchableDisplay,
  startTestDisplay,
  type SwitchableDisplay,
} from '../support/display-fixtures.ts';

describe('display rendering', () => {
  let browser: Browser;
  let screen: SwitchableDisplay;
  let page: Page;
  let itemSerial = 0;
  const cleanups: Array<() => Promise<void>> = [];

  before(async () => {
    assertDisplayBuilt();
    browser = await launchChromium();
    screen = await startSwitchableDisplay(browser, cleanups);
    page = screen.page;
  });

  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await browser?.close();
  });

  /** During a cross-fade the outgoing scene is still in the DOM: look only at the incoming one. */
  const scene = (): Locator => page.locator('[data-scene-state="current"]');
  const root = (): Locator => page.getByTestId('display-root');

  async function showList(list: ListKind, entries: PublicEntry[], overrides: Partial<Extract<DisplayState, { mode: 'playing' }>> = {}) {
    const id = `list-${list}-${++itemSerial}`;
    await screen.show(playingState([listItem(list, entries, { id })], overrides), `list:${id}`);
  }

  async function assertNoHorizontalOverflow(): Promise<void> {
    const overflow = await measureHorizontalOverflow(page);
    assert.ok(overflow.pageScrollWidth <= overflow.viewportWidth, `page is ${overflow.pageScrollWidth}px wide`);
    assert.deepEqual(overflow.offenders, []);
    assert.deepEqual(overflow.truncatedCodes, []);
  }

  test('shows the pairing code in huge digits, with instructions and the controller URL', async () => {
    await screen.show(
      () => ({ mode: 'pairing', pairingCode: '482913', controllerUrl: 'https://xinyong.example.gov.cn', locale: 'zh-CN' }),
      'pairing',
    );
    assert.equal(await root().getAttribute('data-theme'), 'integrity');
    assert.equal(await root().getAttribute('data-item-kind'), 'pairing');
    assert.equal(await scene().getByTestId('pairing-code').textContent(), '482913');
    assert.match((await scene().locator('.pairing__instructions').textContent()) ?? '', /配对码/);
    assert.equal(await scene().getByTestId('pairing-controller-url').textContent(), 'https://xinyong.example.gov.cn');
    const digitPx = await scene().getByTestId('pairing-code').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(digitPx >= 150, `pairing digits are ${digitPx}px`);
    await maybeScreenshot(page, 'pairing');
    await assertNoHorizontalOverflow();
  });

  test('renders a red list with its rows, codes and the celebratory red theme, large enough for 10 m', async () => {
    const entries = makeEntries('red', 14);
    await showList('red', entries);
    assert.equal(await root().getAttribute('data-theme'), 'red');
    assert.equal(await root().getAttribute('data-item-kind'), 'list');
    assert.equal(await scene().getByTestId('list-title').textContent(), '乌海市守信激励对象名单');
    assert.equal(await scene().getByTestId('list-badge').textContent(), '守信红名单');
    assert.equal(await scene().getByTestId('list-source').textContent(), '数据来源：信用乌海');
    // 2026-01-05 01:30 UTC is 09:30 in Beijing.
    assert.equal(await scene().getByTestId('list-updated-at').textContent(), '更新时间：2026-01-05 09:30');
    assert.equal(await scene().getByTestId('list-count').textContent(), '共 14 条');
    assert.deepEqual(await currentRowIds(page), entries.map((entry) => entry.id));
    const firstRow = scene().getByTestId('entry-row').first();
    assert.match((await firstRow.textContent()) ?? '', new RegExp(`${entries[0]!.name}.*${entries[0]!.code}`));
    // Fourteen rows do not fit under the header, so they roll.
    assert.equal(await scene().getByTestId('entry-viewport').getAttribute('data-rolling'), 'true');
    const sizes = await scene().evaluate((el) => ({
      row: parseFloat(getComputedStyle(el.querySelector('[data-testid="entry-row"]')!).fontSize),
      title: parseFloat(getComputedStyle(el.querySelector('[data-testid="list-title"]')!).fontSize),
    }));
    assert.ok(sizes.row >= 34, `row text is ${sizes.row}px`);
    assert.ok(sizes.title >= 56, `title is ${sizes.title}px`);
    await maybeScreenshot(page, 'red-list');
    await assertNoHorizontalOverflow();
  });

  test('renders a black list on the sober charcoal theme, with a masked ID for a natural person', async () => {
    const entries = makeEntries('black', 12);
    await showList('black', entries);
    assert.equal(await root().getAttribute('data-theme'), 'black');
    assert.equal(await scene().getByTestId('list-badge').textContent(), '失信黑名单');
    assert.deepEqual(await currentRowIds(page), entries.map((entry) => entry.id));
    const person = scene().locator(`[data-testid="entry-row"][data-entry-id="${entries[2]!.id}"]`);
    assert.match((await person.textContent()) ?? '', /赵\*\*150302\*{8}0013/);
    // Not a dead screen: the background is charcoal, not pure black.
    const background = await scene().evaluate((el) => getComputedStyle(el).backgroundImage);
    assert.match(background, /rgb\(23, 25, 30\)/);
    await maybeScreenshot(page, 'black-list');
    await assertNoHorizontalOverflow();
  });

  test('shows markup in a name as literal text', async () => {
    const hostile = makeEntry('black', { name: '<b>x</b><img src=x onerror="document.title=1">示例' });
    await showList('black', [hostile]);
    const row = scene().getByTestId('entry-row');
    assert.equal(await row.locator('.entry-cell--name').textContent(), hostile.name);
    assert.equal(await row.locator('b, img').count(), 0);
    assert.notEqual(await page.title(), '1');
  });

  test('does not scroll a list that fits, and shows the empty message rather than a blank frame', async () => {
    await showList('red', makeEntries('red', 3));
    assert.equal(await scene().getByTestId('entry-viewport').getAttribute('data-rolling'), 'false');
    assert.equal(await scene().getByTestId('entry-row-echo').count(), 0);

    await showList('black', []);
    assert.equal(await scene().getByTestId('list-empty').textContent(), '暂无公示信息');
    assert.equal(await scene().getByTestId('list-count').textContent(), '共 0 条');
  });

  test('refuses an entry whose ID number reached it unmasked', async () => {
    const masked = makeEntry('black', { subjectType: 'natural-person', name: '钱**', code: '150302********0021' });
    const unmasked = makeEntry('black', { subjectType: 'natural-person', name: '孙**', code: '150302199001010021' });
    await showList('black', [masked, unmasked]);
    assert.deepEqual(await currentRowIds(page), [masked.id]);
  });

  test('renders a propaganda slide in large type', async () => {
    await screen.show(playingState([slideItem({}, 'slide-integrity')]), 'slide:slide-integrity');
    assert.equal(await root().getAttribute('data-theme'), 'integrity');
    assert.equal(await root().getAttribute('data-item-kind'), 'slide');
    assert.equal(await scene().getByTestId('slide-title').textContent(), '诚实守信 共建信用乌海');
    const titlePx = await scene().getByTestId('slide-title').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(titlePx >= 80, `slide title is ${titlePx}px`);
    await maybeScreenshot(page, 'slide');
    await assertNoHorizontalOverflow();
  });

  test('shows the fallback slide when the timeline is empty', async () => {
    await screen.show(playingState([]), 'fallback');
    assert.equal(await root().getAttribute('data-item-kind'), 'fallback');
    const fallback = scene().getByTestId('fallback-slide');
    assert.match((await fallback.textContent()) ?? '', /诚信建设 人人有责.*守信光荣 失信可耻/);
    await maybeScreenshot(page, 'fallback');
    await assertNoHorizontalOverflow();
  });

  test('shows the fallback slide when the core says nothing valid remains, even with a timeline', async () => {
    await showList('red', makeEntries('red', 2));
    await screen.show(playingState([listItem('red', makeEntries('red', 2))], { fallback: true }), 'fallback');
    assert.equal(await scene().getByTestId('entry-row').count(), 0);
    assert.equal(await scene().getByTestId('fallback-slide').count(), 1);
  });

  test('speaks English when the state says so', async () => {
    await showList('black', makeEntries('black', 2), { locale: 'en' });
    assert.equal(await scene().getByTestId('list-badge').textContent(), 'Black list (dishonest)');
    assert.equal(await scene().getByTestId('list-count').textContent(), '2 entries');
    assert.equal(await scene().getByTestId('list-updated-at').textContent(), 'Updated: 2026-01-05 09:30');
    await assertNoHorizontalOverflow();
  });

  test('keeps the longest allowed names, reasons, titles and sources inside the screen', async () => {
    const longest = makeEntry('black', {
      name: '内蒙古自治区乌海市示例'.repeat(18).slice(0, 200),
      reason: '有履行能力而拒不履行生效法律文书确定义务，'.repeat(100).slice(0, 2000),
      authority: '乌海市海勃湾区人民法院执行局'.repeat(14).slice(0, 200),
      code: 'W'.repeat(18),
    });
    const id = `list-black-${++itemSerial}`;
    const item = listItem('black', [longest], { id, title: '乌海市失信被执行人名单'.repeat(18).slice(0, 200), source: '示例数据来源'.repeat(33) });
    await screen.show(playingState([item]), `list:${id}`);
    await assertNoHorizontalOverflow();
    // Two lines at most: the row stays a row, it does not become a wall of text.
    const nameLines = await scene()
      .locator('[data-testid="entry-row"] .entry-cell--name')
      .evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
    assert.ok(nameLines <= 2, `name takes ${nameLines} lines`);
  });

  test('shows the fallback slide, not a black screen, when the core never answers', async () => {
    const display = await startTestDisplay(playingState([]));
    cleanups.push(() => display.server.close());
    const lonely = await openDisplay(browser, display.server.url.replace(/token=[^&]+/, 'token=wrong'));
    cleanups.push(() => lonely.context().close());
    await lonely.getByTestId('fallback-slide').waitFor();
    assert.equal(await lonely.getByTestId('display-root').getAttribute('data-mode'), 'waiting');
  });
});
