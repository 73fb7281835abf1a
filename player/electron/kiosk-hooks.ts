// What the kiosk shell lends the player core: screenshots of its window, relaunching itself, and
// restarting its renderer when it dies or hangs (the core's watchdog decides when, and counts).

import type { ScreenshotProvider } from '../core/commands/screenshot-provider.ts';
import { startRendererWatchdog, type RendererWatchdog, type RendererWatchdogTimings } from '../core/health/renderer-watchdog.ts';

// The slices of Electron's BrowserWindow and App these need, structurally: Electron's BrowserWindow
// and app satisfy them, and unit tests run and type-check without the Electron package.
export interface CapturableWindow {
  isDestroyed(): boolean;
  webContents: { capturePage(): Promise<{ toPNG(): Uint8Array }> };
}
export interface RelaunchableApp {
  relaunch(): void;
  quit(): void;
}
export interface WatchableWindow {
  isDestroyed(): boolean;
  loadURL(url: string): Promise<unknown>;
  on(event: 'unresponsive' | 'responsive' | 'close', listener: () => void): unknown;
  webContents: {
    forcefullyCrashRenderer(): void;
    on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): unknown;
    on(event: 'did-fail-load', listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void): unknown;
  };
}

/** Captures the kiosk window as PNG; fails clearly when the window is gone (it is being restarted). */
export function windowScreenshotProvider(getWindow: () => CapturableWindow | null): ScreenshotProvider {
  return {
    async capture() {
      const win = getWindow();
      if (!win || win.isDestroyed()) throw Object.assign(new Error('no kiosk window to capture'), { code: 'screenshot-no-window' });
      return (await win.webContents.capturePage()).toPNG();
    },
  };
}

/**
 * A remote restart relaunches the whole app (new main process, new core, new window): the fix a
 * technician wants for a leak or a wedged GPU process. 'before-quit' closes the core cleanly first.
 */
export function relaunchApp(app: RelaunchableApp): () => void {
  return () => {
    app.relaunch();
    app.quit();
  };
}

/**
 * Keeps the kiosk window's page alive: reloads it when its renderer is gone, hung (its keep-alives
 * stopped, or Electron calls it unresponsive) or failed to load, and hands each restart to
 * `onRestart` (the core's count for heartbeats). The caller forwards the preload's keep-alives to
 * the returned watchdog's alive().
 */
export function watchKioskRenderer(win: WatchableWindow, url: string, onRestart: (reason: string) => void, timings?: Partial<RendererWatchdogTimings>): RendererWatchdog {
  const watchdog = startRendererWatchdog({
    renderer: {
      // A failed load raises 'did-fail-load', which the watchdog handles; the rejection itself is noise.
      reload: () => void (win.isDestroyed() ? undefined : win.loadURL(url).catch(() => undefined)),
      // Raises 'render-process-gone' ('killed'), which the watchdog ignores: its restart is under way.
      kill: () => (win.isDestroyed() ? undefined : win.webContents.forcefullyCrashRenderer()),
    },
    onRestart,
    ...(timings ? { timings } : {}),
  });
  win.webContents.on('render-process-gone', (_event, details) => watchdog.gone(details.reason));
  win.webContents.on('did-fail-load', (_event, errorCode, errorDescription, _url, isMainFrame) => {
    if (isMainFrame) watchdog.loadFailed(errorCode, errorDescription);
  });
  win.on('unresponsive', () => watchdog.unresponsive());
  win.on('responsive', () => watchdog.responsive());
  win.on('close', () => watchdog.stop());
  return watchdog;
}
