// Queries for screen health: presence changes recorded once each, sampled heartbeats, reading and trimming their history.

import type { Kysely, Updateable } from 'kysely';
import { heartbeatSchema, type Heartbeat } from '../../../../shared/protocol/messages.ts';
import type { Database, ScreenPresence, ScreensTable } from '../../store/schema.ts';
import { chunks } from '../../store/chunks.ts';
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

/** One sign of life from a screen, as the hub hears it. */
export interface SignOfLife {
  screenId: string;
  now: number;
  reason: SeenReason;
  /** columns the sign also sets (the versions a screen applied, its latest heartbeat) */
  also?: Updateable<ScreensTable>;
  /** a heartbeat to keep in the history when the last kept one is at least sampleMs old */
  heartbeatSample?: { json: string; sampleMs: number };
}


interface ScreenSigns {
  first: SignOfLife;
  lastSeenAt: number;
  also: Updateable<ScreensTable>;
  samples: SignOfLife[];
}

/**
 * Signs of life, in arrival order, written together: lastSeenAt and what they set, one statement
 * for all screens that set the same (a publish's sync:applied from a whole fleet), then the first
 * one after silence marks its screen online and records that change. Call inside a transaction.
 */
export async function markSeenBatch(trx: Db, signs: readonly SignOfLife[]): Promise<void> {
  const byScreen = new Map<string, ScreenSigns>();
  for (const sign of signs) {
    const known = byScreen.get(sign.screenId);
    // Later signs overwrite earlier ones, as one UPDATE each in this order would have.
    if (known) {
      known.lastSeenAt = Math.max(known.lastSeenAt, sign.now);
      Object.assign(known.also, sign.also);
    } else byScreen.set(sign.screenId, { first: sign, lastSeenAt: sign.now, also: { ...sign.also }, samples: [] });
    if (sign.heartbeatSample) byScreen.get(sign.screenId)?.samples.push(sign);
  }
  const alike = new Map<string, { set: Updateable<ScreensTable>; ids: string[] }>();
  for (const [screenId, screen] of byScreen) {
    const set = { ...screen.also, lastSeenAt: screen.lastSeenAt };
    const key = JSON.stringify(set);
    const group = alike.get(key) ?? { set, ids: [] };
    group.ids.push(screenId);
    alike.set(key, group);
  }
  for (const { set, ids } of alike.values()) {
    for (const chunk of chunks(ids)) await trx.updateTable('screens').set(set).where('id', 'in', chunk).execute();
  }
  for (const chunk of chunks([...byScreen.keys()])) {
    const offline = await trx.selectFrom('screens').select('id').where('id', 'in', chunk).where('presence', '=', 'offline').execute();
    for (const { id } of offline) {
      const { first } = byScreen.get(id) as ScreenSigns;
      // Conditional on the recorded presence, so two signs of life racing record one change.
      const changed = await trx.updateTable('screens').set({ presence: 'online', presenceChangedAt: first.now }).where('id', '=', id).where('presence', '=', 'offline').executeTakeFirst();
      if (Number(changed.numUpdatedRows) === 0) continue;
      await trx.insertInto('screenPresenceChanges').values({ screenId: id, at: first.now, presence: 'online', reason: first.reason, lastSeenAt: first.now }).execute();
    }
  }
  await keepHeartbeatSamples(trx, [...byScreen.values()].flatMap((screen) => screen.samples));
}

/** Adds each heartbeat to the history when the last kept one of its screen is at least sampleMs old: one read of the last kept times, one insert. */
async function keepHeartbeatSamples(trx: Db, signs: readonly SignOfLife[]): Promise<void> {
  if (signs.length === 0) return;
  const lastKept = new Map<string, number>();
  for (const chunk of chunks([...new Set(signs.map((s) => s.screenId))])) {
    const rows = await trx.selectFrom('screenHeartbeats').select(['screenId', (eb) => eb.fn.max('at').as('at')]).where('screenId', 'in', chunk).groupBy('screenId').execute();
    for (const row of rows) if (row.at !== null) lastKept.set(row.screenId, Number(row.at));
  }
  const kept: Array<{ screenId: string; at: number; heartbeatJson: string }> = [];
  for (const sign of signs) {
    if (!sign.heartbeatSample || !shouldKeepHeartbeat(lastKept.get(sign.screenId) ?? null, sign.now, sign.heartbeatSample.sampleMs)) continue;
    kept.push({ screenId: sign.screenId, at: sign.now, heartbeatJson: sign.heartbeatSample.json });
    lastKept.set(sign.screenId, sign.now);
  }
  // 3 columns a row keeps a chunk far below the bound-variable limit.
  for (let i = 0; i < kept.length; i += 300) await trx.insertInto('screenHeartbeats').values(kept.slice(i, i + 300)).execute();
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
