// The player core: opens the offline cache, serves the display on loopback, and keeps in sync
// with the controller. Plain Node; the Electron shell and the CLI both start it with startPlayer.

import { randomBytes, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DisplayContrast, DisplayLocale, ServedDisplayState } from '../../shared/display/display-state.ts';
import type { RendererRestarts } from '../../shared/protocol/messages.ts';
import type { Manifest } from '../../shared/protocol/manifest.ts';
import { APP_VERSION } from './app-version.ts';
import { loadVerifiedManifest } from './cache/cached-manifest.ts';
import { loadVerifiedEmergencies } from './emergency/cached-emergencies.ts';
import { isPaired } from './cache/identity-store.ts';
import { openPlayerCache } from './cache/player-cache.ts';
import { DEFAULT_ASSET_BUDGET_BYTES } from './cache/asset-budget.ts';
import { MediaLibrary } from './cache/media-library.ts';
import { SlideLibrary } from './cache/slide-library.ts';
import { createClock } from './clock.ts';
import { startDisplayServer } from './display-server.ts';
import { areListsStale, buildDisplayState, DEFAULT_MAX_LIST_AGE_MS } from './display-state-builder.ts';
import { CachedEntrySets } from './entry-sets/cached-entry-sets.ts';
import { PlayerError, errorMessage } from './errors.ts';
import { createHealthReporter } from './health/health-reporter.ts';
import { startProofOfPlay, type ProofOfPlayOptions } from './proof-of-play/proof-of-play.ts';
import { DEFAULT_HEARTBEAT_INTERVAL_MS } from './sync/heartbeat.ts';
import { startSyncClient } from './sync/sync-client.ts';
import { createPlayerCommands } from './commands/player-commands.ts';
import type { ScreenshotProvider } from './commands/screenshot-provider.ts';
import { mediaAssetsOf, slideAssetsOf } from './sync/sync-decisions.ts';
import { ProgrammeDecider, defaultPlaylistDecision } from './programme/programme-decider.ts';
import type { ScreenGeometry } from '../../shared/display/screen-geometry.ts';
import type { ScheduleDecision } from '../../shared/schedules/evaluate-schedule.ts';

export interface PlayerOptions {
  controllerUrl: string;
  dataDir: string;
  /** 0 or absent: a random free port */
  displayPort?: number;
  /** the built display (player/display/dist) */
  displayStaticDir: string;
  logger: Logger;
  heartbeatIntervalMs?: number;
  /** the local clock; tests pass one they can jump */
  now?: () => number;
  /**
   * tells a jump of the local clock from time passing (default performance.now); when `now` is given
   * without it, `now` serves as both, so a test drives time alone
   */
  monotonicNow?: () => number;
  /** first retry delay of a failed sync (default 2 s, doubling to 5 min); tests shorten it */
  syncRetryBaseMs?: number;
  /** how long list data may go unconfirmed before list views fail closed ("数据更新中"); default 48 h */
  maxListAgeMs?: number;
  /** how often freshness is recorded and checked (default a minute); tests shorten it */
  listConfirmIntervalMs?: number;
  /** disk the cached images, videos and slides may take (default DEFAULT_ASSET_BUDGET_BYTES) */
  assetBudgetBytes?: number;
  locale?: DisplayLocale;
  /** the screen's physical picture height and viewing distance: the display sizes its type to be read from there */
  screen?: ScreenGeometry;
  /** 'high': a black-and-white, yellow-accented display for bright halls and low-vision readers */
  contrast?: DisplayContrast;
  /** proof-of-play segment, staleness and upload timings; tests shorten them */
  proofOfPlay?: ProofOfPlayOptions;
  /**
   * Called, after the ack has left, when a technician asks for a restart: the Electron shell
   * relaunches the app, the CLI exits with RESTART_EXIT_CODE for its supervisor. Absent, the
   * command answers 'restart-unsupported'.
   */
  onRestartRequested?: () => void;
  /** takes the 'screenshot' command's picture; also settable later with setScreenshotProvider */
  screenshotProvider?: ScreenshotProvider;
  /**
   * The host restarts a dead or hung kiosk renderer (the Electron shell's watchdog) and reports each
   * restart with recordRendererRestart: heartbeats then carry rendererRestarts, 0 included.
   */
  rendererWatchdog?: boolean;
}

