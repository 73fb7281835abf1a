// Real player cores for tests: each with its own SQLite cache in a temp folder and its display
// server on a random loopback port, adopted through the controller's API like a real screen.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import type { DisplayState } from '../../shared/display/display-state.ts';
import { startPlayer, type Player, type PlayerOptions } from '../../player/core/player.ts';
import type { ApiClient } from './controller-harness.ts';
import { fetchDisplayState } from './entry-sets.ts';
import { waitFor } from './wait-for.ts';

export const DISPLAY_DIST = join(import.meta.dirname, '..', '..', 'player', 'display', 'dist');

export function requireBuiltDisplay(): string {
  if (!existsSync(join(DISPLAY_DIST, 'index.html'))) throw new Error(`${DISPLAY_DIST}/index.html is missing: run "npm run build" before the tests`);
  return DISPLAY_DIST;
}

export async function startTestPlayer(
  controllerUrl: string,
  dataDir: string,
  options: Pick<PlayerOptions, 'now' | 'heartbeatIntervalMs' | 'proofOfPlay' | 'assetBudgetBytes' | 'maxListAgeMs' | 'listConfirmIntervalMs'> = {},
): Promise<Player> {
  return startPlayer({
    controllerUrl,
    dataDir,
    displayPort: 0,
    displayStaticDir: requireBuiltDisplay(),
    logger: pino({ level: process.env.GONGSHI_TEST_LOG ?? 'silent' }),
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 60_000,
    ...(options.now ? { now: options.now } : {}),
    ...(options.proofOfPlay ? { proofOfPlay: options.proofOfPlay } : {}),
    ...(options.assetBudgetBytes !== undefined ? { assetBudgetBytes: options.assetBudgetBytes } : {}),
    ...(options.maxListAgeMs !== undefined ? { maxListAgeMs: options.maxListAgeMs } : {}),
    ...(options.listConfirmIntervalMs !== undefined ? { listConfirmIntervalMs: options.listConfirmIntervalMs } : {}),
  });
}

export async function adoptPlayer(player: Player, technician: ApiClient, name: string): Promise<string> {
  const code = await waitFor(`${name} to show a pairing code`, () => player.status().pairingCode);
  const response = await technician.request('POST', '/api/v1/screens/adopt', { pairingCode: code, name });
  if (response.status !== 201) throw new Error(`adopting ${name} failed: ${JSON.stringify(response.body)}`);
  await waitFor(`${name} to be paired`, () => player.status().paired && player.status().connected);
  return response.body.screenId as string;
}

/** What the display would show: the state from the player's loopback server, with every list's entries fetched. */
export async function displayState(player: Player): Promise<DisplayState> {
  return fetchDisplayState(player.displayUrl);
}

export function shownEntryIds(state: DisplayState): string[] {
  if (state.mode !== 'playing') return [];
  return state.timeline.flatMap((item) => (item.kind === 'list' ? item.entries.map((e) => e.id) : []));
}
