// The player's Socket.IO client: pairing, reconnects with jittered back-off, takedowns, heartbeats,
// and serialised syncs (see sync-run.ts) on connect, on every 'manifest:available' of a manifest it
// does not hold (starting from what the announcement pushed, see primed-link.ts), and again after a
// failed or deferred one, with back-off.

import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { io, type ManagerOptions, type SocketOptions } from 'socket.io-client';
import { z } from 'zod';
import { manifestAvailableSchema, pairingAdoptedSchema, pairingCodeSchema, takedownSchema, type Heartbeat, type PairingAdopted, type SyncApplied, type SyncPush } from '../../../shared/protocol/messages.ts';
import { PLAYER_NAMESPACE, PROTOCOL_VERSION } from '../../../shared/protocol/version.ts';
import type { CommandOutcome } from '../../../shared/protocol/commands.ts';
import { base64ToBytes } from '../../../shared/signing/hashing.ts';
import { isPaired, type Identity } from '../cache/identity-store.ts';
import type { PlayerCache } from '../cache/player-cache.ts';
import type { MediaLibrary } from '../cache/media-library.ts';
import type { SlideLibrary } from '../cache/slide-library.ts';
import type { Clock } from '../clock.ts';
import { CONTROLLER_CLOCK_RESYNC_MS, syncControllerClock } from './controller-clock.ts';
import { errorMessage } from '../errors.ts';
import { createAssetDownloader, type DownloadAsset } from './asset-fetcher.ts';
import { backoffDelayMs, plausibleTakedownRevision, SYNC_RETRY_BASE_MS, SYNC_RETRY_CAP_MS, syncRetryAction } from './sync-decisions.ts';
import { primedLink } from './primed-link.ts';
import { socketLink, type PlayerSocket } from './socket-link.ts';
import { runSync, type SyncOutcome } from './sync-run.ts';
import { attachEmergencyReceiver } from '../emergency/emergency-receiver.ts';

export type CreateSocket = (url: string, options: Partial<ManagerOptions & SocketOptions>) => PlayerSocket;

export interface SyncClientCallbacks {
  onConnectionChange(connected: boolean): void;
  onPairingCode(code: string | null): void;
  onPaired(identity: Identity): void;
  onTakedown(ids: readonly string[], removedFromLive: number): void;
  onApplied(applied: SyncApplied): void;
  onSyncFailed(message: string): void;
  /** an emergency override started or ended (already verified and stored) */
  onEmergencyChange?(): void;
  /** the clock now follows the controller's time */
  onClockSet?(): void;
}

export interface SyncClientOptions {
  controllerUrl: string;
  cache: PlayerCache;
  slides: SlideLibrary;
  media: MediaLibrary;
  assetBudgetBytes: number;
  clock: Clock;
  logger: Logger;
  heartbeatIntervalMs: number;
  heartbeat: () => Promise<Heartbeat>;
  callbacks: SyncClientCallbacks;
  /** runs a technician's remote command ('command:run', unparsed) and answers through `ack` */
  onCommand?: (command: unknown, ack: (outcome: CommandOutcome) => void) => void;
  random?: () => number;
  createSocket?: CreateSocket;
  downloadAsset?: DownloadAsset;
  /** back-off of sync retries after a failed or deferred sync; tests shorten it */
  syncRetryBaseMs?: number;
  syncRetryCapMs?: number;
}

export interface SyncClient {
  connected(): boolean;
  /** Runs a sync now, or joins the one running (which then runs once more). */
  syncNow(options?: { full?: boolean }): Promise<SyncOutcome>;
  /** when the pending retry of a failed or deferred sync fires (epoch ms of the local clock), or null */
  nextSyncRetryAt(): number | null;
  /** the live socket, for senders beside the sync (proof of play); null once closed */
  socket(): PlayerSocket | null;
  close(): Promise<void>;
}

const CONNECT_TIMEOUT_MS = 20_000;

// Read leniently: a takedown whose revision is bogus must still withdraw its entries (removing is safe).
const takedownIdsSchema = takedownSchema.pick({ ids: true });
/** The withdrawals in a pushed page, read as leniently as a takedown; the rest of the page is sync-run's to check. */
const pushedTombstonesSchema = z.object({ tombstones: takedownSchema.shape.ids, revision: z.unknown() });

function isEd25519PublicKey(key: string): boolean {
  try {
    return base64ToBytes(key).length === 32;
  } catch {
    return false;
  }
}

