// The Socket.IO hub players dial out to. Authentication happens in middleware, before any
// event: a paired screen shows its token, an unpaired device gets a pairing code and nothing else.

import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Kysely } from 'kysely';
import type { Namespace, Server, Socket } from 'socket.io';
import type { BroadcastOperator } from 'socket.io';
import { emergencyAckSchema } from '../../../../shared/protocol/emergency.ts';
import { emergencyGreeting, recordEmergencyAck } from '../emergencies/service.ts';
import { PLAYER_NAMESPACE, PROTOCOL_VERSION } from '../../../../shared/protocol/version.ts';
import type { ControllerToPlayerEvents, PlayerSocketData, PlayerToControllerEvents } from '../../../../shared/protocol/events.ts';
import { heartbeatSchema, listChangesRequestSchema, playerAuthSchema, playerErrorReportSchema, syncAppliedSchema, type ListChangesPage, type Result, type SyncPush } from '../../../../shared/protocol/messages.ts';
import { AppError } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import type { Database } from '../../store/schema.ts';
import type { Publisher, PublishResult } from '../publishing/publisher.ts';
import { playEventBatchSchema } from '../../../../shared/protocol/proof-of-play.ts';
import { recordPlayEvents } from '../proof-of-play/service.ts';
import { createCommandDispatcher, type CommandDispatcher } from '../commands/dispatcher.ts';
import { PairingCodes, type PendingPairing } from './pairing-codes.ts';
import { appliedSign, checkScreenToken, connectedSign, createScreen, heartbeatSign, recordPlayerError, type ScreenAtConnect } from './service.ts';
import { createSignOfLifeWriter } from './sign-of-life-writer.ts';
import { createSyncAnswers } from './sync-answers.ts';

type PlayerNamespace = Namespace<PlayerToControllerEvents, ControllerToPlayerEvents, Record<string, never>, PlayerSocketData>;
type PlayerSocket = Socket<PlayerToControllerEvents, ControllerToPlayerEvents, Record<string, never>, PlayerSocketData>;

const PAIRED_ROOM = 'screens';
/** One room per screen, so a targeted push (an emergency to some groups) is one emit. */
const screenRoom = (screenId: string): string => `screen:${screenId}`;
const PLAYER_ERROR_AUDIT_WINDOW_MS = 10 * 60 * 1000;

export interface PlayerHub {
  adopt(input: { pairingCode: string; name: string; actorId: string }): Promise<{ screenId: string; name: string }>;
  pendingPairings(): PendingPairing[];
  announce(result: PublishResult): void;
  connectedScreenIds(): Set<string>;
  /** every connected socket of these screens, to emit to at once */
  screens(screenIds: readonly string[]): BroadcastOperator<ControllerToPlayerEvents, PlayerSocketData>;
  /** closes a revoked screen's connections at once */
  disconnectScreen(screenId: string): void;
  /** remote commands: sent at once to a connected screen, queued for its next connection otherwise */
  commands: CommandDispatcher;
  /** emits 'pairing-requested' (PendingPairing) and 'applied' ({ screenId, manifestVersion, listRevision }) */
  events: EventEmitter;
}

/** Whether a push's page withdraws every one of these ids. */
function pushCarries(push: SyncPush | null, ids: readonly string[]): boolean {
  const tombstones = (push?.changes as ListChangesPage | undefined)?.tombstones;
  if (!tombstones) return false;
  const carried = new Set(tombstones);
  return ids.every((id) => carried.has(id));
}

function fail(error: unknown): Result<never> {
  if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } };
  return { ok: false, error: { code: 'internal', message: 'internal error' } };
}

export interface PlayerHubDeps {
  io: Server;
  db: Kysely<Database>;
  publisher: Publisher;
  controllerPublicKey: string;
  now: () => number;
  logger: Logger;
  heartbeatHistorySampleMs?: number;
  defaultTimeZone: string;
  /** told when a connection has been greeted or refused, so the admission queue lets the next one in */
  admission?: { settled(request: IncomingMessage): void };
}

