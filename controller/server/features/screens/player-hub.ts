// The Socket.IO hub players dial out to. Authentication happens in middleware, before any
// event: a paired screen shows its token, an unpaired device gets a pairing code and nothing else.

import { EventEmitter } from 'node:events';
import type { Kysely } from 'kysely';
import type { Namespace, Server, Socket } from 'socket.io';
import { PLAYER_NAMESPACE, PROTOCOL_VERSION } from '../../../../shared/protocol/version.ts';
import type { ControllerToPlayerEvents, PlayerSocketData, PlayerToControllerEvents } from '../../../../shared/protocol/events.ts';
import { heartbeatSchema, listChangesRequestSchema, playerAuthSchema, playerErrorReportSchema, syncAppliedSchema, type Result } from '../../../../shared/protocol/messages.ts';
import { AppError } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import type { Database } from '../../store/schema.ts';
import type { Publisher, PublishResult } from '../publishing/publisher.ts';
import { listChangesPage } from '../publishing/store.ts';
import { PairingCodes, type PendingPairing } from './pairing-codes.ts';
import { checkScreenToken, createScreen, recordApplied, recordHeartbeat, recordPlayerError, recordSeen } from './service.ts';

type PlayerNamespace = Namespace<PlayerToControllerEvents, ControllerToPlayerEvents, Record<string, never>, PlayerSocketData>;
type PlayerSocket = Socket<PlayerToControllerEvents, ControllerToPlayerEvents, Record<string, never>, PlayerSocketData>;

const PAIRED_ROOM = 'screens';

export interface PlayerHub {
  adopt(input: { pairingCode: string; name: string; actorId: string }): Promise<{ screenId: string; name: string }>;
  pendingPairings(): PendingPairing[];
  announce(result: PublishResult): void;
  connectedScreenIds(): Set<string>;
  /** emits 'pairing-requested' (PendingPairing) and 'applied' ({ screenId, manifestVersion, listRevision }) */
  events: EventEmitter;
}

function fail(error: unknown): Result<never> {
  if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } };
  return { ok: false, error: { code: 'internal', message: 'internal error' } };
}

export function createPlayerHub(deps: { io: Server; db: Kysely<Database>; publisher: Publisher; controllerPublicKey: string; now: () => number; logger: Logger }): PlayerHub {
  const { db, publisher, logger } = deps;
  const nsp = deps.io.of(PLAYER_NAMESPACE) as unknown as PlayerNamespace;
  const pairing = new PairingCodes();
  const events = new EventEmitter();

  nsp.use((socket, next) => {
    const auth = playerAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) return next(new Error('unauthorized'));
    if (auth.data.protocol !== PROTOCOL_VERSION) return next(new Error('protocol-mismatch'));
    if ('deviceId' in auth.data) {
      socket.data.screenId = null;
      socket.data.deviceId = auth.data.deviceId;
      return next();
    }
    const { screenId, token } = auth.data;
    checkScreenToken(db, screenId, token).then((check) => {
      if (!check.ok) return next(new Error(check.reason));
      socket.data.screenId = screenId;
      socket.data.deviceId = null;
      next();
    }, (error: unknown) => {
      logger.error({ err: error }, 'token check failed');
      next(new Error('unavailable'));
    });
  });

  nsp.on('connection', (socket: PlayerSocket) => {
    const screenId = socket.data.screenId;
    if (screenId === null) {
      const pending = pairing.issue(socket.data.deviceId ?? '', socket.id, socket.handshake.address, deps.now());
      socket.emit('pairing:code', { code: pending.code, expiresAt: pending.expiresAt });
      events.emit('pairing-requested', pending);
      return;
    }
    void socket.join(PAIRED_ROOM);
    void recordSeen(db, screenId, deps.now());
    void publisher.latestManifest().then((m) => {
      if (m) socket.emit('manifest:available', { version: m.payload.version, listRevision: m.payload.lists.revision });
    });
    registerPairedHandlers(socket, screenId);
  });

  function registerPairedHandlers(socket: PlayerSocket, screenId: string): void {
    socket.on('manifest:get', (ack) => {
      if (typeof ack !== 'function') return;
      publisher.latestManifest().then((m) => ack({ ok: true, value: m }), (e: unknown) => ack(fail(e)));
    });
    socket.on('lists:changes', (request, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = listChangesRequestSchema.safeParse(request);
      if (!parsed.success) return ack({ ok: false, error: { code: 'validation.failed', message: parsed.error.message } });
      listChangesPage(db, parsed.data.sinceRevision, parsed.data.cursor, parsed.data.limit).then((page) => ack({ ok: true, value: page }), (e: unknown) => ack(fail(e)));
    });
    socket.on('sync:applied', (payload, ack) => {
      const parsed = syncAppliedSchema.safeParse(payload);
      if (!parsed.success) return typeof ack === 'function' ? ack({ ok: false, error: { code: 'validation.failed', message: parsed.error.message } }) : undefined;
      const { manifestVersion, listRevision } = parsed.data;
      recordApplied(db, screenId, manifestVersion, listRevision, deps.now()).then(() => {
        events.emit('applied', { screenId, manifestVersion, listRevision });
        if (typeof ack === 'function') ack({ ok: true, value: null });
      }, (e: unknown) => (typeof ack === 'function' ? ack(fail(e)) : undefined));
    });
    socket.on('heartbeat', (payload) => {
      const parsed = heartbeatSchema.safeParse(payload);
      if (!parsed.success) return logger.warn({ screenId, issues: parsed.error.issues }, 'bad heartbeat');
      void recordHeartbeat(db, screenId, parsed.data, deps.now());
    });
    socket.on('player:error', (payload) => {
      const parsed = playerErrorReportSchema.safeParse(payload);
      if (!parsed.success) return logger.warn({ screenId }, 'bad player error report');
      logger.warn({ screenId, report: parsed.data }, 'player reported an error');
      void recordPlayerError(db, screenId, parsed.data, deps.now());
      events.emit('player-error', { screenId, report: parsed.data });
    });
  }

  return {
    events,
    pendingPairings: () => pairing.list(deps.now()),
    connectedScreenIds() {
      const ids = new Set<string>();
      for (const socket of nsp.sockets.values()) if (socket.data.screenId) ids.add(socket.data.screenId);
      return ids;
    },
    async adopt({ pairingCode, name, actorId }) {
      const pending = pairing.take(pairingCode.trim(), deps.now());
      if (!pending) throw new AppError('screens.unknown-pairing-code', `配对码 ${pairingCode} 无效或已过期 (unknown or expired pairing code)`, { pairingCode }, 404);
      const socket = nsp.sockets.get(pending.socketId);
      if (!socket) throw new AppError('screens.device-gone', '该配对码的屏幕已断开，请在屏幕重新显示配对码后再试 (the screen disconnected)', { pairingCode }, 409);
      const { screenId, token } = await createScreen(db, { name, deviceId: pending.deviceId, actorId, now: deps.now() });
      socket.emit('pairing:adopted', { screenId, screenName: name.trim(), token, controllerPublicKey: deps.controllerPublicKey });
      return { screenId, name: name.trim() };
    },
    announce(result) {
      // Takedowns go first and on their own, so a screen drops withdrawn entries before it
      // starts any download the new manifest may need.
      if (result.takedownIds.length > 0) nsp.to(PAIRED_ROOM).emit('entries:takedown', { revision: result.listRevision, ids: result.takedownIds });
      if (result.changed) nsp.to(PAIRED_ROOM).emit('manifest:available', { version: result.manifestVersion, listRevision: result.listRevision });
    },
  };
}
