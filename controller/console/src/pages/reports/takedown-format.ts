// How the takedown report states where a withdrawal stands and how long screens took. Pure.

import type { AckCounts, TakedownState } from './takedown-api.ts';

/** What the auditor needs to know first about one withdrawal. */
export type TakedownStanding =
  /** every screen in service has dropped it */
  | 'complete'
  /** the takedown was published; some screens have not applied it yet */
  | 'pending'
  /** withdrawn, but still in the published list: the takedown publish is missing */
  | 'not-published'
  /** it never reached the screens */
  | 'never-shown';

export function takedownStanding(state: TakedownState, screens: AckCounts | null): TakedownStanding {
  if (state === 'live') return 'not-published';
  if (state === 'never-published' || screens === null) return 'never-shown';
  return screens.pending === 0 ? 'complete' : 'pending';
}

/** Whole percent of screens that have dropped it; a fleet of none counts as done. */
export function ackPercent(screens: AckCounts): number {
  return screens.total === 0 ? 100 : Math.floor((screens.acked * 100) / screens.total);
}

/**
 * Time from the takedown publish to a screen's ack, or null when either is unknown. A screen's
 * clock does not enter: both times are the controller's.
 */
export function ackDelay(publishedAt: number | null | undefined, ackedAt: number | null): number | null {
  if (publishedAt === null || publishedAt === undefined || ackedAt === null) return null;
  return Math.max(0, ackedAt - publishedAt);
}
