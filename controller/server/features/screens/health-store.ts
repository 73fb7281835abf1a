// Queries for screen health: presence changes recorded once each, sampled heartbeats, reading and trimming their history.

import type { Kysely, Updateable } from 'kysely';
import { heartbeatSchema, type Heartbeat } from '../../../../shared/protocol/messages.ts';
import type { Database, ScreenPresence, ScreensTable } from '../../store/schema.ts';
import {
  HEARTBEAT_HISTORY_RETENTION_MS,
  MAX_HEARTBEAT_SAMPLES_PER_SCREEN,
  MAX_PRESENCE_CHANGES_PER_SCREEN,
  PRESENCE_HISTORY_RETENTION_MS,
  presenceChange,
  shouldKeepHeartbeat,
  silentSince,
} from './presence.ts';

type Db = Kysely<Database>;

/**
 * A stored heartbeat, through its schema again: one stored by an older controller gains the newer
 * fields as null instead of lacking them. Null if it no longer parses at all.
 */
export function parseStoredHeartbeat(json: string): Heartbeat | null {
  try {
    const parsed = heartbeatSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** What brought a screen online. */
export type SeenReason = 'connected' | 'heartbeat' | 'sync-applied';

/**
 * A sign of life: updates lastSeenAt (and `also`); the first one after silence marks the screen
 * online and records that change. Call inside a transaction so the two updates land together.
 */
export async function markSeen(trx: Db, screenId: string, now: number, reason: SeenReason, also: Updateable<ScreensTable> = {}): Promise<boolean> {
  await trx.updateTable('screens').set({ ...also, lastSeenAt: now }).where('id', '=', screenId).execute();
  // Conditional on the recorded presence, so two signs of life racing record one change.
  const changed = await trx.updateTable('screens').set({ presence: 'online', presenceChangedAt: now }).where('id', '=', screenId).where('presence', '=', 'offline').executeTakeFirst();
  if (Number(changed.numUpdatedRows) === 0) return false;
  await trx.insertInto('screenPresenceChanges').values({ screenId, at: now, presence: 'online', reason, lastSeenAt: now }).execute();
  return true;
}

/** Marks offline every online screen silent for offlineAfterMs, recording each change once; returns their ids. */
export async function markSilentScreensOffline(db: Db, now: number, offlineAfterMs: number): Promise<string[]> {
  const cutoff = silentSince(now, offlineAfterMs);
  return db.transaction().execute(async (trx) => {
    const candidates = await trx
      .selectFrom('screens')
      .select(['id', 'lastSeenAt', 'presence'])
      .where('presence', '=', 'online')
      .where((eb) => eb.or([eb('lastSeenAt', 'is', null), eb('lastSeenAt', '<=', cutoff)]))
      .execute();
    const marked: string[] = [];
    for (const screen of candidates) {
      if (presenceChange(screen.presence, screen.lastSeenAt, now, offlineAfterMs) !== 'offline') continue;
      const result = await trx.updateTable('screens').set({ presence: 'offline', presenceChangedAt: now }).where('id', '=', screen.id).where('presence', '=', 'online').executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) continue;
      // `at` is when the controller decided; lastSeenAt says when the silence began.
      await trx.insertInto('screenPresenceChanges').values({ screenId: screen.id, at: now, presence: 'offline', reason: 'silent', lastSeenAt: screen.lastSeenAt }).execute();
      marked.push(screen.id);
    }
    return marked;
  });
}

/** Adds the heartbeat to the history when the last kept one is at least sampleMs old. */
export async function keepHeartbeatSample(trx: Db, screenId: string, heartbeatJson: string, now: number, sampleMs: number): Promise<boolean> {
  const last = await trx.selectFrom('screenHeartbeats').select((eb) => eb.fn.max('at').as('at')).where('screenId', '=', screenId).executeTakeFirst();
  if (!shouldKeepHeartbeat(last?.at ?? null, now, sampleMs)) return false;
  await trx.insertInto('screenHeartbeats').values({ screenId, at: now, heartbeatJson }).execute();
  return true;
}

export interface PresenceChange {
  at: number;
  status: ScreenPresence;
  reason: string;
  lastSeenAt: number | null;
}

export interface HealthHistory {
  /** the presence recorded before `from`, or null if the history has nothing older */
  statusAtFrom: ScreenPresence | null;
  transitions: PresenceChange[];
  heartbeats: Array<{ at: number; heartbeat: Heartbeat | null }>;
  /** true when the window held more than the limit: the newest rows are returned */
  truncated: { transitions: boolean; heartbeats: boolean };
}

/** Presence changes and kept heartbeats with from ≤ at ≤ to, oldest first, newest `limit` of each. */
export async function readHealthHistory(db: Db, screenId: string, from: number, to: number, limit: { transitions: number; heartbeats: number }): Promise<HealthHistory> {
  const before = await db.selectFrom('screenPresenceChanges').select('presence').where('screenId', '=', screenId).where('at', '<', from).orderBy('at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const changes = await db
    .selectFrom('screenPresenceChanges')
    .select(['at', 'presence', 'reason', 'lastSeenAt'])
    .where('screenId', '=', screenId)
    .where('at', '>=', from)
    .where('at', '<=', to)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit.transitions + 1)
    .execute();
  const beats = await db
    .selectFrom('screenHeartbeats')
    .select(['at', 'heartbeatJson'])
    .where('screenId', '=', screenId)
    .where('at', '>=', from)
    .where('at', '<=', to)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit.heartbeats + 1)
    .execute();
  return {
    statusAtFrom: before?.presence ?? null,
    transitions: changes.slice(0, limit.transitions).reverse().map(({ presence, ...change }) => ({ ...change, status: presence })),
    heartbeats: beats.slice(0, limit.heartbeats).reverse().map((row) => ({ at: row.at, heartbeat: parseStoredHeartbeat(row.heartbeatJson) })),
    truncated: { transitions: changes.length > limit.transitions, heartbeats: beats.length > limit.heartbeats },
  };
}

