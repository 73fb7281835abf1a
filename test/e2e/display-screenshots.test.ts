// Every scene of the display at 1920×1080, 1080×1920, 3840×2160 and a 1536×256 LED strip: like its committed reference picture, with no text cut by the screen edge or drawn over other text.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { startDisplayServer } from '../../player/core/display-server.ts';
import type { DisplayEmergency, DisplayItem, DisplayState, DisplayTicker } from '../../shared/display/display-state.ts';
import { makePng } from '../fixtures/media/png.ts';
import { DISPLAY_DIST, chromiumSuite, listItem, makeEntries, playingState, slideItem } from '../support/display-fixtures.ts';
import { openFrozenScreens, resolutionName, type FrozenScreens, type Resolution } from '../support/frozen-screens.ts';
import { checkAgainstReference } from '../support/screenshot-reference.ts';
import { tempDir } from '../support/temp-dir.ts';
import { measureTextLayout } from '../support/text-layout.ts';
import { servedDisplay } from '../support/entry-sets.ts';

const REFERENCE_DIR = fileURLToPath(new URL('../fixtures/display-references', import.meta.url));

const RESOLUTIONS: readonly Resolution[] = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
  { width: 3840, height: 2160 },
  // An LED strip: the marquee is its natural layout, yet whatever the programme sends must still read.
  { width: 1536, height: 256 },
];

// 10:00:00 in Beijing on Monday 5 January 2026: a whole second, so the header clock shows it exactly.
const NOW_MS = Date.UTC(2026, 0, 5, 2, 0, 0);

// Made in this order on every run, so every entry has the same id and code.
const RED_ENTRIES = makeEntries('red', 30, NOW_MS);
const BLACK_ENTRIES = makeEntries('black', 23, NOW_MS);

const POSTER_SHA = 'e'.repeat(64);
const TICKER: DisplayTicker = { id: 'ticker-shot', text: '诚信建设 人人有责：失信举报电话 0473-12345，欢迎社会各界监督', pxPerSecond: 110 };
const EMERGENCY: DisplayEmergency = {
  id: '0190f5a4-0000-7000-8000-00000000e0a1',
  title: '紧急疏散',
  body: '因突发情况，请立即沿疏散指示标志有序撤离，\n不要使用电梯，听从工作人员指挥。',
  footer: '乌海市应急管理局',
  issuedAt: NOW_MS - 60_000,
};

const playing = (timeline: DisplayItem[], overrides: Partial<Extract<DisplayState, { mode: 'playing' }>> = {}): DisplayState =>
  playingState(timeline, { nowMs: NOW_MS, ...overrides })();

interface SceneCase {
  /** reference file prefix */
  name: string;
  title: string;
  sceneKey: string;
  state: DisplayState;
}

