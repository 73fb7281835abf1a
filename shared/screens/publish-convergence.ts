// The wire shapes of publish convergence (GET /api/v1/publishes and /api/v1/publishes/:version/behind), for the controller and the console alike.

import type { BehindReason } from './screen-condition.ts';

export type BehindKind = BehindReason['kind'];
/** The order a technician works through screens behind a publish: faults, then silence, then the patient. */
export const BEHIND_KINDS: readonly BehindKind[] = ['error', 'offline', 'never-connected', 'updating'];

export interface Convergence {
  /** screens that applied this version or a newer one */
  reached: number;
  /** every unrevoked screen */
  total: number;
  behindByReason: Record<BehindKind, number>;
}

export interface PublishSummary extends Convergence {
  version: number;
  createdAt: number;
  listRevision: number;
}

export interface BehindScreen {
  screenId: string;
  name: string;
  manifestVersion: number;
  lastSeenAt: number | null;
  reason: BehindReason;
}

export interface PublishesAnswer {
  currentVersion: number | null;
  items: PublishSummary[];
}

export interface BehindAnswer extends PublishSummary {
  items: BehindScreen[];
  truncated: boolean;
}
