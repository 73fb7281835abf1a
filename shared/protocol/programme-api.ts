// The programme API's answers as the console reads them: playlist and schedule listings (an
// approved version and a change awaiting review), the screens a preview may ask about, and "what
// will screen X play at T". Types only: the controller builds these, the console shows them.

import type { ScheduleSource } from '../schedules/evaluate-schedule.ts';

export type ReviewStatus = 'pending' | 'approved' | 'approved-with-change' | 'rejected' | 'retired';

/** A playlist or schedule row of GET /api/v1/playlists or /schedules. */
export interface ReviewableListing<Document> {
  id: string;
  name: string;
  status: ReviewStatus;
  /** the version screens play */
  approved: Document | null;
  approvedBy: string | null;
  approvedAt: number | null;
  /** a change awaiting review; pendingAt names its version for the reviewer */
  pending: Document | null;
  pendingBy: string | null;
  pendingAt: number | null;
  reviewComment: string | null;
  createdBy: string;
  createdAt: number;
  retiredAt: number | null;
}

/** A row of GET /api/v1/programme/screens. */
export interface ProgrammeScreen {
  id: string;
  name: string;
  /** the zone its schedules are read in */
  timeZone: string;
  /** true when that is the controller's default */
  isDefaultTimeZone: boolean;
  screenGroupIds: string[];
}

/** A schedule on at T for this screen, whether or not it won. */
export interface PreviewContender {
  scheduleId: string;
  playlistId: string;
  priority: number;
  /** when this schedule's own run containing T began (null: before the look-back) */
  sinceMs: number | null;
  /** when this schedule's own run ends, or the look-ahead horizon */
  untilMs: number;
}

/** GET /api/v1/screens/:id/programme?at=… */
export interface ProgrammePreview {
  screenId: string;
  at: number;
  timeZone: string;
  manifestVersion: number | null;
  /** null: no programme, the screen plays the timeline as published */
  playlistId: string | null;
  source: ScheduleSource | { kind: 'rotation' };
  sinceMs: number | null;
  nextChangeAtMs: number | null;
  /** title: the manifest's own where it has one (lists, images, videos; a slide's is inside its asset) */
  items: Array<{ id: string; kind: string | null; title: string | null; durationMs: number }>;
  tickerIds: string[];
  /** highest priority first; the winner is among them when source is a schedule */
  contenders: PreviewContender[];
}
