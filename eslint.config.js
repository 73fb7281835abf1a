// ESLint flat config: typescript-eslint's recommended rules, and CONVENTIONS §1's runtime table
// enforced per folder, so that a file can only import what its runtime can run.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const SOURCE_FILES = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';

/**
 * CONVENTIONS §1. `packages`: bare specifiers banned, with their subpaths; `nodeBuiltins`: whether
 * `node:*` and bare builtins ('fs', 'path', ...) are banned; `folders`: repo folders the layer may
 * not reach. Build config (vite.config.ts) runs in Node whatever folder it sits in, so it is exempt.
 */
const LAYERS = [
  {
    folder: 'shared',
    runtime: 'any runtime, without I/O',
    nodeBuiltins: true,
    packages: ['electron', 'better-sqlite3', 'socket.io', 'socket.io-client', 'fastify', '@fastify', 'pino', 'react', 'react-dom'],
    folders: ['controller', 'player'],
    globals: globals['shared-node-browser'],
  },
  {
    folder: 'controller/server',
    runtime: 'Node (controller)',
    nodeBuiltins: false,
    packages: ['react', 'react-dom', 'electron'],
    folders: ['controller/console', 'player'],
    globals: globals.node,
  },
  {
    folder: 'controller/console',
    runtime: 'the browser (operator console)',
    nodeBuiltins: true,
    packages: ['better-sqlite3', 'electron', 'fastify', '@fastify', 'socket.io'],
    // player/display is browser code too: the slide editor's live preview renders the display's
    // own components, so what an operator sees is what a screen will show.
    folders: ['controller/server', 'player/core', 'player/electron'],
    globals: globals.browser,
  },
  {
    folder: 'player/core',
    runtime: 'Node (player core, also inside Electron main)',
    nodeBuiltins: false,
    packages: ['electron', 'react', 'react-dom'],
    folders: ['controller', 'player/display', 'player/electron'],
    globals: globals.node,
  },
  {
    folder: 'player/display',
    runtime: 'the browser (kiosk window)',
    nodeBuiltins: true,
    packages: ['better-sqlite3', 'socket.io-client', 'electron', 'fastify', '@fastify', 'socket.io'],
    folders: ['controller', 'player/core', 'player/electron'],
    globals: globals.browser,
  },
  {
    folder: 'player/electron',
    runtime: 'Electron main / preload',
    nodeBuiltins: false,
    packages: ['react', 'react-dom'],
    folders: ['controller', 'player/display'],
    globals: globals.node,
  },
];

const BUILD_CONFIG_FILES = ['**/vite.config.*'];
const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const toPosix = (p) => p.split(path.sep).join('/');

function isNodeBuiltin(specifier) {
  return specifier.startsWith('node:') || NODE_BUILTINS.includes(specifier);
}

function isBannedPackage(specifier, packages) {
  return packages.some((name) => specifier === name || specifier.startsWith(`${name}/`));
}

/** The repo-relative folder an import lands in, or null for a package. */
function repoPathOf(specifier, importingFile) {
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
    return toPosix(path.relative(ROOT, path.resolve(path.dirname(importingFile), specifier)));
  }
  // Bare 'controller/...', 'player/...' only resolve through a path alias; treat them as repo paths.
  return /^(controller|player|shared)(\/|$)/.test(specifier) ? specifier : null;
}

function bannedFolderOf(specifier, importingFile, folders) {
  const target = repoPathOf(specifier, importingFile);
  if (target === null) return null;
  return folders.find((folder) => target === folder || target.startsWith(`${folder}/`)) ?? null;
}

function restrictedImportsFor(layer) {
  const where = `in ${layer.folder}/, which runs in ${layer.runtime} (CONVENTIONS §1).`;
  const paths = layer.packages.filter((name) => !name.startsWith('@')).map((name) => ({ name, message: `'${name}' is not allowed ${where}` }));
  const patterns = [
    {
      regex: `^(${layer.packages.map(escapeRegExp).join('|')})/`,
      message: `${layer.packages.join(', ')} and their subpaths are not allowed ${where}`,
    },
  ];
  if (layer.nodeBuiltins) {
    paths.push(...NODE_BUILTINS.map((name) => ({ name, message: `Node's '${name}' is not allowed ${where}` })));
    patterns.push({ regex: '^node:', message: `Node built-ins are not allowed ${where}` });
  }
  return ['error', { paths, patterns }];
}

