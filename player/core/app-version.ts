// The version reported in heartbeats: a constant the bundler injects, or the gongshi package.json above this file.

import { readFileSync } from 'node:fs';

// Set with esbuild's --define:__GONGSHI_APP_VERSION__='"x.y.z"' where the build wants it baked in.
declare const __GONGSHI_APP_VERSION__: string | undefined;

const PACKAGE_NAME = 'gongshi';
/** The source sits two folders below the package root, the Electron bundle (player/electron/dist) three. */
const MAX_FOLDERS_UP = 6;
/** A heartbeat needs a value even when no version can be found. */
export const UNKNOWN_APP_VERSION = '0.0.0';

/**
 * Looks for gongshi's package.json in the folder of `moduleUrl` and above. The name is checked so
 * that some other package.json on the way (a packaged app's parent folder) is never taken for ours.
 */
export function findAppVersion(moduleUrl: string, readText: (url: URL) => string = (url) => readFileSync(url, 'utf8')): string {
  let folder = new URL('./', moduleUrl);
  for (let level = 0; level <= MAX_FOLDERS_UP; level++) {
    try {
      const pkg = JSON.parse(readText(new URL('package.json', folder))) as { name?: unknown; version?: unknown };
      if (pkg.name === PACKAGE_NAME && typeof pkg.version === 'string' && pkg.version !== '') return pkg.version;
    } catch {
      // Not here (or unreadable): look one folder up.
    }
    const parent = new URL('../', folder);
    if (parent.href === folder.href) break;
    folder = parent;
  }
  return UNKNOWN_APP_VERSION;
}

function readAppVersion(): string {
  // typeof is safe on a name nothing defined: unbundled, this is 'undefined'.
  if (typeof __GONGSHI_APP_VERSION__ === 'string' && __GONGSHI_APP_VERSION__ !== '') return __GONGSHI_APP_VERSION__;
  try {
    // A bundle without import.meta.url (CJS with no define) makes new URL throw; a heartbeat still needs a value.
    return findAppVersion(import.meta.url);
  } catch {
    return UNKNOWN_APP_VERSION;
  }
}

export const APP_VERSION = readAppVersion();