export interface PlayerStatus {
  paired: boolean;
  pairingCode: string | null;
  deviceId: string;
  screenId: string | null;
  screenName: string | null;
  manifestVersion: number;
  listRevision: number;
  connected: boolean;
  /** true while the screen shows the built-in fallback slide */
  fallback: boolean;
  lastError: string | null;
}

export interface Player {
  /** the loopback URL (with its per-boot token) that the kiosk window opens */
  displayUrl: string;
  status(): PlayerStatus;
  onStatusChange(listener: (status: PlayerStatus) => void): () => void;
  /** Syncs now; rejects with PlayerError 'not-paired' or 'not-connected' when it cannot start. */
  syncNow(): Promise<void>;
  /** registers what takes screenshots (the Electron shell, once its window exists); null removes it */
  setScreenshotProvider(provider: ScreenshotProvider | null): void;
  /** the kiosk shell restarted its renderer; counted for heartbeats since this player started */
  recordRendererRestart(reason: string): void;
  /** the restarts counted so far; null when no watchdog runs */
  rendererRestarts(): RendererRestarts | null;
  close(): Promise<void>;
}

/** Expired entries must leave the screen even offline; a second is far below any legal threshold. */
const EXPIRY_CHECK_INTERVAL_MS = 1_000;
/** How often a connected, in-sync player records that its lists are current; far below any max age. */
const LIST_CONFIRM_INTERVAL_MS = 60_000;
/** How often the trusted time is saved as a floor for the next boot; a minute lost at a power cut is harmless. */
const CLOCK_PERSIST_INTERVAL_MS = 60_000;

