// Screen groups: create, rename, set members (audited), and what a screen's groups are.

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError, conflict, notFound } from '../../errors.ts';
import type { Database } from '../../store/schema.ts';
import { appendAuditEvent } from '../audit/store.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

export const SCREEN_GROUP_NAME_MAX = 100;
/** A city's fleet is thousands of screens; one group holding more is a mistake, not a plan. */
export const MAX_SCREENS_PER_GROUP = 5_000;

export const listScreenGroups = (db: Db) => store.listGroupsWithMembers(db);
export const screenGroupIdsOf = (db: Db, screenId: string) => store.groupIdsOfScreen(db, screenId);
export const activeScreensWithGroups = (db: Db) => store.activeScreensWithGroups(db);

export async function createScreenGroup(db: Db, input: { name: string; actorId: string; now: number }): Promise<{ id: string; name: string }> {
  const name = checkedName(input.name);
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    if (await store.groupByName(trx, name)) throw conflict('screen-groups.name-taken', `分组「${name}」已存在 (a group with this name exists)`, { name });
    await store.insertGroup(trx, { id, name, createdAt: input.now, createdBy: input.actorId });
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.actorId}`, action: 'screen-group.create', target: `screen-group:${id}`, details: { name } });
  });
  return { id, name };
}

function checkedName(raw: string): string {
  const name = raw.trim();
  if (name === '' || name.length > SCREEN_GROUP_NAME_MAX) throw new AppError('screen-groups.bad-name', `分组名称须为 1–${SCREEN_GROUP_NAME_MAX} 个字符 (group name must be 1–${SCREEN_GROUP_NAME_MAX} characters)`);
  return name;
}

/** Renames a group; schedules and emergencies name groups by id, so nothing else changes. */
export async function renameScreenGroup(db: Db, input: { groupId: string; name: string; actorId: string; now: number }): Promise<{ id: string; name: string }> {
  const name = checkedName(input.name);
  await db.transaction().execute(async (trx) => {
    const group = await store.groupById(trx, input.groupId);
    if (!group) throw notFound('screen-groups', input.groupId);
    if (group.name === name) return;
    const holder = await store.groupByName(trx, name);
    if (holder) throw conflict('screen-groups.name-taken', `分组「${name}」已存在 (a group with this name exists)`, { name });
    await store.renameGroup(trx, input.groupId, name);
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.actorId}`, action: 'screen-group.rename', target: `screen-group:${input.groupId}`, details: { from: group.name, to: name } });
  });
  return { id: input.groupId, name };
}

/** Every id must be a known group; says which are not. */
export async function assertGroupsExist(db: Db, groupIds: readonly string[]): Promise<void> {
  const known = new Set(await store.existingGroupIds(db, groupIds));
  const unknown = groupIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new AppError('screen-groups.unknown', `分组不存在 (unknown screen groups: ${unknown.join(', ')})`, { groupIds: unknown }, 404);
}

/** Sets a group's members to exactly these screens; returns the screens whose groups changed. */
export async function setScreenGroupMembers(db: Db, input: { groupId: string; screenIds: readonly string[]; actorId: string; now: number }): Promise<{ screenIds: string[]; changed: string[] }> {
  const wanted = [...new Set(input.screenIds)].sort();
  if (wanted.length > MAX_SCREENS_PER_GROUP) throw new AppError('screen-groups.too-many', `一个分组最多 ${MAX_SCREENS_PER_GROUP} 块屏幕 (at most ${MAX_SCREENS_PER_GROUP} screens per group)`);
  return db.transaction().execute(async (trx) => {
    if ((await store.existingGroupIds(trx, [input.groupId])).length === 0) throw notFound('screen-groups', input.groupId);
    const valid = new Set(await store.unrevokedScreenIds(trx, wanted));
    const invalid = wanted.filter((id) => !valid.has(id));
    if (invalid.length > 0) throw new AppError('screen-groups.unknown-screens', `屏幕不存在或已注销 (unknown or revoked screens: ${invalid.join(', ')})`, { screenIds: invalid }, 404);
    const before = new Set(await store.memberIds(trx, input.groupId));
    await store.replaceMembers(trx, input.groupId, wanted);
    const changed = [...new Set([...before, ...wanted])].filter((id) => before.has(id) !== valid.has(id)).sort();
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.actorId}`, action: 'screen-group.set-screens', target: `screen-group:${input.groupId}`, details: { screenIds: wanted, changed } });
    return { screenIds: wanted, changed };
  });
}
