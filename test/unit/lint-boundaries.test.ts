// Proves the runtime boundaries in eslint.config.js bite: for each folder of CONVENTIONS §1, a
// forbidden import is reported and an allowed one is not, through ESLint's own Node API.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });
const BOUNDARY_RULES = new Set(['no-restricted-imports', 'gongshi/runtime-boundaries']);

/** Boundary and no-console reports for `code` linted as if it lived at `filePath` (repo-relative). */
async function problems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: true });
  assert.ok(result, 'ESLint returned no result');
  const fatal = result.messages.filter((m) => m.fatal);
  assert.deepEqual(fatal, [], `parse error in the snippet for ${filePath}`);
  return result.messages.filter((m) => m.ruleId !== null && (BOUNDARY_RULES.has(m.ruleId) || m.ruleId === 'no-console')).map((m) => `${m.ruleId}: ${m.message}`);
}

async function assertForbidden(code: string, filePath: string): Promise<void> {
  const found = await problems(code, filePath);
  assert.equal(found.length, 1, `expected one report for ${JSON.stringify(code)} in ${filePath}, got ${JSON.stringify(found)}`);
}

async function assertAllowed(code: string, filePath: string): Promise<void> {
  assert.deepEqual(await problems(code, filePath), [], `${JSON.stringify(code)} in ${filePath}`);
}

interface FolderCase {
  file: string;
  forbidden: string[];
  allowed: string[];
}

const CASES: FolderCase[] = [
  {
    file: 'shared/lists/example.ts',
    forbidden: [
      "import { readFileSync } from 'node:fs';",
      "import { join } from 'path';",
      "import { createHash } from 'crypto';",
      "import { readFile } from 'fs/promises';",
      "import os from 'os';",
      "import http from 'http';",
      "import { spawn } from 'child_process';",
      "import net from 'net';",
      "import { app } from 'electron';",
      "import Database from 'better-sqlite3';",
      "import { Server } from 'socket.io';",
      "import { io } from 'socket.io-client';",
      "import Fastify from 'fastify';",
      "import cookie from '@fastify/cookie';",
      "import pino from 'pino';",
      "import { useState } from 'react';",
      "import { createRoot } from 'react-dom/client';",
      "import { jsx } from 'react/jsx-runtime';",
      "import { store } from '../../controller/server/store/database.ts';",
      "import { sync } from '../../player/core/sync/client.ts';",
      "export { thing } from '../../player/display/src/App.tsx';",
      "import type { Row } from '../../controller/server/store/schema.ts';",
    ],
    allowed: [
      "import { z } from 'zod';",
      "import { sha256 } from '@noble/hashes/sha2.js';",
      "import { canonicalJson } from '../canonical-json.ts';",
      "import { maskIdNumber } from '../masking/masking.ts';",
      "import { DateTime } from 'luxon';",
    ],
  },
  {
    file: 'controller/server/features/screens/example.ts',
    forbidden: [
      "import { App } from '../../../console/src/App.tsx';",
      "import { App } from '../../../../controller/console/src/App.tsx';",
      "import { sync } from '../../../../player/core/sync/client.ts';",
      "import { createElement } from 'react';",
      "import { renderToString } from 'react-dom/server';",
      "import { BrowserWindow } from 'electron';",
    ],
    allowed: [
      "import { readFile } from 'node:fs/promises';",
      "import Database from 'better-sqlite3';",
      "import { Server } from 'socket.io';",
      "import Fastify from 'fastify';",
      "import pino from 'pino';",
      "import { service } from '../entries/service.ts';",
      "import { PROTOCOL_VERSION } from '../../../../shared/protocol/index.ts';",
      // A feature folder may be named after the player it serves without tripping the player/ ban.
      "import { hub } from './player/hub.ts';",
      "import { hub } from '../player/hub.ts';",
    ],
  },
  {
    file: 'controller/console/src/pages/Example.tsx',
    forbidden: [
      "import { readFile } from 'node:fs/promises';",
      "import path from 'path';",
      "import Database from 'better-sqlite3';",
      "import { ipcRenderer } from 'electron';",
      "import { buildApp } from '../../../server/http/app.ts';",
      "import { buildApp } from '../../../../controller/server/http/app.ts';",
      "import { startPlayer } from '../../../../player/core/player.ts';",
      "import { openKiosk } from '../../../../player/electron/main.ts';",
    ],
    allowed: [
      // Browser code beside browser code: the slide editor previews with the display's components.
      "import { SlideView } from '../../../../player/display/src/components/SlideView.tsx';",
      "import { useState } from 'react';",
      "import { createRoot } from 'react-dom/client';",
      "import { io } from 'socket.io-client';",
      "import { translate } from '../../../../shared/i18n/messages.ts';",
      "import { Layout } from '../components/Layout.tsx';",
    ],
  },
  {
    file: 'player/core/sync/example.ts',
    forbidden: [
      "import { app } from 'electron';",
      "import { useState } from 'react';",
      "import { buildApp } from '../../../controller/server/http/app.ts';",
      "import { App } from '../../display/src/App.tsx';",
      "import { App } from '../../../player/display/src/App.tsx';",
      "import { main } from '../../electron/main.ts';",
    ],
    allowed: [
      "import { io } from 'socket.io-client';",
      "import Database from 'better-sqlite3';",
      "import { readFile } from 'node:fs/promises';",
      "import { createServer } from 'http';",
      "import { listStore } from '../cache/list-store.ts';",
      // A core subfolder named display (the loopback display server) is not player/display.
      "import { serve } from '../display/server.ts';",
      "import { verifySigned } from '../../../shared/signing/manifest-signing.ts';",
    ],
  },
  {
    file: 'player/display/src/components/Example.tsx',
    forbidden: [
      "import { readFileSync } from 'node:fs';",
      "import { EventEmitter } from 'events';",
      "import Database from 'better-sqlite3';",
      "import { io } from 'socket.io-client';",
      "import { ipcRenderer } from 'electron';",
      "import { sync } from '../../../core/sync/client.ts';",
      "import { main } from '../../../electron/main.ts';",
      "import { x } from '../../../../controller/server/http/app.ts';",
      "export * from '../../../core/cache/list-store.ts';",
    ],
    allowed: [
      "import { useEffect } from 'react';",
      "import { createRoot } from 'react-dom/client';",
      "import { translate } from '../../../../shared/i18n/messages.ts';",
      "import { RollingList } from './RollingList.tsx';",
      "import { parseDisplayState } from '../state/parse-display-state.ts';",
    ],
  },
  {
    file: 'player/electron/example.ts',
    forbidden: [
      "import { RollingList } from '../display/src/components/RollingList.tsx';",
      "import { x } from '../../controller/server/http/app.ts';",
      "import { createRoot } from 'react-dom/client';",
    ],
    allowed: [
      "import { app, BrowserWindow } from 'electron';",
      "import { startPlayerCore } from '../core/index.ts';",
      "import path from 'node:path';",
      "import { PROTOCOL_VERSION } from '../../shared/protocol/index.ts';",
    ],
  },
];

