// Emergency queries: the override rows, their target screens and each screen's ack.

import type { Kysely, Selectable } from 'kysely';
import type { Database, EmergenciesTable } from '../../store/schema.ts';
import { reusableQuery } from '../../store/reusable-query.ts';

type Db = Kysely<Database>;
export type EmergencyRow = Selectable<EmergenciesTable>;

export async function insertEmergency(db: Db, row: EmergencyRow, screenIds: readonly string[], now: number): Promise<void> {
  await db.insertInto('emergencies').values(row).execute();
  // Chunks keep each INSERT far below SQLite's bound-parameter limit with a city's screens.
  for (let start = 0; start < screenIds.length; start += 500) {
    const rows = screenIds.slice(start, start + 500).map((screenId) => ({ emergencyId: row.id, screenId, addedAt: now, ackedAt: null }));
    await db.insertInto('emergencyScreens').values(rows).execute();
  }
}

export async function emergencyById(db: Db, id: string): Promise<EmergencyRow | undefined> {
  return db.selectFrom('emergencies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markEnded(db: Db, id: string, endedAt: number, endedBy: string, endSignedJson: string): Promise<boolean> {
  const result = await db.updateTable('emergencies').set({ endedAt, endedBy, endSignedJson }).where('id', '=', id).where('endedAt', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// Reusable (built once per database handle): both are read in every screen's greeting.
const activeEmergenciesQuery = reusableQuery((db: Db) => db.selectFrom('emergencies').selectAll().where('endedAt', 'is', null).orderBy('startedAt').orderBy('id'));
const endedForQuery = reusableQuery((db: Db, screenId: string, since: number, limit: number) =>
  db
    .selectFrom('emergencies')
    .innerJoin('emergencyScreens', 'emergencyScreens.emergencyId', 'emergencies.id')
    .select('emergencies.endSignedJson')
    .where('emergencyScreens.screenId', '=', screenId)
    .where('emergencies.endedAt', '>=', since)
    .orderBy('emergencies.endedAt', 'desc')
    .limit(limit),
);

export async function activeEmergencies(db: Db): Promise<EmergencyRow[]> {
  return activeEmergenciesQuery(db);
}

/** A screen that connects covered by an active emergency gets a row, so its ack has somewhere to go. */
export async function ensureTargetScreen(db: Db, emergencyId: string, screenId: string, now: number): Promise<void> {
  await db.insertInto('emergencyScreens').values({ emergencyId, screenId, addedAt: now, ackedAt: null }).onConflict((oc) => oc.columns(['emergencyId', 'screenId']).doNothing()).execute();
}

/** Signed ends of emergencies this screen was a target of, ended since `since`, newest first. */
export async function endedFor(db: Db, screenId: string, since: number, limit: number): Promise<string[]> {
  const rows = await endedForQuery(db, screenId, since, limit);
  return rows.flatMap((r) => (r.endSignedJson === null ? [] : [r.endSignedJson]));
}

/** Records the first ack only; a re-sent ack keeps the original time. */
export async function recordAck(db: Db, emergencyId: string, screenId: string, now: number): Promise<boolean> {
  const result = await db.updateTable('emergencyScreens').set({ ackedAt: now }).where('emergencyId', '=', emergencyId).where('screenId', '=', screenId).where('ackedAt', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function targetScreenIds(db: Db, emergencyId: string): Promise<string[]> {
  return (await db.selectFrom('emergencyScreens').select('screenId').where('emergencyId', '=', emergencyId).execute()).map((r) => r.screenId);
}

export async function recentEmergencies(db: Db, options: { activeOnly: boolean; limit: number }): Promise<EmergencyRow[]> {
  let query = db.selectFrom('emergencies').selectAll().orderBy('startedAt', 'desc').orderBy('id', 'desc').limit(options.limit);
  if (options.activeOnly) query = query.where('endedAt', 'is', null);
  return query.execute();
}

export async function screensOf(db: Db, emergencyIds: readonly string[]) {
  if (emergencyIds.length === 0) return [];
  return db
    .selectFrom('emergencyScreens')
    .innerJoin('screens', 'screens.id', 'emergencyScreens.screenId')
    .select(['emergencyScreens.emergencyId', 'emergencyScreens.screenId', 'screens.name', 'emergencyScreens.addedAt', 'emergencyScreens.ackedAt'])
    .where('emergencyScreens.emergencyId', 'in', emergencyIds)
    .orderBy('screens.name')
    .execute();
}
