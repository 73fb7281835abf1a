// The ControllerLink of a sync, over the player's Socket.IO connection: acks with timeouts, parsed results.

import type { Socket } from 'socket.io-client';
import { z } from 'zod';
import type { ControllerToPlayerEvents, PlayerToControllerEvents } from '../../../shared/protocol/events.ts';
import { PlayerError } from '../errors.ts';
import type { ControllerLink } from './sync-run.ts';

export type PlayerSocket = Socket<ControllerToPlayerEvents, PlayerToControllerEvents>;

/** Long enough for a 2 000-entry page from a busy controller; short enough to notice a dead link. */
export const ACK_TIMEOUT_MS = 30_000;

const ackResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

/** The value of an `{ ok, value | error }` ack; a refusal becomes a PlayerError 'controller-refused'. */
export function unwrapAck(raw: unknown, event: string): unknown {
  const result = ackResultSchema.safeParse(raw);
  if (!result.success) throw new PlayerError('invalid-payload', `malformed ack to ${event}`);
  if (!result.data.ok) throw new PlayerError('controller-refused', `${event}: ${result.data.error.code}: ${result.data.error.message}`);
  return result.data.value;
}

/** `current` is read at each call: the socket is replaced after pairing. */
export function socketLink(current: () => PlayerSocket | null): ControllerLink {
  const connected = (): PlayerSocket => {
    const socket = current();
    // Without this, socket.io would buffer the request and send it on some later connection.
    if (!socket?.connected) throw new PlayerError('not-connected', 'disconnected during sync');
    return socket;
  };
  return {
    listChanges: async (request) =>
      unwrapAck(await connected().timeout(ACK_TIMEOUT_MS).emitWithAck('lists:changes', request), 'lists:changes'),
    getManifest: async () => unwrapAck(await connected().timeout(ACK_TIMEOUT_MS).emitWithAck('manifest:get'), 'manifest:get'),
    // Without an ack: see 'sync:applied' in shared/protocol/events.ts.
    reportApplied: async (payload) => {
      const socket = current();
      if (socket?.connected) socket.emit('sync:applied', payload);
    },
    reportError: (report) => {
      const socket = current();
      if (socket?.connected) socket.emit('player:error', report);
    },
  };
}
