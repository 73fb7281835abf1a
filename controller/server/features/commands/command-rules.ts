// Pure rules of remote commands: when one expires, whether it may go out, what a lost connection means for it.

import {
  DEFAULT_COMMAND_EXPIRY_SECONDS,
  MAX_COMMAND_EXPIRY_SECONDS,
  MIN_COMMAND_EXPIRY_SECONDS,
  type CommandKind,
  type CommandResult,
  type CommandStatus,
} from '../../../../shared/protocol/commands.ts';

/** When a command sent at `requestedAt` stops being worth delivering; the asked expiry is clamped to its bounds. */
export function commandExpiresAt(requestedAt: number, expiresInSeconds: number | undefined): number {
  const seconds = Math.min(MAX_COMMAND_EXPIRY_SECONDS, Math.max(MIN_COMMAND_EXPIRY_SECONDS, Math.trunc(expiresInSeconds ?? DEFAULT_COMMAND_EXPIRY_SECONDS)));
  return requestedAt + seconds * 1000;
}

export function isExpired(expiresAt: number, now: number): boolean {
  return now >= expiresAt;
}

/**
 * What becomes of a command that went out on a connection which closed before its ack came back.
 * Most kinds are safe to run again, so they go back in the queue for the next connection. A restart
 * is not: the ack is lost exactly when the restart worked, and re-sending it would loop the screen.
 */
export function afterConnectionLost(kind: CommandKind): 'requeue' | 'fail' {
  return kind === 'restart-player' ? 'fail' : 'requeue';
}

/** A result must answer the command it was asked for; anything else is a misbehaving player. */
export function resultMatches(kind: CommandKind, result: CommandResult): boolean {
  return result.kind === kind;
}

/** The status a history reader sees: a queued command past its expiry is expired even before anyone marked it. */
export function visibleStatus(status: CommandStatus, expiresAt: number, now: number): CommandStatus {
  return status === 'queued' && isExpired(expiresAt, now) ? 'expired' : status;
}
