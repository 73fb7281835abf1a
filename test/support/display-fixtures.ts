// Synthetic display states and helpers for the display e2e tests: the real display server, the built display, Chromium.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { startDisplayServer, type DisplayServer } from '../../player/core/display-server.ts';
import type { DisplayItem, DisplayState } from '../../shared/display/display-state.ts';
import type { ListKind, PublicEntry } from '../../shared/lists/list-entry.ts';
import type { SlideDocument } from '../../shared/protocol/manifest.ts';
import { servedDisplay } from './entry-sets.ts';

export const DISPLAY_DIST = fileURLToPath(new URL('../../player/display/dist', import.meta.url));

export function assertDisplayBuilt(): void {
  if (!existsSync(join(DISPLAY_DIST, 'index.html'))) {
    throw new Error(`the display is not built (${DISPLAY_DIST}/index.html missing): run \`npm run build\` first`);
  }
}

const DAY_MS = 86_400_000;

let entrySerial = 0;

/** A synthetic legal person; every name says 示例 (example) so no real company is implied. */
export function makeEntry(list: ListKind, overrides: Partial<PublicEntry> = {}, nowMs = Date.now()): PublicEntry {
  entrySerial += 1;
  const serial = String(entrySerial).padStart(4, '0');
  return {
    id: `entry-${serial}`,
    list,
    category: list === 'red' ? 'A级纳税人' : '失信被执行人',
    subjectType: 'legal-person',
    name: `乌海市示例商贸有限公司${serial}`,
    code: `91150300MA0X${serial}0`.slice(0, 18).padEnd(18, '0'),
    reason: list === 'red' ? '2024年度纳税信用评价为A级' : '有履行能力而拒不履行生效法律文书确定义务',
    authority: list === 'red' ? '国家税务总局乌海市税务局' : '乌海市海勃湾区人民法院',
    listedOn: '2025-03-18',
    validUntil: '2027-03-17',
    expiresAt: nowMs + 365 * DAY_MS,
    ...overrides,
  };
}

const SYNTHETIC_COMPANIES = [
  '乌海市示例煤炭运销有限公司',
  '内蒙古示例建筑安装工程有限责任公司',
  '乌海市海勃湾区示例建材经销部',
  '乌海示例物流运输有限公司',
  '乌达区示例餐饮管理有限公司',
  '内蒙古自治区乌海市海勃湾区示例能源化工装备制造与技术服务有限责任公司第一分公司',
  '示例农牧业专业合作社',
  '乌海市示例房地产开发有限公司',
  '海南区示例汽车修理厂',
  '乌海示例环保科技有限公司',
  '示例文化传媒（乌海）有限公司',
  '乌海市示例商贸有限责任公司',
];

const BLACK_REASONS = [
  '有履行能力而拒不履行生效法律文书确定义务',
  '以伪造证据、暴力、威胁等方法妨碍、抗拒执行',
  '违反财产报告制度',
  '违反限制消费令',
];

const RED_REASONS = ['2024年度纳税信用评价为A级', '连续三年守合同重信用企业', '海关高级认证企业（AEO）', '诚信建设示范单位'];

/** A list of synthetic entries, one a natural person whose ID is masked as the controller would. */
export function makeEntries(list: ListKind, count: number, nowMs = Date.now()): PublicEntry[] {
  const reasons = list === 'red' ? RED_REASONS : BLACK_REASONS;
  return Array.from({ length: count }, (_, index) => {
    const name = SYNTHETIC_COMPANIES[index % SYNTHETIC_COMPANIES.length] ?? '示例公司';
    const reason = reasons[index % reasons.length] ?? '';
    if (list === 'black' && index === 2) {
      return makeEntry(list, { subjectType: 'natural-person', name: '赵**', code: '150302********0013', reason }, nowMs);
    }
    return makeEntry(
      list,
      { name, reason, listedOn: `2025-0${1 + (index % 9)}-${10 + (index % 18)}` },
      nowMs,
    );
  });
}

