// One resolution of the display bench: the list scrolling in a fresh kiosk page, its frames timed
// after a warm-up, and (on request) its heap before and after a soak.

import type { Browser, Page } from 'playwright-core';
import { openDisplay } from '../../support/display-fixtures.ts';
import { sleep } from '../fanout/stats.ts';
import { frameFigures, type FrameFigures } from './frame-figures.ts';
import { heapGrowth, heapProbe, type HeapGrowth } from './heap-sample.ts';
import {
  ENTRY_ROW,
  READ_FRAME_RECORDING,
  ROW_AT_CENTRE,
  rowPositionOf,
  START_FRAME_RECORDER,
  STOP_FRAME_RECORDER,
  type FrameRecording,
  type RowPosition,
} from './page-scripts.ts';

export interface ScrollRunOptions {
  viewport: { width: number; height: number };
  /** after the first rows appear, not measured: the first layout and fonts settle */
  warmUpSeconds: number;
  /** the frame-timing window */
  seconds: number;
  /** > 0: sample the heap after warm-up and again once the list has scrolled this long (at least `seconds`) */
  soakSeconds: number;
}

export interface ScrollRunFigures extends FrameFigures {
  /** from opening the page to the first list row in the DOM */
  firstRowsMs: number;
  /** how fast the rows moved over one second after the warm-up, measured on the row at the centre; null if none was found */
  scrollPxPerSecond: number | null;
  /** heap growth over the soak, with the frames of the whole soak; null without a soak */
  soak: (HeapGrowth & { frames: FrameFigures }) | null;
}

/** Only guards against a hang: a loaded 2-core machine is slow to load 100,000 entries. */
const FIRST_ROWS_TIMEOUT_MS = 300_000;
const SPEED_SAMPLE_MS = 1_000;
const SOAK_PROGRESS_MS = 60_000;

async function scrollSpeed(page: Page): Promise<number | null> {
  const before = (await page.evaluate(ROW_AT_CENTRE)) as RowPosition | null;
  await sleep(SPEED_SAMPLE_MS);
  if (before === null) return null;
  const after = (await page.evaluate(rowPositionOf(before.entryId))) as RowPosition | null;
  if (after === null) return null;
  return Math.round(((before.top - after.top) / ((after.at - before.at) / 1000)) * 10) / 10;
}

export async function runScrollAt(browser: Browser, url: string, options: ScrollRunOptions, progress: (message: string) => void): Promise<ScrollRunFigures> {
  const label = `${options.viewport.width}x${options.viewport.height}`;
  const openedAt = performance.now();
  const page = await openDisplay(browser, url, options.viewport);
  try {
    await page.waitForSelector(ENTRY_ROW, { timeout: FIRST_ROWS_TIMEOUT_MS });
    const firstRowsMs = Math.round(performance.now() - openedAt);
    progress(`${label}: rows after ${firstRowsMs} ms; warming up ${options.warmUpSeconds} s`);
    await sleep(options.warmUpSeconds * 1000);
    // After the warm-up, which a list's first still seconds may fill; not part of the frame window either.
    const scrollPxPerSecond = await scrollSpeed(page);

    const heap = options.soakSeconds > 0 ? await heapProbe(page) : null;
    const heapAtStart = await heap?.floor();
    await page.evaluate(START_FRAME_RECORDER);
    progress(`${label}: ${scrollPxPerSecond ?? '?'} px/s; timing frames for ${options.seconds} s${heapAtStart ? ' (heap floor taken)' : ''}`);
    await sleep(options.seconds * 1000);
    const timed = frameFigures((await page.evaluate(READ_FRAME_RECORDING)) as FrameRecording);
    progress(
      `${label}: p50 ${timed.frameMs.p50} ms, p99 ${timed.frameMs.p99} ms, ${timed.droppedPct}% over 20 ms, ${timed.fps} fps; ` +
        `${timed.longTasks.count} long tasks (max ${timed.longTasks.maxMs} ms), ${timed.stateFetches.count} state fetches (${timed.stateFetches.withoutBody} without a body), ${timed.entryPageFetches.count} entry pages`,
    );

    // The soak goes on past the frame window on the same page; the recorder keeps running.
    for (let scrolledMs = options.seconds * 1000; scrolledMs < options.soakSeconds * 1000; ) {
      const stepMs = Math.min(SOAK_PROGRESS_MS, options.soakSeconds * 1000 - scrolledMs);
      await sleep(stepMs);
      scrolledMs += stepMs;
      progress(`${label}: soak, ${Math.round(scrolledMs / 1000)} s of ${options.soakSeconds} s`);
    }
    const allFrames = frameFigures((await page.evaluate(STOP_FRAME_RECORDER)) as FrameRecording);
    const heapAtEnd = await heap?.floor();
    await heap?.detach();
    const soak = heapAtStart && heapAtEnd ? { ...heapGrowth(heapAtStart, heapAtEnd), frames: allFrames } : null;
    return { ...timed, firstRowsMs, scrollPxPerSecond, soak };
  } finally {
    await page.context().close();
  }
}
