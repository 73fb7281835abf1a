// The proof-of-play report as it crosses HTTP (GET /api/v1/proof-of-play, …/summary): plays as the
// controller stored them, named for the reader, and totals per screen and content. Types only.

import type { PlayEvent } from '../protocol/proof-of-play.ts';

export interface PlayRecord extends PlayEvent {
  screenId: string;
  receivedAt: number;
  screenName: string | null;
  contentTitle: string | null;
}

export interface PlayTotalsRow {
  screenId: string;
  contentId: string;
  kind: string;
  plays: number;
  /** time on screen inside the window: a play that straddles an edge counts only its inside part */
  shownMs: number;
  firstStartedAt: number;
  lastEndedAt: number;
  screenName: string | null;
  contentTitle: string | null;
}

export interface PlayTotals {
  items: PlayTotalsRow[];
  plays: number;
  shownMs: number;
  /** more (screen, content) pairs matched than one answer holds: narrow the filters */
  truncated: boolean;
}