export function listItem(list: ListKind, entries: PublicEntry[], overrides: Partial<DisplayItem> = {}): DisplayItem {
  return {
    kind: 'list',
    id: `list-${list}`,
    list,
    title: list === 'red' ? '乌海市守信激励对象名单' : '乌海市失信被执行人名单',
    source: list === 'red' ? '信用乌海' : '乌海市中级人民法院',
    durationMs: 60_000,
    entries,
    ...overrides,
  } as DisplayItem;
}

export function slideItem(slide: Partial<SlideDocument> = {}, id = 'slide-1', durationMs = 60_000): DisplayItem {
  return {
    kind: 'slide',
    id,
    durationMs,
    slide: {
      kind: 'slide',
      title: '诚实守信 共建信用乌海',
      body: '人无信不立，业无信不兴。\n守信者处处受益，失信者寸步难行。',
      theme: 'integrity',
      footer: '乌海市社会信用体系建设领导小组办公室',
      ...slide,
    },
  };
}

/** A playing state whose nowMs is read each time it is served, as the real core does. */
export function playingState(timeline: DisplayItem[], overrides: Partial<Extract<DisplayState, { mode: 'playing' }>> = {}) {
  return (): DisplayState => ({
    mode: 'playing',
    screenName: '测试屏幕',
    manifestVersion: 1,
    listRevision: 1,
    listsUpdatedAt: Date.UTC(2026, 0, 5, 1, 30),
    nowMs: Date.now(),
    fallback: false,
    timeline,
    locale: 'zh-CN',
    ...overrides,
  });
}

export interface TestDisplay {
  server: DisplayServer;
  token: string;
  /** How many times the display has asked for the state. */
  stateReads(): number;
}

export async function startTestDisplay(getState: () => DisplayState): Promise<TestDisplay> {
  assertDisplayBuilt();
  const token = randomBytes(16).toString('hex');
  let reads = 0;
  const served = servedDisplay(() => {
    reads += 1;
    return getState();
  });
  const server = await startDisplayServer({ port: 0, staticDir: DISPLAY_DIST, token, ...served });
  return { server, token, stateReads: () => reads };
}

export const SCREEN = { width: 1920, height: 1080 };

/**
 * One display server and one page whose state a test swaps, so a suite pays for one page load
 * instead of one per test. Scenes are told apart by key: give every item a fresh id.
 */
export interface SwitchableDisplay {
  page: Page;
  show(getState: () => DisplayState, sceneKey: string): Promise<void>;
}

export async function startSwitchableDisplay(browser: Browser, cleanups: Array<() => Promise<void>>): Promise<SwitchableDisplay> {
  let current: () => DisplayState = () => ({ mode: 'pairing', pairingCode: null, controllerUrl: '', locale: 'zh-CN' });
  const display = await startTestDisplay(() => current());
  cleanups.push(() => display.server.close());
  const page = await openDisplay(browser, display.server.url);
  cleanups.push(() => page.context().close());
  return {
    page,
    async show(getState, sceneKey) {
      current = getState;
      display.server.notifyStateChanged();
      const mode = getState().mode;
      await page.waitForSelector(
        `[data-testid="display-root"][data-mode="${mode}"] [data-scene-state="current"][data-scene-key="${sceneKey}"]`,
      );
    },
  };
}

export async function openDisplay(browser: Browser, url: string, viewport = SCREEN): Promise<Page> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** Waits until the display has a state and a scene of the given kind is the current one. */
export async function waitForScene(page: Page, itemKind: string): Promise<void> {
  await page.waitForSelector(
    `[data-testid="display-root"]:not([data-mode="waiting"])[data-item-kind="${itemKind}"] [data-scene-state="current"]`,
  );
}

