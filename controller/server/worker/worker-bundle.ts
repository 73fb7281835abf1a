// Builds the background worker's code as one CommonJS script with esbuild, at start-up.
//
// Why not load worker-main.ts through tsx, as the main thread does: a worker does not inherit the
// main thread's loader, and registering tsx again inside it cost 18 MB of RSS at rest and about
// 30 MB at the peak of a 100,000-row import (a second module graph and loader state), which put
// that import over its 300 MB budget. The bundle takes about 0.1 s to build and loads in one go.

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

// Native or large packages stay outside the bundle, required by absolute path so that the script
// works whatever the current directory is.
const EXTERNAL_PACKAGES = ['better-sqlite3', 'exceljs'];

export async function bundleBackgroundWorker(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./worker-main.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    plugins: [externalsByAbsolutePath],
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error('esbuild produced no worker bundle');
  return output.text;
}

const externalsByAbsolutePath: Plugin = {
  name: 'externals-by-absolute-path',
  setup(builder) {
    const filter = new RegExp(`^(${EXTERNAL_PACKAGES.join('|')})(/|$)`);
    builder.onResolve({ filter }, (args) => ({
      path: createRequire(join(args.resolveDir, 'noop.js')).resolve(args.path),
      external: true,
    }));
  },
};
