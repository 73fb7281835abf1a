// Opens the display full screen: in Electron when it is installed, else in Chromium --kiosk.
// Both only show the loopback display URL; the player core runs in this process either way.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../paths.ts';

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

export function openKioskWindow(kind: string, displayUrl: string): { close(): void } | null {
  let child: ChildProcess;
  if (kind === 'electron') {
    const binary = electronBinary();
    if (!binary) return null;
    child = spawn(binary, [join(REPO_ROOT, 'player/electron/dist/main.cjs'), `--display-url=${displayUrl}`], { stdio: 'ignore' });
  } else if (kind === 'chromium') {
    const binary = CHROMIUM_CANDIDATES.find((c) => existsSync(c));
    if (!binary) throw new Error('chromium is not installed (apt-get install chromium)');
    const profile = mkdtempSync(join(tmpdir(), 'gongshi-kiosk-'));
    child = spawn(binary, ['--kiosk', '--noerrdialogs', '--disable-infobars', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required', `--user-data-dir=${profile}`, displayUrl], { stdio: 'ignore' });
  } else {
    throw new Error(`unknown kiosk "${kind}": use electron or chromium`);
  }
  return { close: () => void child.kill('SIGTERM') };
}