/** Waits until the cross-fade is over and the fonts are in, so a screenshot shows what a passer-by sees. */
export async function waitForSettledScene(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const current = document.querySelector('[data-scene-state="current"]');
    return (
      document.querySelectorAll('.scene').length === 1 &&
      current !== null &&
      current.getAnimations().every((animation) => animation.playState === 'finished')
    );
  });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Saves a screenshot when GONGSHI_SHOTS_DIR is set, so normal test runs write nothing. */
export async function maybeScreenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.GONGSHI_SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await waitForSettledScene(page);
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

export interface HorizontalOverflow {
  pageScrollWidth: number;
  viewportWidth: number;
  /** elements whose box leaves the viewport, or whose visible content spills out of the box */
  offenders: string[];
  /** code and date cells whose text is cut, sideways or by the line clamp (a cut credit code would mislead) */
  truncatedCodes: string[];
}

// The function runs in the page: no named inner functions, which tsx would wrap in a helper the page lacks.
export async function measureHorizontalOverflow(page: Page): Promise<HorizontalOverflow> {
  return page.evaluate(() => {
    const viewportWidth = window.innerWidth;
    const offenders: string[] = [];
    const truncatedCodes: string[] = [];
    const scene = document.querySelector('[data-scene-state="current"]');
    for (const el of scene ? Array.from(scene.querySelectorAll('*')) : []) {
      // The echo copy of the rows is off-screen by design; its twins are measured instead.
      if (el.closest('[aria-hidden="true"]')) continue;
      const label = `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').slice(0, 40)}"`;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.left < -1 || box.right > viewportWidth + 1) offenders.push(`${label} box ${box.left}..${box.right}`);
      const style = getComputedStyle(el);
      if (style.overflowX === 'visible' && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
        offenders.push(`${label} spills ${el.scrollWidth} > ${el.clientWidth}`);
      }
      const isCodeCell = el.matches('[data-testid="entry-row"] .entry-cell--code, [data-testid="entry-row"] .entry-cell--date');
      if (isCodeCell) {
        // Every line of the text must lie inside the cell: clipped lines sit below it, clipped ends beside it.
        // (Centres, not edges: CJK fonts' ascent and descent reach past a 1.3 line height.)
        const range = document.createRange();
        range.selectNodeContents(el);
        const lines = Array.from(range.getClientRects());
        if (lines.some((line) => (line.top + line.bottom) / 2 > box.bottom || line.right > box.right + 1)) {
          truncatedCodes.push(label);
        }
      }
    }
    return { pageScrollWidth: document.documentElement.scrollWidth, viewportWidth, offenders, truncatedCodes };
  });
}

export async function currentRowIds(page: Page): Promise<string[]> {
  return page.$$eval('[data-scene-state="current"] [data-testid="entry-row"]', (rows) =>
    rows.map((row) => row.getAttribute('data-entry-id') ?? ''),
  );
}

export interface ChromiumSuite {
  browser(): Browser;
  /** one switchable display page, when asked for */
  screen(): SwitchableDisplay;
  /** run after the suite, newest first, before the browser closes */
  cleanups: Array<() => Promise<void>>;
}

/** Call inside a describe(): launches Chromium before its tests (and a switchable display if asked), cleans up after. */
export function chromiumSuite(options: { switchable?: boolean } = {}): ChromiumSuite {
  let browser: Browser | null = null;
  let screen: SwitchableDisplay | null = null;
  const cleanups: Array<() => Promise<void>> = [];
  before(async () => {
    assertDisplayBuilt();
    browser = await launchChromium();
    if (options.switchable) screen = await startSwitchableDisplay(browser, cleanups);
  });
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await browser?.close();
  });
  return {
    browser: () => {
      if (!browser) throw new Error('Chromium is not up: use chromiumSuite() inside describe() and the browser inside tests');
      return browser;
    },
    screen: () => {
      if (!screen) throw new Error('no switchable display: call chromiumSuite({ switchable: true })');
      return screen;
    },
    cleanups,
  };
}
