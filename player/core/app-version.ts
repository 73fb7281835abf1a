// The version reported in heartbeats, read once from the package manifest next to the code.

import { readFileSync } from 'node:fs';

function readAppVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    // Packaged builds may not ship package.json at this path; a heartbeat still needs a value.
    return '0.0.0';
  }
}

export const APP_VERSION = readAppVersion();
