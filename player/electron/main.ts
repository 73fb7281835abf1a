// The Electron kiosk shell: hosts the player core and shows its display full-screen, restarting a
// crashed or hung renderer. Everything else lives in player/core and runs without Electron.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { app, BrowserWindow, ipcMain, Menu, powerSaveBlocker, session, type IpcMainInvokeEvent } from 'electron';
import { pino } from 'pino';
import { startPlayer, type Player } from '../core/player.ts';
import { CHANNELS, type IpcResult, type KioskStatus } from './channels.ts';
import { relaunchApp, watchKioskRenderer, windowScreenshotProvider } from './kiosk-hooks.ts';
import type { RendererWatchdog } from '../core/health/renderer-watchdog.ts';

const logger = pino({ name: 'gongshi-kiosk' });
const here = dirname(fileURLToPath(import.meta.url));
const HIDE_CURSOR_CSS = '*, *::before, *::after { cursor: none !important; }';

let player: Player | null = null;
let kiosk: BrowserWindow | null = null;
let watchdog: RendererWatchdog | null = null;
// Counted here too for the status channel when the core runs elsewhere (--display-url).
let rendererRestarts = 0;

function readConfig() {
  // strict: false because Chromium and Electron add switches of their own to argv.
  const { values } = parseArgs({
    args: process.argv.slice(1),
    strict: false,
    options: {
      'controller-url': { type: 'string' },
      'data-dir': { type: 'string' },
      'display-port': { type: 'string' },
      'display-dir': { type: 'string' },
      locale: { type: 'string' },
      'display-url': { type: 'string' },
    },
  });
  const pick = (name: string, env: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : process.env[env];
  };
  return {
    /** window only: the core already runs elsewhere (as in `gongshi demo`) */
    displayUrl: pick('display-url', 'GONGSHI_DISPLAY_URL'),
    controllerUrl: pick('controller-url', 'GONGSHI_CONTROLLER_URL') ?? 'http://127.0.0.1:8080',
    dataDir: pick('data-dir', 'GONGSHI_DATA_DIR') ?? join(app.getPath('userData'), 'player'),
    displayPort: Number(pick('display-port', 'GONGSHI_DISPLAY_PORT') ?? 0) || 0,
    displayStaticDir: pick('display-dir', 'GONGSHI_DISPLAY_DIR') ?? join(app.getAppPath(), 'player', 'display', 'dist'),
    locale: pick('locale', 'GONGSHI_LOCALE') === 'en' ? ('en' as const) : ('zh-CN' as const),
  };
}

/**
 * Whether a URL is on exactly this origin. A prefix test is not: 'http://127.0.0.1:8081' is a prefix
 * of 'http://127.0.0.1:80811' and of 'http://127.0.0.1:8081.evil.example'.
 */
function isSameOrigin(url: string | undefined, origin: string): boolean {
  if (!url) return false;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

async function wrap<T>(event: IpcMainInvokeEvent, origin: string, fn: () => T | Promise<T>): Promise<IpcResult<T>> {
  if (!isSameOrigin(event.senderFrame?.url, origin)) return { ok: false, error: { code: 'forbidden', message: 'not the kiosk display' } };
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    const code = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'kiosk-error';
    return { ok: false, error: { code, message: error instanceof Error ? error.message : String(error) } };
  }
}

function openKiosk(url: string): BrowserWindow {
  const origin = new URL(url).origin;
  const win = new BrowserWindow({
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    // Not black: even before the first paint the screen must not look dead (invariant 4).
    backgroundColor: '#8b1a1a',
    webPreferences: {
      preload: join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: false,
      spellcheck: false,
      // The keep-alive timer must not be throttled when the OS thinks the window is covered.
      backgroundThrottling: false,
    },
  });
  const contents = win.webContents;
  // Restarts within seconds a renderer that is gone, hung or failed to load (invariant 4); the
  // core counts each restart for the heartbeat.
  watchdog = watchKioskRenderer(win, url, (reason) => {
    rendererRestarts++;
    logger.warn({ reason, rendererRestarts }, 'reloading the display');
    player?.recordRendererRestart(reason);
  });

  contents.on('did-finish-load', () => void contents.insertCSS(HIDE_CURSOR_CSS));
  contents.on('will-navigate', (event, target) => {
    if (!isSameOrigin(target, origin)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void win.loadURL(url).catch(() => undefined);
  return win;
}

async function boot(): Promise<void> {
  Menu.setApplicationMenu(null);
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  powerSaveBlocker.start('prevent-display-sleep');
  ipcMain.on(CHANNELS.alive, (event) => {
    if (kiosk && !kiosk.isDestroyed() && event.sender === kiosk.webContents) watchdog?.alive();
  });
  const { displayUrl, ...config } = readConfig();
  if (displayUrl) {
    kiosk = openKiosk(displayUrl);
    return;
  }
  const core = await startPlayer({ ...config, logger, onRestartRequested: relaunchApp(app), screenshotProvider: windowScreenshotProvider(() => kiosk), rendererWatchdog: true });
  player = core;
  const origin = new URL(core.displayUrl).origin;
  ipcMain.handle(CHANNELS.status, (event) => wrap(event, origin, (): KioskStatus => ({ ...core.status(), rendererRestarts })));
  ipcMain.handle(CHANNELS.screenshot, (event) =>
    wrap(event, origin, async () => {
      if (!kiosk || kiosk.isDestroyed()) throw new Error('no kiosk window');
      return (await kiosk.webContents.capturePage()).toDataURL();
    }),
  );
  kiosk = openKiosk(core.displayUrl);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => kiosk?.focus());
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (!player) return;
    // Close the core first so the cache database is shut cleanly, then really quit.
    event.preventDefault();
    watchdog?.stop();
    const closing = player;
    player = null;
    void closing.close().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(boot)
    .catch((error: unknown) => {
      logger.fatal({ err: error }, 'kiosk failed to start');
      app.exit(1);
    });
}
