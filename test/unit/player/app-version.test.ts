// The heartbeat's app version, from source and from a CommonJS bundle built the way build:electron builds main.cjs.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { build } from 'esbuild';
import { APP_VERSION, findAppVersion, UNKNOWN_APP_VERSION } from '../../../player/core/app-version.ts';
import { tempDir } from './fixtures.ts';

const SOURCE = join(import.meta.dirname, '..', '..', '..', 'player', 'core', 'app-version.ts');
const ROOT_PACKAGE = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string };

/** Bundles app-version.ts into <root>/player/electron/dist/app-version.cjs, as package.json's build:electron does, and loads it. */
async function loadBundled(root: string, options: { defineImportMetaUrl?: boolean; version?: string } = {}): Promise<string> {
  const outfile = join(root, 'player', 'electron', 'dist', `app-version-${Math.random().toString(36).slice(2)}.cjs`);
  mkdirSync(join(root, 'player', 'electron', 'dist'), { recursive: true });
  const define: Record<string, string> = {};
  if (options.defineImportMetaUrl !== false) define['import.meta.url'] = '__importMetaUrl';
  if (options.version) define.__GONGSHI_APP_VERSION__ = JSON.stringify(options.version);
  await build({
    entryPoints: [SOURCE],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    outfile,
    logLevel: 'silent',
    banner: options.defineImportMetaUrl === false ? {} : { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define,
  });
  return (createRequire(outfile)(outfile) as { APP_VERSION: string }).APP_VERSION;
}

describe('app version', () => {
  const dirs: Array<ReturnType<typeof tempDir>> = [];
  const folder = () => {
    const dir = tempDir('gongshi-app-version-');
    dirs.push(dir);
    return dir.path;
  };
  after(() => dirs.forEach((dir) => dir.remove()));

  it('reads the version from package.json when running from source', () => {
    assert.equal(APP_VERSION, ROOT_PACKAGE.version);
  });

  it('finds package.json from the Electron bundle in player/electron/dist', async () => {
    const root = folder();
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'gongshi', version: '9.8.7' }));
    assert.equal(await loadBundled(root), '9.8.7');
  });

  it('prefers a version injected at build time', async () => {
    assert.equal(await loadBundled(folder(), { version: '1.2.3' }), '1.2.3');
  });

  it('falls back instead of crashing when there is no package.json, or no import.meta.url in the bundle', async () => {
    assert.equal(await loadBundled(folder()), UNKNOWN_APP_VERSION);
    assert.equal(await loadBundled(folder(), { defineImportMetaUrl: false }), UNKNOWN_APP_VERSION);
  });

  it("never takes another package's package.json for its own", () => {
    const root = folder();
    mkdirSync(join(root, 'app', 'player', 'core'), { recursive: true });
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'gongshi', version: '4.5.6' }));
    writeFileSync(join(root, 'app', 'package.json'), JSON.stringify({ name: 'something-else', version: '0.0.1' }));
    assert.equal(findAppVersion(pathToFileURL(join(root, 'app', 'player', 'core', 'app-version.js')).href), '4.5.6');
  });
});
