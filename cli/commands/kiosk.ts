// Opens the display full screen: in Electron when it is installed, else in Chromium --kiosk.
// Both only show the loopback display URL; the player core runs in this process either way.
// Chromium also takes the remote 'screenshot' command's pictures, over its DevTools pipe.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { ScreenshotProvider } from '../../player/core/commands/screenshot-provider.ts';
import { REPO_ROOT } from '../paths.ts';
import { devToolsPipe, devToolsScreenshotProvider } from './devtools-pipe.ts';
import { CommandFailure } from '../../player/core/commands/screenshot-upload.ts';

export function assertDisplayBuilt(distDir: string): void {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`the display is not built (${distDir}/index.html is missing): run "npm run build" first`);
  }
}

/** The Electron binary, or null where it could not be installed (as on machines without its CDN). */
export function electronBinary(): string | null {
  try {
    const require = createRequire(join(REPO_ROOT, 'package.json'));
    const binary = require('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export interface KioskWindow {
  close(): void;
  /** takes the 'screenshot' command's picture; null where the window runs in a process of its own (Electron) */
  screenshotProvider: ScreenshotProvider | null;
}

/** Extra Chromium switches from GONGSHI_CHROMIUM_FLAGS (space-separated), e.g. `--disable-gpu` for a driver that misbehaves. */
export function chromiumFlagsFromEnv(value = process.env.GONGSHI_CHROMIUM_FLAGS): string[] {
  return (value ?? '').split(/\s+/).filter((flag) => flag !== '');
}

/**
 * Chromium's switches for the kiosk. DevTools go over two inherited pipes (--remote-debugging-pipe),
 * never a TCP port: nothing listens on any address, loopback included, so no other process or user on
 * the machine can drive the kiosk (read its display token, navigate a public screen elsewhere). The
 * player that started it holds the only end.
 */
export function chromiumKioskArgs(displayUrl: string, profileDir: string, extraFlags: readonly string[] = []): string[] {
  return [
    '--kiosk',
    '--noerrdialogs',
    '--disable-infobars',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--autoplay-policy=no-user-gesture-required',
    '--remote-debugging-pipe',
    `--user-data-dir=${profileDir}`,
    ...extraFlags,
    displayUrl,
  ];
}

// A browser that ran this long before dying was healthy: its next death starts the back-off over.
const KIOSK_HEALTHY_RUN_MS = 60_000;
const KIOSK_RESTART_FIRST_MS = 1_000;
const KIOSK_RESTART_MAX_MS = 30_000;

/**
 * How long to wait before starting the kiosk browser again: at once-ish after a rare crash, backing
 * off (1 s, 2 s, 4 s … 30 s) when it keeps dying, so a broken GPU driver cannot spin the CPU. Pure.
 */
export function kioskRestartDelayMs(consecutiveQuickExits: number): number {
  return Math.min(KIOSK_RESTART_MAX_MS, KIOSK_RESTART_FIRST_MS * 2 ** Math.max(0, consecutiveQuickExits - 1));
}

/** Chromium kept up for as long as the player runs: a crashed or killed browser is started again (invariant 4). */
function openChromium(displayUrl: string, extraFlags: readonly string[]): KioskWindow {
  const binary = CHROMIUM_CANDIDATES.find((c) => existsSync(c));
  if (!binary) throw new Error('chromium is not installed (apt-get install chromium)');
  const origin = new URL(displayUrl).origin;
  let closing = false;
  let child: ChildProcess | null = null;
  let provider: ScreenshotProvider | null = null;
  let quickExits = 0;
  let restartTimer: NodeJS.Timeout | null = null;

  const start = (): void => {
    const profile = mkdtempSync(join(tmpdir(), 'gongshi-kiosk-'));
    const startedAt = Date.now();
    // fd 3: DevTools commands to Chromium; fd 4: its answers (the --remote-debugging-pipe convention).
    const browser = spawn(binary, chromiumKioskArgs(displayUrl, profile, extraFlags), { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    child = browser;
    provider = devToolsScreenshotProvider(devToolsPipe(browser.stdio[3] as Writable, browser.stdio[4] as Readable), origin);
    browser.once('exit', (code, signal) => {
      provider = null;
      // A fresh profile per start: nothing of the last session's state can stick to the screen.
      void rm(profile, { recursive: true, force: true }).catch(() => undefined);
      if (closing) return;
      quickExits = Date.now() - startedAt >= KIOSK_HEALTHY_RUN_MS ? 1 : quickExits + 1;
      const delayMs = kioskRestartDelayMs(quickExits);
      process.stderr.write(`gongshi: the chromium kiosk exited (${signal ?? code}); starting it again in ${delayMs} ms\n`);
      restartTimer = setTimeout(start, delayMs);
    });
    browser.once('error', (error) => process.stderr.write(`gongshi: the chromium kiosk failed: ${error.message}\n`));
  };
  start();

  return {
    close: () => {
      closing = true;
      if (restartTimer) clearTimeout(restartTimer);
      child?.kill('SIGTERM');
    },
    screenshotProvider: {
      capture: () => (provider ? provider.capture() : Promise.reject(new CommandFailure('screenshot-no-window', 'the kiosk browser is restarting'))),
    },
  };
}

export function openKioskWindow(kind: string, displayUrl: string, options: { chromiumFlags?: readonly string[] } = {}): KioskWindow | null {
  if (kind === 'electron') {
    const binary = electronBinary();
    if (!binary) return null;
    const child: ChildProcess = spawn(binary, [join(REPO_ROOT, 'player/electron/dist/main.cjs'), `--display-url=${displayUrl}`], { stdio: 'ignore' });
    // The window only: this process runs the core, so the Electron shell cannot capture for it.
    return { close: () => void child.kill('SIGTERM'), screenshotProvider: null };
  }
  if (kind === 'chromium') return openChromium(displayUrl, options.chromiumFlags ?? chromiumFlagsFromEnv());
  throw new Error(`unknown kiosk "${kind}": use electron or chromium`);
}
