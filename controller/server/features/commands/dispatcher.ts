// Delivers remote commands to connected screens: at once when a screen is online, first thing on its
// next connection otherwise; each command at most once per connection, each result recorded once.

import type { Kysely } from 'kysely';
import type { Socket } from 'socket.io';
import type { CommandOutcome } from '../../../../shared/protocol/commands.ts';
import type { ControllerToPlayerEvents, PlayerSocketData, PlayerToControllerEvents } from '../../../../shared/protocol/events.ts';
import type { Logger } from '../../logger.ts';
import type { Database } from '../../store/schema.ts';
import { afterConnectionLost } from './command-rules.ts';
import { commandRequestOf, expireIfDue, recordOutcome } from './service.ts';
import { findCommand, markSent, requeueCommand, undeliveredCommands, type ScreenCommandRow } from './store.ts';

type PlayerSocket = Socket<PlayerToControllerEvents, ControllerToPlayerEvents, Record<string, never>, PlayerSocketData>;

/**
 * How long the controller waits for a command's ack. A clear-cache re-pulls the whole list and every
 * asset, which on a slow link takes minutes; past this the command is failed as 'timeout'.
 */
export const COMMAND_ACK_TIMEOUT_MS = 5 * 60_000;
/** Commands delivered per connection at once; a screen offline for days cannot flood its reconnect. */
const MAX_PENDING_PER_DELIVERY = 100;

export interface CommandDispatcher {
  /** sends a screen's pending commands on its newest connection (no-op when it is offline) */
  deliverPending(screenId: string): Promise<void>;
  /** a connection closed: commands still out on it are re-queued (or failed, for a restart) */
  connectionClosed(socket: PlayerSocket): void;
}

export function createCommandDispatcher(deps: { db: Kysely<Database>; now: () => number; logger: Logger; socketOf: (screenId: string) => PlayerSocket | null; ackTimeoutMs?: number }): CommandDispatcher {
  const { db, logger } = deps;
  /** per connection: commands it carried (at most once each) and which of them still await an answer */
  const carried = new WeakMap<PlayerSocket, Set<string>>();
  const outstanding = new Map<string, { socketId: string; attempt: number }>();

  async function finish(row: ScreenCommandRow, attempt: number, outcome: CommandOutcome | { ok: false; error: { code: string; message: string } }): Promise<void> {
    const current = outstanding.get(row.id);
    if (current?.attempt === attempt) outstanding.delete(row.id);
    const recorded = await recordOutcome(db, row, attempt, outcome, deps.now());
    if (!recorded) logger.debug({ commandId: row.id, attempt }, 'command answer ignored: already recorded or superseded');
  }

  async function deliver(socket: PlayerSocket, row: ScreenCommandRow): Promise<void> {
    const seen = carried.get(socket) ?? new Set<string>();
    carried.set(socket, seen);
    if (seen.has(row.id) || !socket.connected) return;
    if (await expireIfDue(db, row, deps.now())) return;
    if (row.status === 'sent' && outstanding.has(row.id)) return; // out on another live connection
    if (row.status === 'sent' && afterConnectionLost(row.kind) === 'fail') {
      // Out before this process knew of it (the controller restarted); a restart is never sent twice.
      await finish(row, row.attempts, { ok: false, error: { code: 'connection-lost', message: 'the connection closed before the screen answered' } });
      return;
    }
    seen.add(row.id);
    const attempt = await markSent(db, row.id, deps.now());
    if (attempt === null) return;
    outstanding.set(row.id, { socketId: socket.id, attempt });
    logger.info({ commandId: row.id, kind: row.kind, screenId: row.screenId, attempt }, 'command sent');
    socket.timeout(deps.ackTimeoutMs ?? COMMAND_ACK_TIMEOUT_MS).emit('command:run', commandRequestOf(row), (error: Error | null, outcome: CommandOutcome) => {
      const answer = error ? { ok: false as const, error: { code: 'timeout', message: 'the screen did not answer in time' } } : outcome;
      // Unparsed: recordOutcome checks it against the schema before trusting it.
      const safe = typeof answer === 'object' && answer !== null && 'ok' in answer ? answer : { ok: false as const, error: { code: 'bad-result', message: 'malformed answer' } };
      finish(row, attempt, safe).catch((e: unknown) => logger.error({ err: e, commandId: row.id }, 'recording a command result failed'));
    });
  }

  return {
    async deliverPending(screenId) {
      const socket = deps.socketOf(screenId);
      if (!socket) return;
      for (const row of await undeliveredCommands(db, screenId, MAX_PENDING_PER_DELIVERY)) {
        // Serial, oldest first: a technician's "sync now, then screenshot" runs in that order.
        await deliver(socket, row);
      }
    },
    connectionClosed(socket) {
      const seen = carried.get(socket);
      if (!seen) return;
      for (const id of seen) {
        const out = outstanding.get(id);
        if (!out || out.socketId !== socket.id) continue;
        outstanding.delete(id);
        void (async () => {
          const row = await findCommand(db, id);
          if (!row || row.status !== 'sent') return;
          if (afterConnectionLost(row.kind) === 'fail') {
            await recordOutcome(db, row, out.attempt, { ok: false, error: { code: 'connection-lost', message: 'the connection closed before the screen answered' } }, deps.now());
          } else if (await requeueCommand(db, id, out.attempt)) {
            logger.info({ commandId: id, screenId: row.screenId }, 'command re-queued: its connection closed before the answer');
          }
        })().catch((e: unknown) => logger.error({ err: e, commandId: id }, 're-queueing a command failed'));
      }
    },
  };
}
