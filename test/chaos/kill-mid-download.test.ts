// Chaos: a player process killed with SIGKILL in the middle of a video download keeps no partial file as complete, resumes with Range on restart, and shows the video once it is whole.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { CACHE_FILE_NAME } from '../../player/core/cache/player-cache.ts';
import type { DisplayState } from '../../shared/display/display-state.ts';
import { fetchDisplayState } from '../support/entry-sets.ts';
import { startControllerHarness } from '../support/controller-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { startThrottledProxy } from '../support/throttled-proxy.ts';
import { waitFor } from '../support/wait-for.ts';

const CLI = join(import.meta.dirname, '..', '..', 'cli', 'gongshi.mjs');
const MB = 1024 * 1024;

interface PlayerProcess {
  child: ChildProcess;
  /** lines the player printed so far */
  lines: string[];
}

function startPlayerProcess(controllerUrl: string, dataDir: string): PlayerProcess {
  const child = spawn(process.execPath, [CLI, 'player', '--controller', controllerUrl, '--data', dataDir, '--display-port', '0'], {
    env: { ...process.env, GONGSHI_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));
  return { child, lines };
}

async function killed(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await exited;
}

const printed = (player: PlayerProcess, prefix: string) => waitFor(`the player to print "${prefix}"`, () => player.lines.find((l) => l.startsWith(prefix))?.slice(prefix.length).trim() ?? null, { timeoutMs: 20_000 });

async function stateOf(player: PlayerProcess): Promise<DisplayState> {
  return fetchDisplayState(await printed(player, 'display:'));
}

describe('a player killed mid-download', () => {
  it('resumes the download after a restart and never takes a partial file for a complete one', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const proxy = await startThrottledProxy(h.url);
    t.after(() => proxy.close());
    const running = new Set<ChildProcess>();
    t.after(async () => {
      for (const child of running) await killed(child, 'SIGKILL');
    });
    const dataDir = tempDir(t);

    let player = startPlayerProcess(proxy.url, dataDir);
    running.add(player.child);
    const code = await printed(player, 'pairing code:');
    const technician = await h.as('technician');
    assert.equal((await technician.request('POST', '/api/v1/screens/adopt', { pairingCode: code.split(' ')[0], name: '一号屏' })).status, 201);
    await waitFor('the first manifest on screen', async () => (await stateOf(player)).mode === 'playing');

    // A 24 MB video at 3 MB/s: about eight seconds of download to interrupt.
    const video = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(24 * MB - 12, 0x5a)]);
    video.writeUInt32BE(0xdeadbeef, 12 * MB);
    const sha256 = createHash('sha256').update(video).digest('hex');
    const operator = await h.as('operator');
    const uploaded = await operator.upload('/api/v1/content/media?title=诚信宣传片&durationSeconds=20', 'clip.mp4', video);
    assert.equal(uploaded.status, 201, JSON.stringify(uploaded.body));
    proxy.setRate(3 * MB);
    const approver = await h.as('approver');
    assert.equal((await approver.request('POST', `/api/v1/content/${uploaded.body.id}/approve`, {})).status, 200);

    const partial = join(dataDir, 'assets', '.partial', `${sha256}.part`);
    await waitFor('a few megabytes downloaded', () => existsSync(partial) && statSync(partial).size > 3 * MB, { timeoutMs: 20_000 });
    await killed(player.child, 'SIGKILL');
    running.delete(player.child);

    const keptBytes = statSync(partial).size;
    assert.ok(keptBytes < video.length, 'the download was not interrupted');
    assert.equal(existsSync(join(dataDir, 'assets', sha256)), false, 'a partial file was given its final name');
    const cache = new Database(join(dataDir, CACHE_FILE_NAME), { readonly: true });
    const indexed = cache.prepare<[string], { n: number }>('SELECT count(*) AS n FROM assets WHERE sha256 = ?').get(sha256);
    cache.close();
    assert.equal(indexed?.n, 0, 'the cache indexed a partial download');

    proxy.setRate(Infinity);
    const headsBefore = proxy.requestHeads().length;
    player = startPlayerProcess(proxy.url, dataDir);
    running.add(player.child);
    await waitFor('the video on screen', async () => {
      const state = await stateOf(player);
      return state.mode === 'playing' && state.timeline.some((item) => item.kind === 'video' && item.src.endsWith(sha256));
    }, { timeoutMs: 30_000 });

    const assetRequests = proxy.requestHeads().slice(headsBefore).filter((head) => head.startsWith(`get /assets/${sha256}`));
    assert.ok(assetRequests.length >= 1);
    const resumedFrom = Number(/\r\nrange: bytes=(\d+)-/.exec(assetRequests[0]!)?.[1]);
    assert.ok(resumedFrom > 0 && resumedFrom <= keptBytes, `the restarted player asked for ${assetRequests[0]!.split('\r\n').find((l) => l.startsWith('range')) ?? 'the whole file'}`);
    assert.equal(createHash('sha256').update(readFileSync(join(dataDir, 'assets', sha256))).digest('hex'), sha256);
    await killed(player.child, 'SIGTERM');
    running.delete(player.child);
  });
});
