// One simulated screen for the fan-out bench: its own Socket.IO connection speaking the player
// protocol the way player/core/sync does it (auth, clock, heartbeats, serialised syncs that pull
// list changes since the screen's revision and the manifest, the sync:applied ack, takedowns, the
// same jittered back-off), but without the SQLite cache, the signature check or the list digest,
// so that ten thousand of them measure the controller rather than the simulator's CPU.

import { io, type Socket } from 'socket.io-client';
import type { ControllerToPlayerEvents, PlayerToControllerEvents } from '../../../shared/protocol/events.ts';
import type { z } from 'zod';
import { heartbeatSchema, type Heartbeat, type ListChangesPage, type Result, type SyncPush } from '../../../shared/protocol/messages.ts';
import type { SignedManifest } from '../../../shared/protocol/manifest.ts';
import { primedLink } from '../../../player/core/sync/primed-link.ts';
import type { ControllerLink } from '../../../player/core/sync/sync-run.ts';
import { PLAYER_NAMESPACE, PROTOCOL_VERSION } from '../../../shared/protocol/version.ts';
import { DEFAULT_HEARTBEAT_INTERVAL_MS } from '../../../player/core/sync/heartbeat.ts';
import { ACK_TIMEOUT_MS } from '../../../player/core/sync/socket-link.ts';
import { backoffDelayMs, decideRevision, plausibleTakedownRevision, SYNC_RETRY_BASE_MS, SYNC_RETRY_CAP_MS } from '../../../player/core/sync/sync-decisions.ts';
import { CHANGES_PAGE_LIMIT, MAX_CONVERGENCE_ROUNDS } from '../../../player/core/sync/sync-run.ts';
import { monotonicMs } from './stats.ts';
import { meterManager, type WireMeter } from './wire-meter.ts';

type PlayerSocket = Socket<ControllerToPlayerEvents, PlayerToControllerEvents>;

/** Copied from player/core/sync/sync-client.ts, where it is not exported. */
const CONNECT_TIMEOUT_MS = 20_000;

export interface ThinClientOptions {
  url: string;
  screenId: string;
  token: string;
  /** what the screen's cache already holds: a screen in the field is up to date before a publish */
  manifestVersion: number;
  listRevision: number;
  random?: () => number;
}

export interface AckRecord {
  version: number;
  /** monotonic ms when the controller acknowledged the sync:applied */
  at: number;
  /** bytes received and sent since the mark, up to the ack */
  down: number;
  up: number;
}

export interface ThinClient {
  readonly screenId: string;
  readonly meter: WireMeter;
  appliedVersion(): number;
  /** forget what happened so far: acks, takedowns and reconnects from now on are recorded */
  mark(): void;
  /** the first ack since the mark of `version` or newer */
  ackSinceMark(version: number): AckRecord | null;
  takedownSinceMark(): number | null;
  connectsSinceMark(): readonly number[];
  failuresSinceMark(): number;
  connectErrorsSinceMark(): ReadonlyArray<{ at: number; reason: string }>;
  connected(): boolean;
  close(): void;
}

class SyncError extends Error {}

function unwrap<T>(result: Result<T>, event: string): T {
  if (!result || typeof result !== 'object' || !('ok' in result)) throw new SyncError(`malformed ack to ${event}`);
  if (!result.ok) throw new SyncError(`${event}: ${result.error.code}`);
  return result.value;
}

/**
 * A healthy player's heartbeat (player/core/sync/heartbeat.ts buildHeartbeat). Written as the
 * schema's input and parsed once, so fields added to the protocol later arrive at their defaults.
 */
const HEARTBEAT_TEMPLATE: Heartbeat = heartbeatSchema.parse({
  sentAt: 0,
  onScreen: 'list:list-black 乌海市失信黑名单',
  manifestVersion: 0,
  listRevision: 0,
  cacheBytes: 48_000_000,
  diskFreeBytes: 20_000_000_000,
  memoryRssBytes: 180_000_000,
  uptimeSeconds: 0,
  resolution: '1920x1080',
  appVersion: '0.1.0',
  clockOffsetMs: 0,
  lastError: null,
  memoryFreeBytes: 2_000_000_000,
  memoryTotalBytes: 4_000_000_000,
  cpuCount: 4,
  cpuBusyFraction: 0.2,
  loadAverage: [0.5, 0.4, 0.3],
  systemUptimeSeconds: 86_400,
} satisfies z.input<typeof heartbeatSchema>);