export async function startPlayer(options: PlayerOptions): Promise<Player> {
  const logger = options.logger.child({ module: 'player' });
  const locale = options.locale ?? 'zh-CN';
  const cache = openPlayerCache(options.dataDir);
  const slides = new SlideLibrary(cache.assets);
  const media = new MediaLibrary(cache.assets);

  let identity = cache.identity.load(() => randomUUID());
  let manifest: Manifest | null = null;
  // Emergency overrides in force, verified; kept in the cache so a restart while offline still shows them.
  let emergencies: ReturnType<typeof loadVerifiedEmergencies> = [];
  // Time the player has already seen, from its last run: an RTC reset at boot cannot go back past it.
  const seenAtBoot = cache.clock.seenAt();
  const clock = createClock({
    ...(options.now ? { localNow: options.now } : {}),
    ...(options.monotonicNow ? { monotonicNow: options.monotonicNow } : options.now ? { monotonicNow: options.now } : {}),
    // The signed manifest's issuedAt is the controller's clock: time cannot be earlier than that.
    floorMs: () => Math.max(seenAtBoot, manifest?.issuedAt ?? 0),
  });
  let pairingCode: string | null = null;
  let connected = false;
  let lastError: string | null = null;
  // The sets the display was last told about: an expiry between two ticks changes them.
  let notifiedSets = '';
  // Connected, and this connection's last sync succeeded: the controller pushes every change at once,
  // so the lists are current as of now (see LIST_CONFIRM_INTERVAL_MS).
  let listsInSync = false;
  let closed = false;
  const listeners = new Set<(status: PlayerStatus) => void>();

  async function reloadFromCache(): Promise<void> {
    manifest = loadVerifiedManifest(cache, identity, logger);
    emergencies = loadVerifiedEmergencies(cache, identity, logger);
    // Slides whose files are missing or corrupt are skipped by the builder until a sync restores them.
    for (const asset of manifest ? slideAssetsOf(manifest) : []) await slides.load(asset.sha256);
  }

  /**
   * Images and videos are hashed once the display is up: gigabytes on eMMC take long enough that
   * the kiosk window must not wait for them. The builder shows each one once its check has passed.
   */
  async function verifyCachedMedia(): Promise<void> {
    for (const asset of manifest ? mediaAssetsOf(manifest) : []) {
      if (closed) return;
      if (await media.load(asset.sha256).catch(() => false)) notifyDisplay();
    }
  }

  const getState = (): ServedDisplayState => {
    // Checked at every build, not only on the expiry tick: an entry is never served past its expiry.
    entrySets.expire(clock.now());
    return buildDisplayState({
      paired: isPaired(identity),
      screenName: identity.screenName,
      pairingCode,
      controllerUrl: options.controllerUrl,
      manifest,
      listRevision: cache.lists.revision(),
      listsUpdatedAt: cache.lists.updatedAt(),
      ...(options.maxListAgeMs !== undefined ? { maxListAgeMs: options.maxListAgeMs } : {}),
      entrySets: entrySets.library,
      slides: slides.documents(),
      media: media.verified(),
      nowMs: clock.now(),
      locale,
      screen: options.screen ?? null,
      contrast: options.contrast ?? 'normal',
      emergencies,
      programmeDecision: currentProgrammeDecision(),
    });
  };
  const setIdsShown = (): string => {
    const lists = entrySets.library.lists();
    return `${lists.red.id} ${lists.black.id}`;
  };

  const programmeDecider = new ProgrammeDecider();
  /** The programme's answer now; a failure plays the default playlist rather than nothing (or everything). */
  function currentProgrammeDecision(): ScheduleDecision | null {
    try {
      return programmeDecider.decide({ manifest, screenGroupIds: cache.screenGroups.groupIds(), timeZone: cache.screenGroups.timeZone(), nowMs: clock.now() });
    } catch (error) {
      logger.error({ err: errorMessage(error) }, 'could not evaluate the schedules; playing the default playlist');
      return defaultPlaylistDecision(manifest, clock.now());
    }
  }
  let lastProgrammeKey = '';
  const programmeKeyOf = (decision: ScheduleDecision | null): string => (decision ? `${decision.playlistId}\n${decision.source.kind === 'schedule' ? decision.source.scheduleId : ''}` : '');

  let statusAtClose: PlayerStatus | null = null;
  const status = (): PlayerStatus => {
    // The database is gone after close(); callers still get the last thing the player knew.
    if (statusAtClose) return statusAtClose;
    const state = getState();
    return {
      paired: isPaired(identity),
      pairingCode,
      deviceId: identity.deviceId,
      screenId: identity.screenId,
      screenName: identity.screenName,
      manifestVersion: manifest?.version ?? 0,
      listRevision: cache.lists.revision(),
      connected,
      fallback: state.mode === 'playing' && state.fallback,
      lastError,
    };
  };

  let lastStatusJson = '';
  function emitStatus(): void {
    if (closed) return;
    const current = status();
    const json = JSON.stringify(current);
    if (json === lastStatusJson) return;
    lastStatusJson = json;
    for (const listener of listeners) {
      try {
        listener(current);
      } catch (error) {
        logger.warn({ err: errorMessage(error) }, 'status listener threw');
      }
    }
  }

  await reloadFromCache().catch((error: unknown) => {
    cache.close();
    throw error;
  });
  // From the pages stored with the cache when they are there: no entry is read before the display
  // server listens. Without them (a first start on an older cache), every entry is read and sorted.
  const entrySets = ((): CachedEntrySets => {
    try {
      return new CachedEntrySets(cache, clock.now(), logger);
    } catch (error) {
      cache.close();
      throw error;
    }
  })();
  const health = createHealthReporter({
    dataDir: options.dataDir,
    clock,
    appVersion: APP_VERSION,
    rendererWatched: options.rendererWatchdog === true,
    // The same source the clock tells jumps with, so a test driving `now` alone ages reports too.
    ...(options.monotonicNow ? { monotonicNow: options.monotonicNow } : options.now ? { monotonicNow: options.now } : {}),
    current: () => {
      const state = getState();
      return {
        manifestVersion: manifest?.version ?? 0,
        listRevision: cache.lists.revision(),
        cacheBytes: cache.sizeBytes(),
        coreScene: state.mode === 'pairing' ? 'pairing' : state.fallback ? 'fallback' : null,
      };
    },
  });
  // The page's reports of what it shows are the source of proof of play: more truthful than the
  // timeline the core serves, since the page keeps its own cursor and may be hung or not loaded.
  const proofOfPlay = startProofOfPlay({
    store: cache.playEvents,
    now: clock.now,
    manifest: () => manifest,
    listRevision: () => cache.lists.revision(),
    logger,
    options: options.proofOfPlay,
  });
  let screenshotProvider = options.screenshotProvider ?? null;
  // Lazy references: the display server and the sync client start below, before any command can arrive.
  const commands = createPlayerCommands({
    controllerUrl: options.controllerUrl,
    cache,
    slides,
    media,
    now: clock.now,
    logger,
    identity: () => identity,
    manifest: () => manifest,
    requestDisplayReload: () => displayServer.requestReload(),
    notifyDisplay: () => notifyDisplay(),
    syncNow: (syncOptions) => sync.syncNow(syncOptions),
    restartHook: () => options.onRestartRequested ?? null,
    screenshotProvider: () => screenshotProvider,
  });
  const displayServer = await startDisplayServer({
    port: options.displayPort ?? 0,
    staticDir: options.displayStaticDir,
    // A fresh secret per boot: only the kiosk window this process opens can read the screen's data.
    token: randomBytes(24).toString('base64url'),
    getState: () => commands.overlay(getState()),
    entryPage: (setId, page) => entrySets.library.page(setId, page),
    mediaFile: (sha256) => {
      const path = media.pathOf(sha256);
      const item = manifest?.timeline.find((i) => (i.kind === 'image' || i.kind === 'video') && i.asset.sha256 === sha256);
      return path !== null && item !== undefined && (item.kind === 'image' || item.kind === 'video') ? { path, mediaType: item.asset.mediaType } : null;
    },
    onDisplayReport: (report) => {
      health.recordDisplayReport(report);
      proofOfPlay.displayShowing(report.showing);
    },
    logger,
  }).catch((error: unknown) => {
    cache.close();
    throw error;
  });

  function notifyDisplay(): void {
    if (closed) return;
    notifiedSets = setIdsShown();
    displayServer.notifyStateChanged();
    emitStatus();
  }
  void verifyCachedMedia();

  const expiryTimer = setInterval(() => {
    // Dayparts switch on the screen's own clock, offline too: the same tick sees a schedule hand over.
    const programmeKey = programmeKeyOf(currentProgrammeDecision());
    const programmeChanged = programmeKey !== lastProgrammeKey;
    lastProgrammeKey = programmeKey;
    entrySets.expire(clock.now());
    if (programmeChanged || setIdsShown() !== notifiedSets) notifyDisplay();
  }, EXPIRY_CHECK_INTERVAL_MS);
  expiryTimer.unref();

  // While in sync, the lists' age is refreshed; offline it grows until list views fail closed. The
  // display is told when the answer flips (a screen coming back, or one that just went stale).
  let wasStale: boolean | null = null;
  const freshnessTimer = setInterval(() => {
    try {
      if (listsInSync && connected) cache.lists.confirmCurrent(clock.now());
      const stale = areListsStale(cache.lists.updatedAt(), clock.now(), options.maxListAgeMs ?? DEFAULT_MAX_LIST_AGE_MS);
      if (wasStale !== null && stale !== wasStale) notifyDisplay();
      wasStale = stale;
    } catch (error) {
      logger.warn({ err: errorMessage(error) }, 'could not check the age of the lists');
    }
  }, options.listConfirmIntervalMs ?? LIST_CONFIRM_INTERVAL_MS);
  freshnessTimer.unref();

  const persistSeenTime = (): void => {
    try {
      cache.clock.recordSeen(clock.now());
    } catch (error) {
      logger.warn({ err: errorMessage(error) }, 'could not save the trusted time');
    }
  };
  persistSeenTime();
  const clockPersistTimer = setInterval(persistSeenTime, CLOCK_PERSIST_INTERVAL_MS);
  clockPersistTimer.unref();

  const sync = startSyncClient({
    controllerUrl: options.controllerUrl,
    cache,
    slides,
    media,
    assetBudgetBytes: options.assetBudgetBytes ?? DEFAULT_ASSET_BUDGET_BYTES,
    clock,
    logger,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS,
    ...(options.syncRetryBaseMs !== undefined ? { syncRetryBaseMs: options.syncRetryBaseMs } : {}),
    heartbeat: () => health.heartbeat(),
    onCommand: (payload, ack) => void commands.runner.run(payload).then(ack),
    callbacks: {
      onClockSet: () => {
        // The controller's time replaces a high-water mark that a fast local clock may have set.
        cache.clock.resetTo(clock.now());
        notifyDisplay();
      },
      onConnectionChange: (value) => {
        connected = value;
        // In sync again only once this connection's first sync has succeeded.
        listsInSync = false;
        proofOfPlay.connectionChanged(value);
        emitStatus();
      },
      onPairingCode: (code) => {
        pairingCode = code;
        notifyDisplay();
      },
      onPaired: (paired) => {
        identity = paired;
        notifyDisplay();
      },
      onTakedown: (ids) => {
        entrySets.withdraw(ids);
        notifyDisplay();
      },
      onApplied: () => {
        lastError = null;
        listsInSync = true;
        manifest = loadVerifiedManifest(cache, identity, logger);
        entrySets.refresh(clock.now());
        proofOfPlay.contentChanged();
        notifyDisplay();
      },
      onSyncFailed: (message) => {
        lastError = message;
        listsInSync = false;
        health.recordError(message);
        emitStatus();
      },
      onEmergencyChange: () => {
        emergencies = loadVerifiedEmergencies(cache, identity, logger);
        notifyDisplay();
      },
    },
  });
  proofOfPlay.startUploads({ socket: () => sync.socket(), paired: () => isPaired(identity) });
  notifyDisplay();
  logger.info({ displayUrl: displayServer.url.replace(/token=[^&]+/, 'token=…'), paired: isPaired(identity) }, 'player started');

  return {
    displayUrl: displayServer.url,
    status,
    onStatusChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    syncNow: async () => {
      if (closed) throw new PlayerError('closed', 'player is closed');
      const outcome = await sync.syncNow();
      if (outcome.kind === 'skipped') {
        throw new PlayerError(isPaired(identity) ? 'not-connected' : 'not-paired', `sync skipped: ${outcome.reason}`);
      }
    },
    setScreenshotProvider: (provider) => {
      screenshotProvider = provider;
    },
    recordRendererRestart: (reason) => {
      if (closed) return;
      health.recordRendererRestart(reason);
      logger.warn({ reason, count: health.rendererRestarts()?.count }, 'the kiosk renderer was restarted');
    },
    rendererRestarts: () => health.rendererRestarts(),
    close: async () => {
      if (closed) return;
      statusAtClose = { ...status(), connected: false };
      closed = true;
      clearInterval(expiryTimer);
      clearInterval(freshnessTimer);
      clearInterval(clockPersistTimer);
      commands.close();
      listeners.clear();
      // Before the cache closes: the play on screen is recorded as ending now.
      proofOfPlay.close();
      await sync.close();
      await displayServer.close();
      persistSeenTime();
      cache.close();
      logger.info('player closed');
    },
  };
}
