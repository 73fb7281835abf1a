// A player cache that already holds the synced list: a controller seeded with N approved entries
// (written straight into its store, as the fan-out bench does, since importing 100,000 rows is the
// import bench's subject), one real player core adopted and synced from it, then both closed.

import { join } from 'node:path';
import pino from 'pino';
import { startController } from '../../../controller/server/controller.ts';
import type { Player } from '../../../player/core/player.ts';
import { ApiClient } from '../../support/controller-harness.ts';
import { adoptPlayer, displayState, shownEntryIds, startTestPlayer } from '../../support/player-harness.ts';
import { waitFor } from '../../support/wait-for.ts';
import { BENCH_PASSWORD, seedFleet } from '../fanout/fleet-seed.ts';

export interface WarmPlayerCache {
  /** the player's data folder: its SQLite cache, identity and pinned key */
  playerDir: string;
  /** where the controller was; nothing listens there any more */
  controllerUrl: string;
  /** writing the entries and the first publish into the controller's store */
  seedMs: number;
  /** from starting the player core to its display state holding every entry (pairing included) */
  initialSyncMs: number;
}

/** A screen's first sync pulls the whole list page by page; far above what 100,000 entries take. */
const INITIAL_SYNC_TIMEOUT_MS = 600_000;

export async function warmPlayerCache(dir: string, entries: number): Promise<WarmPlayerCache> {
  const controllerDir = join(dir, 'controller');
  const playerDir = join(dir, 'player');
  const { seedMs } = await seedFleet(controllerDir, { entries, screens: 0 });
  const controller = await startController({ dataDir: controllerDir, port: 0, logger: pino({ level: process.env.GONGSHI_BENCH_LOG ?? 'silent' }) });
  let player: Player | null = null;
  try {
    const technician = new ApiClient(controller.url);
    const login = await technician.login('technician', BENCH_PASSWORD);
    if (login.status !== 200) throw new Error(`technician login failed: ${login.status}`);
    const version = (await controller.context.publisher.latestManifest())?.payload.version ?? 0;
    const started = performance.now();
    const syncing = await startTestPlayer(controller.url, playerDir);
    player = syncing;
    await adoptPlayer(syncing, technician, '显示基准屏');
    await waitFor(`the player to apply manifest v${version}`, () => syncing.status().manifestVersion >= version, { timeoutMs: INITIAL_SYNC_TIMEOUT_MS, intervalMs: 200 });
    const shown = shownEntryIds(await displayState(syncing)).length;
    const initialSyncMs = Math.round(performance.now() - started);
    if (shown !== entries) throw new Error(`the synced player shows ${shown} entries, not ${entries}`);
    return { playerDir, controllerUrl: controller.url, seedMs, initialSyncMs };
  } finally {
    await player?.close();
    await controller.close();
  }
}