function heartbeat(manifestVersion: number, listRevision: number, startedAt: number): Heartbeat {
  const now = Date.now();
  return { ...HEARTBEAT_TEMPLATE, sentAt: now, displayReportedAt: now, manifestVersion, listRevision, uptimeSeconds: Math.floor((now - startedAt) / 1000) };
}

export function startThinClient(options: ThinClientOptions): ThinClient {
  const random = options.random ?? Math.random;
  const startedAt = Date.now();
  let manifestVersion = options.manifestVersion;
  let listRevision = options.listRevision;
  let closed = false;
  let attempt = 0;
  let retryAttempt = 0;
  let reconnectTimer: NodeJS.Timeout | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let heartbeatTimer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  /** as sync-client.ts: run again for any reason, or only until an announced version is held */
  let again: false | 'any' | number = false;
  /** takedowns remembered at their revision, numbered by arrival, as the player cache remembers them */
  let takedownSeq = 0;
  const takedowns: Array<{ seq: number; revision: number }> = [];

  let acks: AckRecord[] = [];
  let takedownAt: number | null = null;
  let connects: number[] = [];
  let connectErrors: Array<{ at: number; reason: string }> = [];
  let failures = 0;
  let markDown = 0;
  let markUp = 0;

  const socket: PlayerSocket = io(`${options.url.replace(/\/+$/, '')}${PLAYER_NAMESPACE}`, {
    auth: { protocol: PROTOCOL_VERSION, screenId: options.screenId, token: options.token },
    reconnection: false,
    forceNew: true,
    autoConnect: false,
    timeout: CONNECT_TIMEOUT_MS,
    transports: ['websocket'],
  });
  const meter = meterManager(socket.io);

  const call = async <T>(event: string, send: (s: PlayerSocket) => Promise<Result<T>>): Promise<T> => {
    // As socketLink: a request made while disconnected would be buffered for some later connection.
    if (!socket.connected) throw new SyncError('not connected');
    return unwrap(await send(socket.timeout(ACK_TIMEOUT_MS) as unknown as PlayerSocket), event);
  };

  const wire: ControllerLink = {
    listChanges: (request) => call('lists:changes', (s) => s.emitWithAck('lists:changes', request)),
    getManifest: () => call('manifest:get', (s) => s.emitWithAck('manifest:get')),
    reportApplied: async (payload) => {
      if (!socket.connected) throw new SyncError('not connected');
      socket.emit('sync:applied', payload);
    },
    reportError: () => undefined,
  };
  /** as the player's sync client: the newest announcement's push, used by the next sync if it still fits */
  let pushed: { version: number; push: SyncPush } | null = null;
  function takePush(): SyncPush | null {
    const taken = pushed;
    pushed = null;
    return taken && taken.version > manifestVersion ? taken.push : null;
  }

  async function pullChanges(link: ControllerLink, sinceRevision: number): Promise<number> {
    let cursor: string | null = null;
    for (;;) {
      // Trusted here: the simulation measures the controller, not the player's checks.
      const page = (await link.listChanges({ sinceRevision, cursor, limit: CHANGES_PAGE_LIMIT })) as ListChangesPage;
      if (page.cursor === null) return page.revision;
      cursor = page.cursor;
    }
  }

  function maxTakedownRevisionSince(seq: number): number {
    let max = 0;
    for (const t of takedowns) if (t.seq > seq && t.revision > max) max = t.revision;
    return max;
  }

  /** sync-run.ts runSync in delta mode, minus staging, the signature, the digest and assets. */
  async function runOnce(): Promise<'applied' | 'no-manifest' | 'skipped'> {
    if (!socket.connected) return 'skipped';
    const takedownsBefore = takedownSeq;
    const link = primedLink(wire, takePush());
    let since = listRevision;
    for (let round = 1; round <= MAX_CONVERGENCE_ROUNDS; round++) {
      const reached = await pullChanges(link, since);
      since = reached;
      const signed = (await link.getManifest()) as SignedManifest | null;
      if (!signed) return 'no-manifest';
      const decision = decideRevision({ manifestRevision: signed.payload.lists.revision, reachedRevision: reached, maxTakedownRevision: maxTakedownRevisionSince(takedownsBefore) });
      if (decision === 'converged' || (decision === 'stale-after-takedown' && round === MAX_CONVERGENCE_ROUNDS)) {
        manifestVersion = signed.payload.version;
        listRevision = reached;
        // As the player: the converged list holds every takedown up to its revision, and one from before
        // this sync that claims a newer revision is contradicted; either way it is forgotten.
        for (let i = takedowns.length - 1; i >= 0; i--) {
          const t = takedowns[i];
          if (t && (t.revision <= reached || t.seq <= takedownsBefore)) takedowns.splice(i, 1);
        }
        await link.reportApplied({ manifestVersion, listRevision });
        acks.push({ version: manifestVersion, at: monotonicMs(), down: meter.down - markDown, up: meter.up - markUp });
        return 'applied';
      }
    }
    throw new SyncError(`list revision did not converge after ${MAX_CONVERGENCE_ROUNDS} rounds`);
  }

  function cancelRetry(): void {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
  }

  function scheduleRetry(): void {
    if (closed) return;
    cancelRetry();
    retryTimer = setTimeout(() => {
      retryTimer = null;
      syncNow();
    }, backoffDelayMs(retryAttempt++, random, SYNC_RETRY_BASE_MS, SYNC_RETRY_CAP_MS));
  }

  /** sync-client.ts syncNow: one sync at a time; a request during one makes it run once more. */
  function needsAnotherRun(): boolean {
    return again === 'any' || (typeof again === 'number' && manifestVersion < again);
  }

  function syncNow(announcedVersion?: number): void {
    if (running) {
      again = announcedVersion === undefined || again === 'any' ? 'any' : Math.max(again === false ? 0 : again, announcedVersion);
      return;
    }
    cancelRetry();
    const loop = async (): Promise<void> => {
      let outcome: Awaited<ReturnType<typeof runOnce>>;
      do {
        again = false;
        outcome = await runOnce();
      } while (needsAnotherRun() && !closed);
      if (outcome !== 'skipped') retryAttempt = 0;
    };
    running = loop()
      .catch(() => {
        failures++;
        // A sync cut short by a disconnect is redone by the reconnect, as in the player.
        if (socket.connected) scheduleRetry();
      })
      .finally(() => {
        running = null;
      });
  }

  function scheduleReconnect(): void {
    if (closed || reconnectTimer) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      if (!closed) socket.connect();
    }, backoffDelayMs(attempt++, random));
  }

  function sendHeartbeat(): void {
    if (socket.connected) socket.emit('heartbeat', heartbeat(manifestVersion, listRevision, startedAt));
  }

  socket.on('connect', () => {
    attempt = 0;
    connects.push(monotonicMs());
    if (heartbeatTimer) clearInterval(heartbeatTimer);
    heartbeatTimer = setInterval(sendHeartbeat, DEFAULT_HEARTBEAT_INTERVAL_MS);
    // The player asks the time ahead of its sync; the answer only sets its clock.
    void socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('clock:now')
      .catch(() => undefined);
    sendHeartbeat();
    syncNow();
  });
  socket.on('connect_error', (error) => {
    connectErrors.push({ at: monotonicMs(), reason: error.message });
    scheduleReconnect();
  });
  socket.on('disconnect', (reason) => {
    if (heartbeatTimer) clearInterval(heartbeatTimer);
    heartbeatTimer = null;
    cancelRetry();
    if (reason !== 'io client disconnect') scheduleReconnect();
  });
  function rememberTakedown(revision: unknown): void {
    takedownAt ??= monotonicMs();
    takedowns.push({ seq: ++takedownSeq, revision: plausibleTakedownRevision(revision, listRevision) });
  }
  socket.on('manifest:available', (payload) => {
    pushed = payload.push ? { version: payload.version, push: payload.push } : null;
    // As the player: a push's withdrawals are the publish's takedown.
    const pushedPage = payload.push?.changes as ListChangesPage | undefined;
    if (pushedPage && pushedPage.tombstones.length > 0) rememberTakedown(pushedPage.revision);
    if (payload.version <= manifestVersion) return;
    syncNow(payload.version);
  });
  socket.on('entries:takedown', (payload) => rememberTakedown(payload.revision));
  socket.connect();

  return {
    screenId: options.screenId,
    meter,
    appliedVersion: () => manifestVersion,
    mark() {
      acks = [];
      takedownAt = null;
      connects = [];
      connectErrors = [];
      failures = 0;
      markDown = meter.down;
      markUp = meter.up;
    },
    ackSinceMark(version) {
      return acks.find((ack) => ack.version >= version) ?? null;
    },
    takedownSinceMark: () => takedownAt,
    connectsSinceMark: () => connects,
    failuresSinceMark: () => failures,
    connectErrorsSinceMark: () => connectErrors,
    connected: () => socket.connected,
    close() {
      closed = true;
      cancelRetry();
      if (reconnectTimer) clearTimeout(reconnectTimer);
      if (heartbeatTimer) clearInterval(heartbeatTimer);
      socket.disconnect();
      socket.removeAllListeners();
    },
  };
}
