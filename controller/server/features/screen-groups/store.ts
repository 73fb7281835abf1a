// Screen-group queries: groups, their members, and a screen's groups.

import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { reusableQuery } from '../../store/reusable-query.ts';

type Db = Kysely<Database>;

export interface ScreenGroupRow {
  id: string;
  name: string;
  createdAt: number;
  createdBy: string;
}

export async function insertGroup(db: Db, group: ScreenGroupRow): Promise<void> {
  await db.insertInto('screenGroups').values(group).execute();
}

export async function groupByName(db: Db, name: string): Promise<ScreenGroupRow | undefined> {
  return db.selectFrom('screenGroups').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function renameGroup(db: Db, id: string, name: string): Promise<void> {
  await db.updateTable('screenGroups').set({ name }).where('id', '=', id).execute();
}

export async function groupById(db: Db, id: string): Promise<ScreenGroupRow | undefined> {
  return db.selectFrom('screenGroups').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listGroupsWithMembers(db: Db): Promise<Array<ScreenGroupRow & { screenIds: string[] }>> {
  const groups = await db.selectFrom('screenGroups').selectAll().orderBy('name').execute();
  const members = await db.selectFrom('screenGroupMembers').select(['groupId', 'screenId']).orderBy('screenId').execute();
  const byGroup = new Map<string, string[]>();
  for (const m of members) byGroup.set(m.groupId, [...(byGroup.get(m.groupId) ?? []), m.screenId]);
  return groups.map((g) => ({ ...g, screenIds: byGroup.get(g.id) ?? [] }));
}

export async function existingGroupIds(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('screenGroups').select('id').where('id', 'in', ids).execute()).map((r) => r.id);
}

export async function memberIds(db: Db, groupId: string): Promise<string[]> {
  return (await db.selectFrom('screenGroupMembers').select('screenId').where('groupId', '=', groupId).execute()).map((r) => r.screenId);
}

/** Replaces a group's members; call inside a transaction. */
export async function replaceMembers(db: Db, groupId: string, screenIds: readonly string[]): Promise<void> {
  await db.deleteFrom('screenGroupMembers').where('groupId', '=', groupId).execute();
  if (screenIds.length > 0) await db.insertInto('screenGroupMembers').values(screenIds.map((screenId) => ({ groupId, screenId }))).execute();
}

// Reusable: read in every screen's greeting.
const groupIdsOfScreenQuery = reusableQuery((db: Db, screenId: string) => db.selectFrom('screenGroupMembers').select('groupId').where('screenId', '=', screenId).orderBy('groupId'));

export async function groupIdsOfScreen(db: Db, screenId: string): Promise<string[]> {
  return (await groupIdsOfScreenQuery(db, screenId)).map((r) => r.groupId);
}

/** Of these ids, the screens that exist and are not revoked. */
export async function unrevokedScreenIds(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('screens').select('id').where('id', 'in', ids).where('revokedAt', 'is', null).execute()).map((r) => r.id);
}

/** Every paired, unrevoked screen with its groups, for deciding what a target covers. */
export async function activeScreensWithGroups(db: Db): Promise<Array<{ id: string; groupIds: string[] }>> {
  const screens = await db.selectFrom('screens').select('id').where('revokedAt', 'is', null).orderBy('id').execute();
  const members = await db.selectFrom('screenGroupMembers').select(['groupId', 'screenId']).execute();
  const byScreen = new Map<string, string[]>();
  for (const m of members) byScreen.set(m.screenId, [...(byScreen.get(m.screenId) ?? []), m.groupId]);
  return screens.map((s) => ({ id: s.id, groupIds: byScreen.get(s.id) ?? [] }));
}
