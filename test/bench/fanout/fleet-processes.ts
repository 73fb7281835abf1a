// The fan-out bench's children as the orchestrator drives them: client processes sharing the
// simulated screens, the controller in a process of its own, the floor server, full players.

import { createServer } from 'node:net';
import { join } from 'node:path';
import { ChildLink, forkTs, type AckReport, type ClientCommand, type ClientReply, type ControllerCommand, type ControllerReply, type FloorCommand, type FloorReply, type FullPlayerCommand, type FullPlayerReply } from './ipc.ts';
import { append, monotonicMs } from './stats.ts';

const HERE = import.meta.dirname;
export const LONG_MS = 900_000;

export type ClientLink = ChildLink<ClientCommand, ClientReply>;
export type ControllerLink = ChildLink<ControllerCommand, ControllerReply>;
export type FloorLink = ChildLink<FloorCommand, FloorReply>;
export type FullPlayerLink = ChildLink<FullPlayerCommand, FullPlayerReply>;

export function progress(message: string): void {
  process.stderr.write(`[fanout] ${message}\n`);
}

export function startClientProcesses(count: number): ClientLink[] {
  return Array.from({ length: count }, (_, i) => new ChildLink<ClientCommand, ClientReply>(forkTs(join(HERE, 'client-process.ts'), []), `client process ${i + 1}`));
}

export function startFloorProcess(): FloorLink {
  return new ChildLink<FloorCommand, FloorReply>(forkTs(join(HERE, 'floor-server-process.ts'), []), 'floor server');
}

export function startFullPlayerProcess(): FullPlayerLink {
  return new ChildLink<FullPlayerCommand, FullPlayerReply>(forkTs(join(HERE, 'full-player-process.ts'), []), 'full players');
}

export interface StartedController {
  link: ControllerLink;
  ready: Extract<ControllerReply, { type: 'ready' }>;
  /** from fork to listening, including tsx's start-up and the controller's start-up publish */
  restartMs: number;
}

export async function startControllerProcess(dataDir: string, port: number): Promise<StartedController> {
  const forkedAt = monotonicMs();
  const link = new ChildLink<ControllerCommand, ControllerReply>(forkTs(join(HERE, 'controller-process.ts'), [JSON.stringify({ dataDir, port })], ['--expose-gc']), 'controller');
  const ready = await link.next('ready', LONG_MS);
  return { link, ready, restartMs: Math.round(monotonicMs() - forkedAt) };
}

/** A free loopback port, so that the restarted controller comes back where its screens dial. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Splits items into `parts` near-equal contiguous shares. */
export function shares<T>(items: readonly T[], parts: number): T[][] {
  const size = Math.ceil(items.length / parts);
  return Array.from({ length: parts }, (_, i) => items.slice(i * size, (i + 1) * size));
}

export async function markAll(clients: readonly ClientLink[]): Promise<void> {
  await Promise.all(clients.map((c) => c.request({ type: 'mark' }, 'marked', 60_000)));
}

/** Every client process's report once all its screens acked `version` (or the timeout), merged. */
export async function awaitAll(clients: readonly ClientLink[], version: number, timeoutMs: number): Promise<AckReport> {
  const replies = await Promise.all(clients.map((c) => c.request({ type: 'await', version, timeoutMs }, 'awaited', timeoutMs + 60_000)));
  const merged: AckReport = { ackedAt: [], takedownAt: [], connectedAt: [], bytesDown: [], bytesUp: [], missing: 0, syncFailures: 0, connectErrors: [] };
  for (const { report } of replies) {
    append(merged.ackedAt, report.ackedAt);
    append(merged.takedownAt, report.takedownAt);
    append(merged.connectedAt, report.connectedAt);
    append(merged.bytesDown, report.bytesDown);
    append(merged.bytesUp, report.bytesUp);
    merged.missing += report.missing;
    merged.syncFailures += report.syncFailures;
    append(merged.connectErrors, report.connectErrors);
  }
  return merged;
}
