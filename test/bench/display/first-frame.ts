// Time from starting a player core on a warm cache (controller unreachable, as after a power cut) to
// the kiosk page's first frame painted with list rows, with where the time went.

import type { Browser } from 'playwright-core';
import { startTestPlayer } from '../../support/player-harness.ts';
import { SCREEN } from '../../support/display-fixtures.ts';
import { waitFor } from '../../support/wait-for.ts';
import { spread, type Spread } from '../fanout/stats.ts';
import { FIRST_FRAME_MARKS, FIRST_FRAME_PAINTED, READ_PAGE_TIMINGS, type PageTimings } from './page-scripts.ts';
import type { WarmPlayerCache } from './warm-player-cache.ts';

/** ms from the core's start; every field is on the same clock */
export interface FirstFrameRun {
  /** startPlayer resolved: cache opened, entries loaded, display server listening */
  coreReadyMs: number;
  /** the page's navigation began (the kiosk opens the URL once the core is ready) */
  navigationStartMs: number;
  /** the page's HTML, script and style are in (load event) */
  pageLoadMs: number;
  /** the display's /api/state fetches that started before the first rows: start, last byte, body size */
  stateFetches: Array<{ startMs: number; endMs: number; bytes: number }>;
  /** its fetches of entry set pages that started before the first rows, the same way */
  entryPageFetches: Array<{ startMs: number; endMs: number; bytes: number }>;
  /** the first list row is in the DOM */
  firstRowsMs: number;
  /** the end of the main thread's work on the first frame with rows */
  firstFrameMs: number;
}

/** A core without stored entry pages reads and sorts every entry first, slow on a loaded 2-core machine; this only guards against a hang. */
const FIRST_FRAME_TIMEOUT_MS = 300_000;

/** Epoch ms with sub-ms precision, on the clock the page's performance.timeOrigin uses. */
const epochNowMs = (): number => performance.timeOrigin + performance.now();
const round = (value: number): number => Math.round(value);

async function measureOnce(browser: Browser, cache: WarmPlayerCache): Promise<FirstFrameRun> {
  // Chromium and an empty window are up before the clock starts; the kiosk opens its page on the core's URL.
  const context = await browser.newContext({ viewport: SCREEN, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: FIRST_FRAME_MARKS });
    const startedAt = epochNowMs();
    const player = await startTestPlayer(cache.controllerUrl, cache.playerDir);
    try {
      const coreReadyAt = epochNowMs();
      await page.goto(player.displayUrl);
      // Polled from here: waitForFunction evaluates its string with eval, which the display's CSP forbids.
      await waitFor('the first frame with list rows', () => page.evaluate(FIRST_FRAME_PAINTED), { timeoutMs: FIRST_FRAME_TIMEOUT_MS, intervalMs: 50 });
      const timings = (await page.evaluate(READ_PAGE_TIMINGS)) as PageTimings;
      const since = (epochMs: number): number => round(epochMs - startedAt);
      const inPage = (pageMs: number): number => since(timings.timeOrigin + pageMs);
      const beforeRows = (fetches: PageTimings['stateFetches']) =>
        fetches.filter((fetch) => timings.timeOrigin + fetch.startTime < timings.marks.rowsInDom).map((fetch) => ({ startMs: inPage(fetch.startTime), endMs: inPage(fetch.responseEnd), bytes: fetch.bodyBytes }));
      return {
        coreReadyMs: since(coreReadyAt),
        navigationStartMs: since(timings.timeOrigin),
        pageLoadMs: inPage(timings.loadEventEnd),
        stateFetches: beforeRows(timings.stateFetches),
        entryPageFetches: beforeRows(timings.entryPageFetches),
        firstRowsMs: since(timings.marks.rowsInDom),
        firstFrameMs: since(timings.marks.framePainted),
      };
    } finally {
      await player.close();
    }
  } finally {
    await context.close();
  }
}

export interface FirstFrameFigures {
  /** median over the runs (nearest rank) */
  firstFrameMs: number;
  runs: FirstFrameRun[];
  /** first-frame times over the runs */
  spread: Spread;
}

export async function measureFirstFrame(browser: Browser, cache: WarmPlayerCache, runs: number, progress: (message: string) => void): Promise<FirstFrameFigures> {
  const measured: FirstFrameRun[] = [];
  for (let run = 1; run <= runs; run++) {
    const figures = await measureOnce(browser, cache);
    progress(`first frame ${run}/${runs}: ${figures.firstFrameMs} ms (core ready ${figures.coreReadyMs}, page loaded ${figures.pageLoadMs}, rows ${figures.firstRowsMs})`);
    measured.push(figures);
  }
  const times = spread(measured.map((run) => run.firstFrameMs));
  return { firstFrameMs: times.p50, runs: measured, spread: times };
}