/** Trims both histories to their retention and per-screen bounds; returns how many rows went. */
export async function pruneHealthHistory(db: Db, now: number): Promise<{ heartbeats: number; transitions: number }> {
  let heartbeats = Number((await db.deleteFrom('screenHeartbeats').where('at', '<', now - HEARTBEAT_HISTORY_RETENTION_MS).executeTakeFirst()).numDeletedRows);
  let transitions = Number((await db.deleteFrom('screenPresenceChanges').where('at', '<', now - PRESENCE_HISTORY_RETENTION_MS).executeTakeFirst()).numDeletedRows);
  // Per screen, only where over the bound: a grouped count on the (screen_id, at) index, then one delete each.
  const crowdedBeats = await db.selectFrom('screenHeartbeats').select('screenId').groupBy('screenId').having((eb) => eb.fn.countAll(), '>', MAX_HEARTBEAT_SAMPLES_PER_SCREEN).execute();
  for (const { screenId } of crowdedBeats) {
    const keep = db.selectFrom('screenHeartbeats').select('id').where('screenId', '=', screenId).orderBy('at', 'desc').orderBy('id', 'desc').limit(MAX_HEARTBEAT_SAMPLES_PER_SCREEN);
    heartbeats += Number((await db.deleteFrom('screenHeartbeats').where('screenId', '=', screenId).where('id', 'not in', keep).executeTakeFirst()).numDeletedRows);
  }
  const crowdedChanges = await db.selectFrom('screenPresenceChanges').select('screenId').groupBy('screenId').having((eb) => eb.fn.countAll(), '>', MAX_PRESENCE_CHANGES_PER_SCREEN).execute();
  for (const { screenId } of crowdedChanges) {
    const keep = db.selectFrom('screenPresenceChanges').select('id').where('screenId', '=', screenId).orderBy('at', 'desc').orderBy('id', 'desc').limit(MAX_PRESENCE_CHANGES_PER_SCREEN);
    transitions += Number((await db.deleteFrom('screenPresenceChanges').where('screenId', '=', screenId).where('id', 'not in', keep).executeTakeFirst()).numDeletedRows);
  }
  return { heartbeats, transitions };
}
