// Turns what the kiosk page reports on screen into play events. Pure: time and fresh ids come in,
// the writes to make go out (the caller applies a step's writes in one transaction).
//
// The rule: a play opens when the page reports an item and ends when the page reports something
// else. Its end is a time the page confirmed: the moment of that next report, or, when the page
// went silent (hung or closed renderer), its last report. A play that goes on (a single list view
// for hours) is closed and reopened at the first report after `segmentMs`, so events stay bounded
// and reach the controller within minutes instead of at the end of the day.

import { DISPLAY_REPORT_INTERVAL_MS } from '../../../shared/display/display-report.ts';
import type { PlayEvent } from '../../../shared/protocol/proof-of-play.ts';
import type { PlayWrite } from '../cache/play-event-store.ts';
import { samePlayContent, type PlayContent } from './play-content.ts';

export interface RecorderRules {
  /** a play this long is closed and reopened at its next confirmation */
  segmentMs: number;
  /** a play unconfirmed this long ends at its last confirmation */
  staleAfterMs: number;
  /** how often the open play's end is saved, bounding what a crash can cut off */
  checkpointMs: number;
}

export const DEFAULT_RECORDER_RULES: RecorderRules = {
  // Five minutes: an auditor's question is "was it shown in this hour", and a screen that shows one
  // list all day then makes 288 events, under one upload batch.
  segmentMs: 5 * 60_000,
  // Two missed reports and some slack: one late report (a busy renderer) must not split a play.
  staleAfterMs: 2 * DISPLAY_REPORT_INTERVAL_MS + 10_000,
  // A power cut loses at most the last half minute of one play, for one small write per 30 s.
  checkpointMs: 30_000,
};

export interface OpenPlay {
  id: string;
  content: PlayContent;
  startedAt: number;
  /** the last time the page reported this play's content */
  confirmedAt: number;
  /** the end last saved to the cache */
  checkpointedAt: number;
}

export interface RecorderState {
  open: OpenPlay | null;
}

export interface RecorderStep {
  state: RecorderState;
  writes: PlayWrite[];
}

export const IDLE: RecorderState = { open: null };

function eventOf(play: OpenPlay, endedAt: number): PlayEvent {
  return { id: play.id, ...play.content, startedAt: play.startedAt, endedAt };
}

function opening(id: string, content: PlayContent, now: number): { play: OpenPlay; write: PlayWrite } {
  const play = { id, content, startedAt: now, confirmedAt: now, checkpointedAt: now };
  return { play, write: { op: 'open', event: eventOf(play, now) } };
}

function closing(play: OpenPlay, endedAt: number): PlayWrite {
  return { op: 'close', id: play.id, endedAt: Math.max(play.startedAt, endedAt) };
}

const isStale = (play: OpenPlay, now: number, rules: RecorderRules): boolean => now - play.confirmedAt > rules.staleAfterMs;

/**
 * The page reported `content` on screen at `now` (null: nothing that is content, e.g. the fallback
 * slide). `nextId` names a play this step may open.
 */
export function recordShowing(state: RecorderState, content: PlayContent | null, now: number, nextId: string, rules: RecorderRules = DEFAULT_RECORDER_RULES): RecorderStep {
  const writes: PlayWrite[] = [];
  let open = state.open;
  if (open && isStale(open, now, rules)) {
    writes.push(closing(open, open.confirmedAt));
    open = null;
  }
  if (open && content && samePlayContent(open.content, content)) {
    if (now - open.startedAt >= rules.segmentMs) {
      const next = opening(nextId, content, now);
      writes.push(closing(open, now), next.write);
      return { state: { open: next.play }, writes };
    }
    const confirmed: OpenPlay = { ...open, confirmedAt: now };
    if (now - open.checkpointedAt >= rules.checkpointMs) {
      writes.push({ op: 'checkpoint', id: open.id, endedAt: now });
      confirmed.checkpointedAt = now;
    }
    return { state: { open: confirmed }, writes };
  }
  if (open) writes.push(closing(open, now));
  if (!content) return { state: IDLE, writes };
  const next = opening(nextId, content, now);
  writes.push(next.write);
  return { state: { open: next.play }, writes };
}

/** Called on a timer: a page that stopped reporting ends its play at the last confirmation. */
export function recordTick(state: RecorderState, now: number, rules: RecorderRules = DEFAULT_RECORDER_RULES): RecorderStep {
  const open = state.open;
  if (!open || !isStale(open, now, rules)) return { state, writes: [] };
  return { state: IDLE, writes: [closing(open, open.confirmedAt)] };
}

/** The core is stopping: the play on screen ends now (or at its last confirmation, if that is old). */
export function recordStop(state: RecorderState, now: number, rules: RecorderRules = DEFAULT_RECORDER_RULES): RecorderStep {
  const open = state.open;
  if (!open) return { state, writes: [] };
  return { state: IDLE, writes: [closing(open, isStale(open, now, rules) ? open.confirmedAt : now)] };
}
