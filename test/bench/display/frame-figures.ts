// Turns a page's frame recording into the display bench's figures: percentiles, the share of slow
// frames, the rate, and the main-thread work and state fetches that fell in the same window.

import { mean, spread, type Spread } from '../fanout/stats.ts';
import type { FrameRecording } from './page-scripts.ts';

/** The line between a frame and a dropped frame: anything slower than 50 Hz shows as a stutter. */
export const DROPPED_FRAME_MS = 20;

export interface FrameFigures {
  /** gaps between consecutive rAF callbacks */
  frameMs: Spread;
  /** share of gaps over DROPPED_FRAME_MS, in % */
  droppedPct: number;
  /** gaps counted */
  frames: number;
  /** frames per second over the window the timestamps span */
  fps: number;
  /** the window the timestamps span, in s */
  spanSeconds: number;
  /** main-thread tasks over 50 ms: each holds back at least one frame */
  longTasks: { count: number; totalMs: number; maxMs: number };
  /**
   * the display's refetches of its state (the entries come apart, as entry pages): how many, how many
   * read no body (a 304, cut off by the display's own fetch timeout, or failed), their mean time and the largest body
   */
  stateFetches: FetchFigures;
  /** the display's fetches of entry set pages (a list's entries, after a change), the same way */
  entryPageFetches: FetchFigures;
}

export interface FetchFigures {
  count: number;
  withoutBody: number;
  meanMs: number;
  /** the largest body */
  bytes: number;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

function fetchFigures(fetches: ReadonlyArray<{ ms: number; bytes: number }>): FetchFigures {
  return {
    count: fetches.length,
    withoutBody: fetches.filter((fetch) => fetch.bytes === 0).length,
    meanMs: fetches.length === 0 ? 0 : Math.round(mean(fetches.map((fetch) => fetch.ms))),
    bytes: fetches.reduce((largest, fetch) => Math.max(largest, fetch.bytes), 0),
  };
}

export function frameFigures({ timestamps, longTasks, stateFetches, entryPageFetches }: FrameRecording): FrameFigures {
  const gaps = timestamps.slice(1).map((at, i) => at - (timestamps[i] as number));
  const spanMs = timestamps.length > 1 ? (timestamps.at(-1) as number) - (timestamps[0] as number) : 0;
  const dropped = gaps.filter((gap) => gap > DROPPED_FRAME_MS).length;
  return {
    frameMs: spread(gaps),
    droppedPct: gaps.length === 0 ? Number.NaN : round2((dropped / gaps.length) * 100),
    frames: gaps.length,
    fps: spanMs === 0 ? Number.NaN : round2((gaps.length * 1000) / spanMs),
    spanSeconds: round2(spanMs / 1000),
    longTasks: { count: longTasks.length, totalMs: Math.round(longTasks.reduce((sum, ms) => sum + ms, 0)), maxMs: Math.round(longTasks.reduce((max, ms) => Math.max(max, ms), 0)) },
    stateFetches: fetchFigures(stateFetches),
    entryPageFetches: fetchFigures(entryPageFetches ?? []),
  };
}
