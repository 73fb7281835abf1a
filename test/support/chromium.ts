// Launches Debian's Chromium for e2e tests through playwright-core (no bundled browser download).
import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

const FALLBACK_CHROMIUM = '/usr/bin/chromium';

// Flags for a quiet, deterministic headless browser in CI containers (root, no GPU, no network chatter).
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export function chromiumExecutablePath(): string {
  try {
    const found = execFileSync('which', ['chromium'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return found || FALLBACK_CHROMIUM;
  } catch {
    return FALLBACK_CHROMIUM;
  }
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumExecutablePath();
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  } catch (error) {
    throw new Error(
      `could not launch Chromium at ${executablePath} (apt-get install -y chromium fonts-noto-cjk): ${String(error)}`,
    );
  }
}
