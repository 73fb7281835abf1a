// Turns a sync's outcome into what a 'sync-now' or 'clear-cache' command reports. Pure.

import type { SyncReport } from '../../../shared/protocol/commands.ts';
import type { SyncOutcome } from '../sync/sync-run.ts';

export function syncReportOf(outcome: SyncOutcome, applied: { manifestVersion: number; listRevision: number }): SyncReport {
  switch (outcome.kind) {
    case 'applied':
      return { outcome: 'applied', manifestVersion: outcome.manifestVersion, listRevision: outcome.listRevision, message: null };
    case 'no-manifest':
      return { outcome: 'no-manifest', ...applied, message: null };
    case 'deferred':
    case 'skipped':
      return { outcome: outcome.kind, ...applied, message: outcome.reason.slice(0, 1000) };
    case 'failed':
      return { outcome: 'failed', ...applied, message: `${outcome.code}: ${outcome.message}`.slice(0, 1000) };
  }
}

/**
 * Whether the command that ran the sync succeeded. A deferred sync is the protocol working as meant
 * (the manifest predates a takedown; the next one follows), so it counts; a skipped or failed one does not.
 */
export function syncSucceeded(report: SyncReport): boolean {
  return report.outcome === 'applied' || report.outcome === 'no-manifest' || report.outcome === 'deferred';
}