const SCENES: SceneCase[] = [
  {
    name: 'red-list-scroll',
    title: 'a red list, full screen, scrolling',
    sceneKey: 'list:shot-red-scroll',
    state: playing([listItem('red', RED_ENTRIES, { id: 'shot-red-scroll' })]),
  },
  {
    name: 'black-list-pages',
    title: 'a black list turning pages, 第 1/N 页',
    sceneKey: 'list:shot-black-pages',
    state: playing([listItem('black', BLACK_ENTRIES, { id: 'shot-black-pages', motion: { mode: 'page', rowsPerPage: 6, secondsPerPage: 10 } })]),
  },
  {
    name: 'list-split',
    title: 'a list beside a poster',
    sceneKey: 'list:shot-split',
    state: playing([
      listItem('red', RED_ENTRIES.slice(0, 14), {
        id: 'shot-split',
        layout: 'split',
        split: { kind: 'image', src: `/media/${POSTER_SHA}`, mediaType: 'image/png', title: '诚信海报' },
      }),
    ]),
  },
  {
    name: 'list-ticker',
    title: 'a list over a ticker band',
    sceneKey: 'list:shot-ticker',
    state: playing([listItem('black', BLACK_ENTRIES, { id: 'shot-ticker' })], { tickers: [TICKER] }),
  },
  {
    name: 'marquee',
    title: 'a list as a marquee line',
    sceneKey: 'list:shot-marquee',
    state: playing([listItem('black', BLACK_ENTRIES.slice(0, 8), { id: 'shot-marquee', layout: 'marquee' })]),
  },
  {
    name: 'slide',
    title: 'a propaganda slide',
    sceneKey: 'slide:shot-slide',
    state: playing([slideItem({}, 'shot-slide')]),
  },
  {
    name: 'pairing',
    title: 'the pairing code',
    sceneKey: 'pairing',
    state: { mode: 'pairing', pairingCode: '482913', controllerUrl: 'https://xinyong.example.gov.cn', locale: 'zh-CN' },
  },
  {
    name: 'identify',
    title: 'the identify overlay over a list',
    sceneKey: 'list:shot-identify',
    state: playing([listItem('black', BLACK_ENTRIES.slice(0, 12), { id: 'shot-identify' })], { screenName: '乌海站东广场大屏', identifyUntil: NOW_MS + 60_000 }),
  },
  {
    name: 'emergency',
    title: 'an emergency override',
    sceneKey: `emergency:${EMERGENCY.id}`,
    state: playing([slideItem({}, 'shot-under-emergency')], { emergency: EMERGENCY }),
  },
  {
    name: 'fallback',
    title: 'the fallback slide',
    sceneKey: 'fallback',
    state: playing([]),
  },
  {
    name: 'stale-list',
    title: 'a list too old to show, 数据更新中',
    sceneKey: 'list:shot-stale',
    state: playing([listItem('black', [], { id: 'shot-stale', stale: true })]),
  },
];

describe('display screenshots and text layout', () => {
  const suite = chromiumSuite();
  const dir = tempDir({ after });
  let screens: FrozenScreens;
  // Until the first scene: a pairing screen without a code, which no scene of the matrix shows.
  let state: DisplayState = { mode: 'pairing', pairingCode: null, controllerUrl: '', locale: 'zh-CN' };

  before(async () => {
    const posterPath = join(dir, POSTER_SHA);
    // A portrait poster (3:4), letterboxed in the split pane.
    writeFileSync(posterPath, makePng(600, 800, [200, 16, 46], [255, 215, 0]));
    const server = await startDisplayServer({
      port: 0,
      staticDir: DISPLAY_DIST,
      token: randomBytes(16).toString('hex'),
      ...servedDisplay(() => state),
      mediaFile: (sha256) => (sha256 === POSTER_SHA ? { path: posterPath, mediaType: 'image/png' } : null),
    });
    suite.cleanups.push(() => server.close());
    const opened = await openFrozenScreens(suite.browser(), server, (next) => (state = next), RESOLUTIONS, NOW_MS);
    suite.cleanups.push(opened.close);
    screens = opened.screens;
  });

  for (const scene of SCENES) {
    describe(scene.title, () => {
      let shots = new Map<string, Buffer>();
      before(async () => {
        shots = await screens.show(scene.state, scene.sceneKey);
      });

      for (const resolution of RESOLUTIONS) {
        test(`at ${resolution.width}×${resolution.height}`, async (t) => {
          const name = `${scene.name}-${resolutionName(resolution)}`;
          const screenshot = shots.get(resolutionName(resolution));
          assert.ok(screenshot, `no screenshot at ${resolutionName(resolution)}`);
          // Full size, to look at: as maybeScreenshot() does for the other display tests.
          const shotsDir = process.env.GONGSHI_SHOTS_DIR;
          if (shotsDir) {
            mkdirSync(shotsDir, { recursive: true });
            writeFileSync(join(shotsDir, `${name}.png`), screenshot);
          }

          await t.test('looks like its reference picture', () => {
            const check = checkAgainstReference(screenshot, join(REFERENCE_DIR, `${name}.png`), 'display-screenshots');
            if (check.outcome === 'written') t.diagnostic(check.message);
            assert.ok(check.outcome === 'matched' || check.outcome === 'written', check.message);
          });

          await t.test('has no text cut by the screen edge or drawn over other text', async () => {
            assert.deepEqual(await measureTextLayout(screens.page(resolution)), { cut: [], overlaps: [] });
          });
        });
      }
    });
  }
});
