// Remote commands in the console: which buttons there are, which need a confirmation, and a command's result as a message key with its values. Pure.

import type { CommandKind, CommandResult, CommandStatus, SyncReport } from '../../../../../shared/protocol/commands.ts';
import { formatBytes } from './units.ts';

/** Kinds that interrupt what the public sees, or make the screen download everything again: they ask first. */
export const DISRUPTIVE_KINDS = ['reload-display', 'clear-cache', 'restart-player'] as const satisfies readonly CommandKind[];
export type DisruptiveKind = (typeof DISRUPTIVE_KINDS)[number];

export function isDisruptive(kind: CommandKind): kind is DisruptiveKind {
  return (DISRUPTIVE_KINDS as readonly CommandKind[]).includes(kind);
}

/** In the order a technician reaches for them: look, find, fix gently, fix hard. */
export const COMMAND_ORDER: readonly CommandKind[] = ['screenshot', 'identify', 'sync-now', 'reload-display', 'clear-cache', 'restart-player'];

/** Still waiting for the screen: the history is polled while any command is. */
export function isPending(status: CommandStatus): boolean {
  return status === 'queued' || status === 'sent';
}

export type SyncOutcomeKey = `sync.${SyncReport['outcome']}`;

export type ResultKey = 'result.reload' | 'result.restart' | 'result.screenshot' | 'result.identify' | 'result.clearCache' | 'result.syncNow';

export interface ResultSummary {
  key: ResultKey;
  values: Record<string, string | number>;
  /** the sync run's outcome, for the kinds that sync */
  sync: SyncOutcomeKey | null;
}

function isResult(value: unknown): value is CommandResult {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

/** null for a result this console does not know (a newer player's kind) or none at all. */
export function summarizeResult(result: unknown): ResultSummary | null {
  if (!isResult(result)) return null;
  switch (result.kind) {
    case 'reload-display':
      return { key: 'result.reload', values: { count: result.displaysNotified }, sync: null };
    case 'restart-player':
      return { key: 'result.restart', values: { seconds: Math.ceil(result.restartInMs / 1000) }, sync: null };
    case 'screenshot':
      return { key: 'result.screenshot', values: { size: formatBytes(result.bytes) }, sync: null };
    case 'identify':
      return { key: 'result.identify', values: { name: result.screenName }, sync: null };
    case 'clear-cache':
      return { key: 'result.clearCache', values: { count: result.assetsRemoved, freed: formatBytes(Math.max(0, result.bytesBefore - result.bytesAfter)), version: result.sync.manifestVersion }, sync: `sync.${result.sync.outcome}` };
    case 'sync-now':
      return { key: 'result.syncNow', values: { version: result.sync.manifestVersion }, sync: `sync.${result.sync.outcome}` };
    default:
      return null;
  }
}
