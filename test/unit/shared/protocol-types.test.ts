// Type-level test of the Socket.IO event maps, in the manner of socket.io's own *.test-d.ts files:
// each `@ts-expect-error` line must fail to compile, so a wrong payload never reaches the wire.
// `npm run typecheck` is what checks this file; at run time it only asserts that it loaded.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Socket as PlayerSocket } from 'socket.io-client';
import type { Namespace } from 'socket.io';
import type {
  ControllerToPlayerEvents,
  ListChangesPage,
  PlayerSocketData,
  PlayEventsAccepted,
  PlayerToControllerEvents,
  Result,
  SignedManifest,
} from '../../../shared/protocol/index.ts';

/** Never called: it exists for the type checker. */
export function playerSideTypeChecks(socket: PlayerSocket<ControllerToPlayerEvents, PlayerToControllerEvents>): void {
  socket.emit('sync:applied', { manifestVersion: 3, listRevision: 9 }, (result: Result<null>) => void result);
  // @ts-expect-error sync:applied carries an object, not a string
  socket.emit('sync:applied', 'applied', () => undefined);
  // @ts-expect-error manifestVersion is a number
  socket.emit('sync:applied', { manifestVersion: '3', listRevision: 9 }, () => undefined);
  socket.emit('sync:applied', { manifestVersion: 3, listRevision: 9 });
  // @ts-expect-error the acknowledgement carries a Result
  socket.emit('sync:applied', { manifestVersion: 3, listRevision: 9 }, (result: string) => void result);
  // @ts-expect-error no such event
  socket.emit('sync:done', { manifestVersion: 3, listRevision: 9 });
  // @ts-expect-error controller-to-player events cannot be emitted by the player
  socket.emit('manifest:available', { version: 3, listRevision: 9 });

  // @ts-expect-error a heartbeat is the whole health report, not a sign of life alone
  socket.emit('heartbeat', { sentAt: 1 });
  socket.emit('manifest:get', (result: Result<SignedManifest | null>) => void result);
  socket.emit('lists:changes', { sinceRevision: 0, cursor: null, limit: 500 }, (result: Result<ListChangesPage>) => void result);
  // @ts-expect-error the request needs a cursor (null for the first page)
  socket.emit('lists:changes', { sinceRevision: 0, limit: 500 }, () => undefined);

  socket.emit('play:events', { events: [] }, (result: Result<PlayEventsAccepted>) => void result);
  // @ts-expect-error a batch is an object holding the events, not a bare array
  socket.emit('play:events', [], () => undefined);
  // @ts-expect-error play:events waits for an acknowledgement: events are deleted only after it
  socket.emit('play:events', { events: [] });

  socket.on('manifest:available', ({ version, listRevision }) => void (version + listRevision));
  // @ts-expect-error the payload is an object, not a number
  socket.on('manifest:available', (version: number) => void version);
  socket.on('entries:takedown', ({ ids }) => void ids.length);
  // @ts-expect-error a takedown carries no reason
  socket.on('entries:takedown', ({ reason }) => void reason);
}

/** Never called: the controller's side of the same contract. */
export function controllerSideTypeChecks(
  players: Namespace<PlayerToControllerEvents, ControllerToPlayerEvents, Record<string, never>, PlayerSocketData>,
): void {
  players.to('screen:1').emit('manifest:available', { version: 4, listRevision: 10 });
  // @ts-expect-error version is a number
  players.to('screen:1').emit('manifest:available', { version: 'latest', listRevision: 10 });
  // @ts-expect-error ids is an array of strings
  players.emit('entries:takedown', { revision: 10, ids: 'e-1' });

  players.on('connection', (socket) => {
    const screenId: string | null = socket.data.screenId;
    // @ts-expect-error socket data has no such field
    void socket.data.token;
    socket.on('heartbeat', (heartbeat) => void heartbeat.clockOffsetMs);
    socket.on('sync:applied', (applied, ack) => ack?.({ ok: true, value: null }));
    // @ts-expect-error the acknowledgement carries a Result, not a bare value
    socket.on('sync:applied', (_applied, ack) => ack?.(true));
    // @ts-expect-error a player may send it without an acknowledgement
    socket.on('sync:applied', (_applied, ack) => ack({ ok: true, value: null }));
    void screenId;
  });
}

describe('protocol event types', () => {
  it('compile-time checks live in this file; at run time they are plain functions', () => {
    assert.equal(typeof playerSideTypeChecks, 'function');
    assert.equal(typeof controllerSideTypeChecks, 'function');
  });
});
