#!/usr/bin/env node
// Runs every test file under test/ with Node's test runner. Node 20's runner finds nothing
// when given no files, so the files are listed here explicitly.
// Usage: node test/run.mjs [path-substring ...]
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const suites = ['unit', 'integration', 'e2e', 'chaos'];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.test.ts') ? [path] : [];
  });
}

const filters = process.argv.slice(2);
const files = suites
  .flatMap((suite) => (existsSync(join(root, 'test', suite)) ? walk(join(root, 'test', suite)) : []))
  .map((f) => relative(root, f))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();

if (files.length === 0) {
  console.error('test/run.mjs: no test files matched');
  process.exit(1);
}

// The timeout applies to a whole file too: a console journey signs in several roles in a real
// Chromium and takes about a minute on two busy cores, so a file gets four.
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=240000', ...files],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
