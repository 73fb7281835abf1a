// Builds the heartbeat the player sends every 30 s: what is on screen and how the machine is doing.

import { statfs } from 'node:fs/promises';
import type { Heartbeat } from '../../../shared/protocol/messages.ts';

export const DEFAULT_HEARTBEAT_INTERVAL_MS = 30_000;

export interface HeartbeatInput {
  sentAt: number;
  onScreen: string | null;
  manifestVersion: number;
  listRevision: number;
  cacheBytes: number;
  diskFreeBytes: number | null;
  resolution: string | null;
  appVersion: string;
  clockOffsetMs: number;
  lastError: string | null;
}

/** Pure apart from the process figures, which are passed in so tests can pin them. */
export function buildHeartbeat(input: HeartbeatInput, process_: { rssBytes: number; uptimeSeconds: number }): Heartbeat {
  return {
    sentAt: input.sentAt,
    onScreen: input.onScreen === null ? null : input.onScreen.slice(0, 200),
    manifestVersion: input.manifestVersion,
    listRevision: input.listRevision,
    cacheBytes: Math.max(0, input.cacheBytes),
    diskFreeBytes: input.diskFreeBytes,
    memoryRssBytes: process_.rssBytes,
    uptimeSeconds: Math.floor(process_.uptimeSeconds),
    resolution: input.resolution === null ? null : input.resolution.slice(0, 40),
    appVersion: input.appVersion.slice(0, 40),
    clockOffsetMs: input.clockOffsetMs,
    lastError: input.lastError === null ? null : input.lastError.slice(0, 500),
  };
}

/** Free bytes on the disk holding the cache; null where statfs is unavailable or fails. */
export async function diskFreeBytes(path: string): Promise<number | null> {
  if (typeof statfs !== 'function') return null;
  try {
    const stats = await statfs(path);
    return Number(stats.bavail) * Number(stats.bsize);
  } catch {
    return null;
  }
}