export function startSyncClient(options: SyncClientOptions): SyncClient {
  const { cache, clock, callbacks } = options;
  const logger = options.logger.child({ module: 'sync' });
  const createSocket: CreateSocket = options.createSocket ?? ((url, socketOptions) => io(url, socketOptions));
  let identity = cache.identity.load(() => randomUUID());
  let socket: PlayerSocket | null = null;
  let closed = false;
  let attempt = 0;
  let reconnectTimer: NodeJS.Timeout | null = null;
  let heartbeatTimer: NodeJS.Timeout | null = null;
  let clockTimer: NodeJS.Timeout | null = null;
  let running: Promise<SyncOutcome> | null = null;
  /**
   * Why the running sync must run once more: for any reason (a retry, a clear-cache, a technician's
   * sync-now), or for an announced manifest version, which the running sync may reach by itself (a
   * reconnect's own sync and the controller's greeting announce the same manifest).
   */
  let again: false | 'any' | number = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let retryAt: number | null = null;
  let retryAttempt = 0;
  const retryBaseMs = options.syncRetryBaseMs ?? SYNC_RETRY_BASE_MS;
  const retryCapMs = options.syncRetryCapMs ?? SYNC_RETRY_CAP_MS;

  const downloadAsset =
    options.downloadAsset ??
    createAssetDownloader({
      controllerUrl: options.controllerUrl,
      assets: cache.assets,
      now: clock.now,
      headers: (): Record<string, string> => (identity.token ? { authorization: `Bearer ${identity.token}` } : {}),
    });

  const auth = () => (isPaired(identity) ? { protocol: PROTOCOL_VERSION, screenId: identity.screenId, token: identity.token } : { protocol: PROTOCOL_VERSION, deviceId: identity.deviceId });

  const link = socketLink(() => socket);
  /** the newest announcement's push, for the next sync to start from (see primed-link.ts) */
  let pushed: { version: number; push: SyncPush } | null = null;

  /** The push unless the screen already holds that manifest or a newer one (an older one is refused as a replay). */
  function takePush(): SyncPush | null {
    const taken = pushed;
    pushed = null;
    const current = cache.manifests.current();
    return taken && (!current || taken.version > current.version) ? taken.push : null;
  }

  function applyTakedown(ids: readonly string[], offered: unknown): void {
    // A revision far ahead of anything known would defer every later sync until a manifest caught
    // up with it; it is remembered as the next revision instead (see plausibleTakedownRevision).
    const revision = plausibleTakedownRevision(offered, cache.lists.revision());
    if (revision !== offered) logger.warn({ offered: String(offered), remembered: revision }, 'implausible takedown revision; clamped');
    // Withdrawals come before everything else: off the cache and the screen now, not after a sync.
    const removed = cache.lists.takedown(ids, revision, clock.now());
    logger.info({ ids: ids.length, removed, revision }, 'takedown applied');
    callbacks.onTakedown(ids, removed);
  }

  /** set by a clear-cache: the next run re-pulls every entry instead of a delta */
  let fullRequested = false;

  async function runOnce(): Promise<SyncOutcome> {
    if (!isPaired(identity)) return { kind: 'skipped', reason: 'not paired' };
    if (!socket?.connected) return { kind: 'skipped', reason: 'not connected' };
    const outcome = await runSync({
      cache,
      slides: options.slides,
      media: options.media,
      assetBudgetBytes: options.assetBudgetBytes,
      link: primedLink(link, takePush()),
      downloadAsset,
      pinnedPublicKey: identity.controllerPublicKey,
      now: clock.now,
      logger,
      onApplied: callbacks.onApplied,
      onLiveEntriesRemoved: callbacks.onTakedown,
      forceFull: takeFullRequest(),
    });
    if (outcome.kind === 'failed') callbacks.onSyncFailed(`${outcome.code}: ${outcome.message}`);
    return outcome;
  }

  function takeFullRequest(): boolean {
    const full = fullRequested;
    fullRequested = false;
    return full;
  }

  function cancelRetry(): void {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    retryAt = null;
  }

  /**
   * Without this, a screen whose sync failed (a slide that would not download, a refused entry) or
   * was deferred would wait for the next publish or reconnect, which may be days away.
   */
  function scheduleRetry(): void {
    if (closed) return;
    cancelRetry();
    const delay = backoffDelayMs(retryAttempt++, options.random, retryBaseMs, retryCapMs);
    logger.debug({ delay, attempt: retryAttempt }, 'retrying the sync after back-off');
    retryAt = Date.now() + delay;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      retryAt = null;
      syncInBackground();
    }, delay);
    retryTimer.unref();
  }

  function afterSync(outcome: SyncOutcome): void {
    const action = syncRetryAction(outcome.kind);
    if (action === 'retry') scheduleRetry();
    else if (action === 'reset') retryAttempt = 0;
  }

  function heldVersion(): number {
    return cache.manifests.current()?.version ?? 0;
  }

  function needsAnotherRun(): boolean {
    return again === 'any' || (typeof again === 'number' && heldVersion() < again);
  }

  function syncNow(syncOptions: { full?: boolean; announcedVersion?: number } = {}): Promise<SyncOutcome> {
    if (syncOptions.full) fullRequested = true;
    if (running) {
      const version = syncOptions.announcedVersion;
      again = version === undefined || syncOptions.full || again === 'any' ? 'any' : Math.max(again === false ? 0 : again, version);
      return running;
    }
    // A sync starting now, for whatever reason, is the retry.
    cancelRetry();
    const loop = async (): Promise<SyncOutcome> => {
      let outcome: SyncOutcome;
      do {
        again = false;
        outcome = await runOnce();
      } while (needsAnotherRun() && !closed);
      return outcome;
    };
    running = loop()
      .then(
        (outcome) => {
          afterSync(outcome);
          return outcome;
        },
        (error: unknown) => {
          scheduleRetry();
          throw error;
        },
      )
      .finally(() => {
        running = null;
      });
    return running;
  }

  /** For event handlers: a sync that throws (say, the cache closing under it) must not crash the process. */
  function syncInBackground(syncOptions: { announcedVersion?: number } = {}): void {
    syncNow(syncOptions).catch((error: unknown) => logger.error({ err: errorMessage(error) }, 'sync crashed'));
  }

  function sendHeartbeat(): void {
    if (!socket?.connected || !isPaired(identity)) return;
    const current = socket;
    options
      .heartbeat()
      .then((payload) => current.connected && current.emit('heartbeat', payload))
      .catch((error: unknown) => logger.warn({ err: error }, 'heartbeat failed'));
  }

  function scheduleReconnect(): void {
    if (closed || reconnectTimer || !socket) return;
    const delay = backoffDelayMs(attempt++, options.random);
    logger.debug({ delay, attempt }, 'reconnecting after back-off');
    const current = socket;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      if (!closed && current === socket) current.connect();
    }, delay);
    reconnectTimer.unref();
  }

  function adopt(adopted: PairingAdopted): void {
    if (isPaired(identity)) {
      // The key was pinned at pairing; a second adoption could be an attempt to swap it.
      logger.warn({ screenId: adopted.screenId }, 'ignoring pairing:adopted: already paired');
      return;
    }
    if (!isEd25519PublicKey(adopted.controllerPublicKey)) {
      logger.error('refusing pairing: controller public key is not a 32-byte Ed25519 key');
      return;
    }
    cache.identity.pair({ ...adopted, controllerUrl: options.controllerUrl, pairedAt: clock.now() });
    identity = cache.identity.load(() => identity.deviceId);
    logger.info({ screenId: identity.screenId, screenName: identity.screenName }, 'paired; reconnecting with token');
    callbacks.onPairingCode(null);
    callbacks.onPaired(identity);
    connect();
  }

  function connect(): void {
    if (socket) {
      socket.removeAllListeners();
      socket.disconnect();
    }
    if (reconnectTimer) clearTimeout(reconnectTimer);
    reconnectTimer = null;
    attempt = 0;
    // Our own back-off replaces socket.io's: its reconnection does not retry a middleware refusal.
    const next = createSocket(`${options.controllerUrl.replace(/\/+$/, '')}${PLAYER_NAMESPACE}`, {
      auth: auth(),
      reconnection: false,
      forceNew: true,
      autoConnect: false,
      timeout: CONNECT_TIMEOUT_MS,
      // WebSocket only: no sticky sessions needed when Socket.IO nodes scale out behind a balancer.
      transports: ['websocket'],
    });
    socket = next;
    next.on('connect', () => {
      attempt = 0;
      logger.info({ paired: isPaired(identity) }, 'connected to controller');
      callbacks.onConnectionChange(true);
      if (heartbeatTimer) clearInterval(heartbeatTimer);
      heartbeatTimer = setInterval(sendHeartbeat, options.heartbeatIntervalMs);
      heartbeatTimer.unref();
      if (clockTimer) clearInterval(clockTimer);
      if (isPaired(identity)) {
        // Asked ahead of the sync, so that its answer normally arrives before the sync stamps anything.
        const setClock = () => void syncControllerClock(next, clock, logger).then((set) => (set ? callbacks.onClockSet?.() : undefined));
        setClock();
        clockTimer = setInterval(setClock, CONTROLLER_CLOCK_RESYNC_MS);
        clockTimer.unref();
      }
      sendHeartbeat();
      syncInBackground();
    });
    next.on('connect_error', (error) => {
      // 'unauthorized' and 'revoked' come from the controller's middleware; cached content stays up.
      logger.warn({ reason: error.message }, 'controller refused or unreachable');
      scheduleReconnect();
    });
    next.on('disconnect', (reason) => {
      logger.warn({ reason }, 'disconnected from controller');
      if (heartbeatTimer) clearInterval(heartbeatTimer);
      if (clockTimer) clearInterval(clockTimer);
      heartbeatTimer = clockTimer = null;
      // The reconnect syncs at once; a retry firing while disconnected would only be skipped.
      cancelRetry();
      callbacks.onPairingCode(null);
      callbacks.onConnectionChange(false);
      if (reason !== 'io client disconnect') scheduleReconnect();
    });
    next.on('pairing:code', (payload) => {
      const parsed = pairingCodeSchema.safeParse(payload);
      if (parsed.success && !isPaired(identity)) callbacks.onPairingCode(parsed.data.code);
      else if (!parsed.success) logger.warn('malformed pairing:code');
    });
    next.on('pairing:adopted', (payload) => {
      const parsed = pairingAdoptedSchema.safeParse(payload);
      if (parsed.success) adopt(parsed.data);
      else logger.warn('malformed pairing:adopted');
    });
    next.on('manifest:available', (payload) => {
      const parsed = manifestAvailableSchema.safeParse(payload);
      if (!parsed.success) return logger.warn('malformed manifest:available');
      logger.debug({ version: parsed.data.version, listRevision: parsed.data.listRevision, pushed: parsed.data.push !== undefined }, 'manifest available');
      pushed = parsed.data.push ? { version: parsed.data.version, push: parsed.data.push } : null;
      // A push's withdrawals are this publish's takedown (the controller sends no separate one):
      // off the screen now, whatever revision the screen is at and whatever becomes of the sync.
      const withdrawn = pushedTombstonesSchema.safeParse(parsed.data.push?.changes);
      if (withdrawn.success && withdrawn.data.tombstones.length > 0 && isPaired(identity)) applyTakedown(withdrawn.data.tombstones, withdrawn.data.revision);
      // Already held (the greeting after a reconnect whose own sync got there first): nothing to fetch.
      if (parsed.data.version <= heldVersion()) return;
      syncInBackground({ announcedVersion: parsed.data.version });
    });
    next.on('command:run', (payload, ack) => {
      if (typeof ack !== 'function') return logger.warn('command:run without an ack');
      if (!options.onCommand) return ack({ ok: false, error: { code: 'command-unsupported', message: 'this player runs no remote commands' } });
      options.onCommand(payload, ack);
    });
    next.on('entries:takedown', (payload) => {
      const parsed = takedownIdsSchema.safeParse(payload);
      if (!parsed.success || !isPaired(identity)) return logger.warn('malformed or unexpected entries:takedown');
      applyTakedown(parsed.data.ids, (payload as { revision?: unknown }).revision);
    });
    attachEmergencyReceiver(next, { cache, now: clock.now, logger, pinnedPublicKey: () => identity.controllerPublicKey, onChange: () => callbacks.onEmergencyChange?.() });
    next.connect();
  }

  connect();

  return {
    connected: () => socket?.connected ?? false,
    syncNow,
    nextSyncRetryAt: () => retryAt,
    socket: () => socket,
    close: async () => {
      closed = true;
      cancelRetry();
      if (reconnectTimer) clearTimeout(reconnectTimer);
      if (heartbeatTimer) clearInterval(heartbeatTimer);
      if (clockTimer) clearInterval(clockTimer);
      reconnectTimer = heartbeatTimer = clockTimer = null;
      socket?.disconnect();
      await running?.catch((error: unknown) => logger.debug({ err: errorMessage(error) }, 'sync ended at close'));
      socket?.removeAllListeners();
      socket = null;
    },
  };
}