export function createPlayerHub(deps: PlayerHubDeps): PlayerHub {
  const { db, publisher, logger } = deps;
  const nsp = deps.io.of(PLAYER_NAMESPACE) as unknown as PlayerNamespace;
  const pairing = new PairingCodes();
  const events = new EventEmitter();
  const lastErrorAudit = new Map<string, number>();
  const commands = createCommandDispatcher({ db, now: deps.now, logger: logger.child({ module: 'commands' }), socketOf: newestSocketOf });
  const signsOfLife = createSignOfLifeWriter(db);
  const answers = createSyncAnswers({ db, publisher });
  /** what each authenticated connection's screen last applied, read with its token */
  const screenAtAuth = new WeakMap<PlayerSocket, ScreenAtConnect>();
  const settled = (socket: PlayerSocket) => deps.admission?.settled(socket.request);

  /**
   * A screen reconnecting may briefly have two connections; the newest is the live one. Looked up
   * through the screen's room: scanning every socket made a reconnect storm quadratic.
   */
  function newestSocketOf(screenId: string): PlayerSocket | null {
    let newest: PlayerSocket | null = null;
    for (const id of nsp.adapter.rooms.get(screenRoom(screenId)) ?? []) {
      const socket = nsp.sockets.get(id);
      if (socket?.connected) newest = socket;
    }
    return newest;
  }

  nsp.use((socket, next) => {
    const refuse = (reason: string) => {
      settled(socket);
      next(new Error(reason));
    };
    const auth = playerAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) return refuse('unauthorized');
    if (auth.data.protocol !== PROTOCOL_VERSION) return refuse('protocol-mismatch');
    if ('deviceId' in auth.data) {
      socket.data.screenId = null;
      socket.data.deviceId = auth.data.deviceId;
      return next();
    }
    const { screenId, token } = auth.data;
    checkScreenToken(db, screenId, token).then((check) => {
      if (!check.ok) return refuse(check.reason);
      socket.data.screenId = screenId;
      socket.data.deviceId = null;
      screenAtAuth.set(socket, { manifestVersion: check.manifestVersion, listRevision: check.listRevision, timeZone: check.timeZone });
      next();
    }, (error: unknown) => {
      logger.error({ err: error }, 'token check failed');
      refuse('unavailable');
    });
  });

  nsp.on('connection', (socket: PlayerSocket) => {
    const screenId = socket.data.screenId;
    if (screenId === null) {
      settled(socket);
      const pending = pairing.issue(socket.data.deviceId ?? '', socket.id, socket.handshake.address, deps.now());
      if (!pending) {
        logger.warn({ address: socket.handshake.address }, 'pairing refused: too many pending codes');
        socket.disconnect(true);
        return;
      }
      socket.emit('pairing:code', { code: pending.code, expiresAt: pending.expiresAt });
      events.emit('pairing-requested', pending);
      // An unpaired device gets nothing but its code; it reconnects for a fresh one later.
      const expiry = setTimeout(() => socket.disconnect(true), Math.max(0, pending.expiresAt - deps.now()));
      socket.on('disconnect', () => {
        clearTimeout(expiry);
        pairing.release(socket.id);
      });
      return;
    }
    const screen = screenAtAuth.get(socket) ?? { manifestVersion: 0, listRevision: 0, timeZone: null };
    void socket.join(PAIRED_ROOM);
    void socket.join(screenRoom(screenId));
    registerPairedHandlers(socket, screenId);
    socket.on('disconnect', () => commands.connectionClosed(socket));
    greetPairedScreen(socket, screenId, screen)
      .catch((error: unknown) => logger.error({ err: error, screenId }, 'greeting a screen failed'))
      .finally(() => settled(socket));
  });

  /** Withdrawals the screen missed go first, before it hears of any newer manifest (invariant 3). */
  async function greetPairedScreen(socket: PlayerSocket, screenId: string, screen: ScreenAtConnect): Promise<void> {
    const ackedRevision = screen.listRevision;
    // Invariant 3: withdrawals missed while away come before anything else. Emergencies follow at
    // once (the same tick of this handler, milliseconds later); a failure there must not hold
    // back what comes after it.
    signsOfLife.record(connectedSign(screenId, deps.now())).catch((error: unknown) => logger.error({ err: error, screenId }, 'recording a connect failed'));
    const missed = await answers.missedTakedowns(ackedRevision);
    if (missed.ids.length > 0) socket.emit('entries:takedown', { revision: missed.revision, ids: missed.ids });
    const greeting = await emergencyGreeting(db, screenId, deps.now(), deps.defaultTimeZone, screen.timeZone).catch((error: unknown) => logger.error({ err: error, screenId }, 'emergency greeting failed'));
    if (greeting) {
      for (const signed of greeting.active) socket.emit('emergency:start', signed);
      for (const signed of greeting.ended) socket.emit('emergency:end', signed);
      socket.emit('screen:groups', { groupIds: greeting.groupIds, timeZone: greeting.timeZone });
    }
    // Queued commands next, before the manifest: a technician waiting on "reload" should not wait behind a sync.
    await commands.deliverPending(screenId).catch((error: unknown) => logger.error({ err: error, screenId }, 'delivering queued commands failed'));
    const manifest = await publisher.latestManifest();
    if (!manifest) return;
    const available = { version: manifest.payload.version, listRevision: manifest.payload.lists.revision };
    // A screen behind by a few changes gets them with the announcement, as after a publish: after a
    // restart that spares ten thousand screens two requests each. Its own check decides if it fits.
    const push = screen.manifestVersion === available.version ? null : await answers.pushSince(ackedRevision).catch((error: unknown) => {
      logger.warn({ err: error, screenId }, 'building a greeting push failed; announcing without it');
      return null;
    });
    socket.emit('manifest:available', push ? { ...available, push } : available);
  }

  function registerPairedHandlers(socket: PlayerSocket, screenId: string): void {
    const logFailure = (what: string) => (error: unknown) => logger.error({ err: error, screenId }, what);
    socket.on('manifest:get', (ack) => {
      if (typeof ack !== 'function') return;
      publisher.latestManifest().then((m) => ack({ ok: true, value: m }), (e: unknown) => ack(fail(e)));
    });
    socket.on('lists:changes', (request, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = listChangesRequestSchema.safeParse(request);
      if (!parsed.success) return ack({ ok: false, error: { code: 'validation.failed', message: parsed.error.message } });
      answers.changesPage(parsed.data.sinceRevision, parsed.data.cursor, parsed.data.limit).then((page) => ack({ ok: true, value: page }), (e: unknown) => ack(fail(e)));
    });
    socket.on('sync:applied', (payload, ack) => {
      const parsed = syncAppliedSchema.safeParse(payload);
      if (!parsed.success) return typeof ack === 'function' ? ack({ ok: false, error: { code: 'validation.failed', message: parsed.error.message } }) : undefined;
      const { manifestVersion, listRevision } = parsed.data;
      signsOfLife.record(appliedSign(screenId, manifestVersion, listRevision, deps.now())).then(() => {
        events.emit('applied', { screenId, manifestVersion, listRevision });
        if (typeof ack === 'function') ack({ ok: true, value: null });
      }, (e: unknown) => (typeof ack === 'function' ? ack(fail(e)) : undefined));
    });
    socket.on('clock:now', (ack) => {
      if (typeof ack === 'function') ack({ ok: true, value: { controllerNow: deps.now() } });
    });
    socket.on('heartbeat', (payload) => {
      const parsed = heartbeatSchema.safeParse(payload);
      if (!parsed.success) return logger.warn({ screenId, issues: parsed.error.issues }, 'bad heartbeat');
      signsOfLife.record(heartbeatSign(screenId, parsed.data, deps.now(), deps.heartbeatHistorySampleMs)).catch(logFailure('recording a heartbeat failed'));
    });
    socket.on('play:events', (batch, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = playEventBatchSchema.safeParse(batch);
      // The first issue is enough to fix a player; a full report of 500 bad events would flood the ack.
      if (!parsed.success) return ack({ ok: false, error: { code: 'validation.failed', message: `${parsed.error.issues.length} issue(s); first at ${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? ''}` } });
      recordPlayEvents(db, screenId, parsed.data, deps.now()).then((accepted) => ack({ ok: true, value: accepted }), (e: unknown) => {
        logFailure('recording play events failed')(e);
        ack(fail(e));
      });
    });
    socket.on('emergency:ack', (payload, ack) => {
      const parsed = emergencyAckSchema.safeParse(payload);
      if (!parsed.success) return typeof ack === 'function' ? ack({ ok: false, error: { code: 'validation.failed', message: parsed.error.message } }) : undefined;
      recordEmergencyAck(db, screenId, parsed.data.id, deps.now()).then(() => (typeof ack === 'function' ? ack({ ok: true, value: null }) : undefined), (e: unknown) => {
        logFailure('recording an emergency ack failed')(e);
        if (typeof ack === 'function') ack(fail(e));
      });
    });
    socket.on('player:error', (payload) => {
      const parsed = playerErrorReportSchema.safeParse(payload);
      if (!parsed.success) return logger.warn({ screenId }, 'bad player error report');
      logger.warn({ screenId, report: parsed.data }, 'player reported an error');
      // One audit event per screen and error code per window, so a looping screen cannot flood the log.
      const key = `${screenId}|${parsed.data.code}`;
      const now = deps.now();
      if ((lastErrorAudit.get(key) ?? -Infinity) + PLAYER_ERROR_AUDIT_WINDOW_MS > now) return;
      lastErrorAudit.set(key, now);
      recordPlayerError(db, screenId, parsed.data, now).catch(logFailure('recording a player error failed'));
      events.emit('player-error', { screenId, report: parsed.data });
    });
  }

  return {
    events,
    commands,
    pendingPairings: () => pairing.list(deps.now()),
    screens(screenIds) {
      return nsp.to(screenIds.map(screenRoom));
    },
    connectedScreenIds() {
      const ids = new Set<string>();
      for (const socket of nsp.sockets.values()) if (socket.data.screenId) ids.add(socket.data.screenId);
      return ids;
    },
    disconnectScreen(screenId) {
      nsp.in(screenRoom(screenId)).disconnectSockets(true);
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
      answers.forget();
      const room = nsp.to(PAIRED_ROOM);
      const takedown = result.takedownIds.length > 0 ? { revision: result.listRevision, ids: result.takedownIds } : null;
      const available = { version: result.manifestVersion, listRevision: result.listRevision };
      if (!result.changed) {
        if (takedown) room.emit('entries:takedown', takedown);
        return;
      }
      // Encoded once for the whole room: a screen one publish behind then needs no request but its
      // ack. A push carries the publish's withdrawals, which players remove at once whatever their
      // revision, so it stands in for the takedown: one message to every screen instead of two.
      // Otherwise the takedown goes first and on its own, so a screen drops withdrawn entries
      // before it starts any download the new manifest may need.
      answers.pushFor(result).then(
        (push) => {
          if (takedown && !pushCarries(push, takedown.ids)) room.emit('entries:takedown', takedown);
          room.emit('manifest:available', push ? { ...available, push } : available);
        },
        (error: unknown) => {
          logger.warn({ err: error }, 'building the sync push failed; announcing without it');
          if (takedown) room.emit('entries:takedown', takedown);
          room.emit('manifest:available', available);
        },
      );
    },
  };
}