/**
 * no-restricted-imports matches specifier text, so it cannot tell '../core/sync.ts' written in
 * player/display (a breach) from the same text written in controller/server/features/ (fine), nor
 * see import() calls. This rule resolves every relative specifier against the importing file and
 * checks where it lands, and applies the package bans to import() and require() too.
 */
const runtimeBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep each folder to the imports its runtime allows (CONVENTIONS §1).' },
    schema: [{ type: 'object', properties: { layer: { type: 'string' } }, required: ['layer'], additionalProperties: false }],
    messages: {
      folder: "'{{specifier}}' reaches {{target}}/, which {{layer}}/ may not import: {{layer}}/ runs in {{runtime}} (CONVENTIONS §1).",
      dynamic: "'{{specifier}}' is not allowed in {{layer}}/, which runs in {{runtime}} (CONVENTIONS §1).",
    },
  },
  create(context) {
    const layer = LAYERS.find((l) => l.folder === context.options[0].layer);
    const check = (sourceNode, isDynamic) => {
      if (!sourceNode) return;
      let specifier;
      if (sourceNode.type === 'Literal' && typeof sourceNode.value === 'string') specifier = sourceNode.value;
      else if (sourceNode.type === 'TemplateLiteral' && sourceNode.expressions.length === 0) specifier = sourceNode.quasis[0].value.cooked;
      else return;
      const data = { specifier, layer: layer.folder, runtime: layer.runtime };
      const target = bannedFolderOf(specifier, context.filename, layer.folders);
      if (target !== null) {
        context.report({ node: sourceNode, messageId: 'folder', data: { ...data, target } });
      } else if (isDynamic && (isBannedPackage(specifier, layer.packages) || (layer.nodeBuiltins && isNodeBuiltin(specifier)))) {
        context.report({ node: sourceNode, messageId: 'dynamic', data });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source, false),
      ExportAllDeclaration: (node) => check(node.source, false),
      ExportNamedDeclaration: (node) => check(node.source, false),
      ImportExpression: (node) => check(node.source, true),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0], true);
      },
    };
  },
};

const gongshiPlugin = { meta: { name: 'gongshi' }, rules: { 'runtime-boundaries': runtimeBoundaries } };

export default defineConfig([
  globalIgnores(['**/node_modules/', '**/dist/', 'player/display/dist/', '.gongshi/', 'test-results/']),

  { files: [SOURCE_FILES], extends: [js.configs.recommended] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },

  // Scripts, tests, build config and this file run in Node; the layers below set their own globals.
  {
    files: [SOURCE_FILES],
    ignores: ['shared/**', 'controller/console/**', 'player/display/**'],
    languageOptions: { globals: globals.node },
  },
  { files: BUILD_CONFIG_FILES, languageOptions: { globals: globals.node } },

  ...LAYERS.map((layer) => ({
    name: `gongshi/runtime-boundaries/${layer.folder}`,
    files: [`${layer.folder}/${SOURCE_FILES}`],
    ignores: BUILD_CONFIG_FILES,
    languageOptions: { globals: layer.globals },
    plugins: { gongshi: gongshiPlugin },
    rules: {
      'no-restricted-imports': restrictedImportsFor(layer),
      'gongshi/runtime-boundaries': ['error', { layer: layer.folder }],
    },
  })),

  // Shipped code logs through pino (CONVENTIONS §7); tests and cli/ may print.
  {
    files: [`controller/${SOURCE_FILES}`, `player/${SOURCE_FILES}`, `shared/${SOURCE_FILES}`],
    ignores: BUILD_CONFIG_FILES,
    rules: { 'no-console': 'error' },
  },

  // Tests read loosely typed JSON answers from the API; `any` there keeps assertions readable.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
]);
