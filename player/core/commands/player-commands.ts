// Wires the command runner to a running player core: display, cache, sync, identity, and the hooks the shell registered.

import type { Logger } from 'pino';
import type { ServedDisplayState } from '../../../shared/display/display-state.ts';
import type { Manifest } from '../../../shared/protocol/manifest.ts';
import type { PlayerCache } from '../cache/player-cache.ts';
import type { Identity } from '../cache/identity-store.ts';
import type { MediaLibrary } from '../cache/media-library.ts';
import type { SlideLibrary } from '../cache/slide-library.ts';
import type { SyncOutcome } from '../sync/sync-run.ts';
import { mediaAssetsOf, slideAssetsOf } from '../sync/sync-decisions.ts';
import { clearCachedAssets } from './clear-cache.ts';
import { createCommandRunner, type CommandRunner } from './command-runner.ts';
import type { ScreenshotProvider } from './screenshot-provider.ts';
import { CommandFailure, uploadScreenshot } from './screenshot-upload.ts';
import { syncReportOf } from './sync-report.ts';

export interface PlayerCommandsDeps {
  controllerUrl: string;
  cache: PlayerCache;
  slides: SlideLibrary;
  media: MediaLibrary;
  now: () => number;
  logger: Logger;
  identity: () => Identity;
  manifest: () => Manifest | null;
  requestDisplayReload: () => number;
  notifyDisplay: () => void;
  syncNow: (options: { full?: boolean }) => Promise<SyncOutcome>;
  restartHook: () => (() => void) | null;
  screenshotProvider: () => ScreenshotProvider | null;
}

export interface PlayerCommands {
  runner: CommandRunner;
  /** the display state with the identify overlay while it lasts */
  overlay(state: ServedDisplayState): ServedDisplayState;
  close(): void;
}

export function createPlayerCommands(deps: PlayerCommandsDeps): PlayerCommands {
  let identifyUntil: number | null = null;
  let identifyTimer: NodeJS.Timeout | null = null;
  const applied = () => ({ manifestVersion: deps.manifest()?.version ?? 0, listRevision: deps.cache.lists.revision() });

  const runner = createCommandRunner({
    now: deps.now,
    logger: deps.logger.child({ module: 'commands' }),
    reloadDisplay: deps.requestDisplayReload,
    restartHook: deps.restartHook,
    screenshotProvider: deps.screenshotProvider,
    async uploadScreenshot(commandId, png) {
      const { screenId, token } = deps.identity();
      if (!screenId || !token) throw new CommandFailure('not-paired', 'the player is not paired');
      await uploadScreenshot({ controllerUrl: deps.controllerUrl, screenId, token, commandId, png });
    },
    identify(durationMs) {
      identifyUntil = deps.now() + durationMs;
      if (identifyTimer) clearTimeout(identifyTimer);
      // The page also hides the overlay by itself at `until`; this refresh is for the state's readers.
      identifyTimer = setTimeout(() => {
        identifyTimer = null;
        deps.notifyDisplay();
      }, durationMs + 50);
      identifyTimer.unref();
      deps.notifyDisplay();
      return { screenName: deps.identity().screenName ?? '', until: identifyUntil };
    },
    async clearCache() {
      const bytesBefore = deps.cache.sizeBytes();
      const manifest = deps.manifest();
      const needed = new Set(manifest ? [...slideAssetsOf(manifest), ...mediaAssetsOf(manifest)].map((a) => a.sha256) : []);
      const { assetsRemoved } = await clearCachedAssets({ assets: deps.cache.assets, slides: deps.slides, media: deps.media, needed });
      deps.notifyDisplay();
      const outcome = await deps.syncNow({ full: true });
      return { kind: 'clear-cache', assetsRemoved, bytesBefore, bytesAfter: deps.cache.sizeBytes(), sync: syncReportOf(outcome, applied()) };
    },
    async syncNow() {
      return syncReportOf(await deps.syncNow({}), applied());
    },
  });

  return {
    runner,
    overlay(state) {
      if (state.mode !== 'playing' || identifyUntil === null || deps.now() >= identifyUntil) return state;
      return { ...state, identifyUntil };
    },
    close() {
      if (identifyTimer) clearTimeout(identifyTimer);
      identifyTimer = null;
    },
  };
}
