// The takedown report as it crosses HTTP (GET /api/v1/reports/takedowns, …/:entryId): what the
// controller computes and the console shows. Types only.

/** taken-down: screens were told; live: still published (its takedown publish is missing); never-published: it never reached a screen */
export type TakedownState = 'taken-down' | 'live' | 'never-published';

export interface AckCounts {
  total: number;
  acked: number;
  pending: number;
}

export interface Takedown {
  entryId: string;
  list: string;
  category: string;
  subjectType: string;
  subjectName: string;
  /** a credit code as listed; a person's ID number masked as on a screen (the report needs no more) */
  code: string | null;
  withdrawnAt: number;
  withdrawnBy: { id: string; displayName: string; username: string } | null;
  reason: string | null;
  note: string | null;
  state: TakedownState;
  listRevision: number | null;
  /** the publish that carried the takedown to the screens */
  publish: { manifestVersion: number; publishedAt: number } | null;
  /** null unless taken down */
  screens: AckCounts | null;
}

export interface ScreenTakedownAck {
  screenId: string;
  name: string;
  status: 'online' | 'offline';
  listRevision: number;
  lastSeenAt: number | null;
  acked: boolean;
  /** null: not acked, or acked before the ack history reaches */
  ackedAt: number | null;
}

export type TakedownDetail = Takedown & { screenAcks: ScreenTakedownAck[] };