describe('lint boundaries', () => {
  for (const { file, forbidden, allowed } of CASES) {
    describe(file.split('/').slice(0, file.startsWith('shared') ? 1 : 2).join('/'), () => {
      it('reports every forbidden import', async () => {
        for (const code of forbidden) await assertForbidden(code, file);
      });

      it('lets allowed imports through', async () => {
        for (const code of allowed) await assertAllowed(code, file);
      });
    });
  }

  it('reports dynamic import() and require() of a forbidden module', async () => {
    await assertForbidden("export const load = () => import('node:fs');", 'shared/example.ts');
    await assertForbidden("export const load = () => import('../../core/sync/client.ts');", 'player/display/src/example.ts');
    await assertForbidden("const sqlite = require('better-sqlite3');\nexport { sqlite };", 'player/display/src/example.ts');
    await assertAllowed("export const load = () => import('./RollingList.tsx');", 'player/display/src/example.ts');
  });

  it('exempts build config, which runs in Node, from the browser rules', async () => {
    await assertAllowed("import { fileURLToPath } from 'node:url';\nexport default fileURLToPath(import.meta.url);", 'player/display/vite.config.ts');
  });

  it('exempts tests and cli/ from the boundaries', async () => {
    await assertAllowed("import { app } from 'electron';\nimport { x } from '../controller/server/http/app.ts';\nconsole.log(app, x);", 'test/example.test.ts');
    await assertAllowed("import { readFileSync } from 'node:fs';\nconsole.log(readFileSync);", 'cli/example.mjs');
  });

  it('bans console.log and console.debug in shipped code, but not in tests', async () => {
    for (const file of ['shared/example.ts', 'controller/server/example.ts', 'player/core/example.ts', 'player/display/src/example.tsx']) {
      await assertForbidden("console.log('x');", file);
      await assertForbidden("console.debug('x');", file);
    }
    await assertAllowed("console.log('x');", 'test/unit/example.test.ts');
  });
});
