// Child process: a few FULL player cores (SQLite cache, signature check, list digest, display
// server), adopted through the API like real screens, whose timings the bench reports beside the
// thin clients' to show that the simulation behaves like the real thing. They pull the whole list
// once before the fleet connects, are parked (closed, caches kept), and resumed for their rounds,
// so that installing them does not disturb the fleet's figures.

import { join } from 'node:path';
import type { Player } from '../../../player/core/player.ts';
import { ApiClient } from '../../support/controller-harness.ts';
import { adoptPlayer, startTestPlayer } from '../../support/player-harness.ts';
import { BENCH_PASSWORD } from './fleet-seed.ts';
import { serveParent, type FullPlayerCommand, type FullPlayerReply } from './ipc.ts';
import { monotonicMs, sleep } from './stats.ts';

interface Watched {
  player: Player;
  /** manifest versions the player switched to since the mark, with when */
  applied: Array<{ version: number; at: number }>;
}

let watched: Watched[] = [];
let playerDirs: string[] = [];

async function startWatched(url: string, dataDir: string): Promise<Watched> {
  const player = await startTestPlayer(url, dataDir, { heartbeatIntervalMs: 30_000 });
  const entry: Watched = { player, applied: [] };
  // The status changes right after the atomic switch, just before the ack leaves.
  player.onStatusChange((status) => {
    if (!entry.applied.some((a) => a.version === status.manifestVersion)) entry.applied.push({ version: status.manifestVersion, at: monotonicMs() });
  });
  watched.push(entry);
  return entry;
}

async function waitForVersion(version: number, timeoutMs: number): Promise<Watched[]> {
  const deadline = Date.now() + timeoutMs;
  const done = (w: Watched): boolean => w.applied.some((a) => a.version >= version);
  while (watched.some((w) => !done(w)) && Date.now() < deadline) await sleep(20);
  return watched.filter((w) => !done(w));
}

serveParent<FullPlayerCommand, FullPlayerReply>(async (command, reply) => {
  switch (command.type) {
    case 'start': {
      const technician = new ApiClient(command.url);
      const login = await technician.login('technician', BENCH_PASSWORD);
      if (login.status !== 200) throw new Error(`technician login failed: ${login.status}`);
      const started = monotonicMs();
      const screenIds: string[] = [];
      playerDirs = Array.from({ length: command.count }, (_, i) => join(command.dataDir, `full-player-${i}`));
      for (const [i, dir] of playerDirs.entries()) {
        const { player } = await startWatched(command.url, dir);
        screenIds.push(await adoptPlayer(player, technician, `完整播放器 ${i + 1}`));
      }
      // The first sync pulls the whole list, page by page, as a newly installed screen does.
      const late = await waitForVersion(command.manifestVersion, 600_000);
      if (late.length > 0) throw new Error(`${late.length} full player(s) never reached manifest v${command.manifestVersion}`);
      return reply({ type: 'started', screenIds, initialSyncMs: Math.round(monotonicMs() - started) });
    }
    case 'park':
      await Promise.all(watched.map((w) => w.player.close()));
      watched = [];
      return reply({ type: 'parked' });
    case 'resume': {
      for (const dir of playerDirs) await startWatched(command.url, dir);
      const late = await waitForVersion(command.manifestVersion, 600_000);
      if (late.length > 0) throw new Error(`${late.length} full player(s) never caught up with manifest v${command.manifestVersion}`);
      return reply({ type: 'resumed' });
    }
    case 'mark':
      for (const w of watched) w.applied = [];
      return reply({ type: 'marked' });
    case 'await': {
      const missing = await waitForVersion(command.version, command.timeoutMs);
      const appliedAt = watched.flatMap((w) => w.applied.find((a) => a.version >= command.version)?.at ?? []);
      return reply({ type: 'awaited', appliedAt, missing: missing.length });
    }
    case 'stop':
      await Promise.all(watched.map((w) => w.player.close()));
      watched = [];
      reply({ type: 'stopped' });
      process.exit(0);
  }
});
