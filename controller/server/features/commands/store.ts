// Screen-command queries: create, pick pending ones for a connection, move them through their statuses, read history, retire old screenshots.

import { sql, type Kysely, type Selectable } from 'kysely';
import type { CommandKind, CommandStatus } from '../../../../shared/protocol/commands.ts';
import type { Database, ScreenCommandsTable } from '../../store/schema.ts';
import { reusableQuery } from '../../store/reusable-query.ts';

export type ScreenCommandRow = Selectable<ScreenCommandsTable>;

export async function insertCommand(db: Kysely<Database>, row: { id: string; screenId: string; kind: CommandKind; requestedBy: string; requestedAt: number; expiresAt: number }): Promise<void> {
  await db.insertInto('screenCommands').values({ ...row, status: 'queued', sentAt: null, completedAt: null, resultJson: null, errorCode: null, errorMessage: null, screenshotSha256: null, screenshotBytes: null }).execute();
}

export async function findCommand(db: Kysely<Database>, id: string): Promise<ScreenCommandRow | undefined> {
  return db.selectFrom('screenCommands').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Commands a connection should carry, oldest first: queued ones, and sent ones whose connection is gone. */
// Reusable (built once per database handle): asked on every screen's connect.
const undeliveredCommandsQuery = reusableQuery((db: Kysely<Database>, screenId: string, limit: number) =>
  db.selectFrom('screenCommands').selectAll().where('screenId', '=', screenId).where('status', 'in', ['queued', 'sent']).orderBy('requestedAt').orderBy('id').limit(limit),
);

export async function undeliveredCommands(db: Kysely<Database>, screenId: string, limit: number): Promise<ScreenCommandRow[]> {
  return undeliveredCommandsQuery(db, screenId, limit);
}

/** Marks a command as out on a connection; returns the attempt number, or null if it was no longer deliverable. */
export async function markSent(db: Kysely<Database>, id: string, now: number): Promise<number | null> {
  const row = await db
    .updateTable('screenCommands')
    .set((eb) => ({ status: 'sent', sentAt: now, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'sent'])
    .returning('attempts')
    .executeTakeFirst();
  return row?.attempts ?? null;
}

/**
 * Records the end of a command once: only while it is out on the same attempt, so a second ack, a
 * late timeout or an old connection's answer changes nothing. Returns whether this call recorded it.
 */
export async function completeCommand(
  db: Kysely<Database>,
  id: string,
  attempt: number,
  end: { status: Extract<CommandStatus, 'succeeded' | 'failed'>; at: number; resultJson: string | null; errorCode: string | null; errorMessage: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('screenCommands')
    .set({ status: end.status, completedAt: end.at, resultJson: end.resultJson, errorCode: end.errorCode, errorMessage: end.errorMessage })
    .where('id', '=', id)
    .where('status', '=', 'sent')
    .where('attempts', '=', attempt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function requeueCommand(db: Kysely<Database>, id: string, attempt: number): Promise<boolean> {
  const result = await db.updateTable('screenCommands').set({ status: 'queued' }).where('id', '=', id).where('status', '=', 'sent').where('attempts', '=', attempt).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Expires one command still waiting; returns whether it did. */
export async function expireCommand(db: Kysely<Database>, id: string, now: number): Promise<boolean> {
  const result = await db.updateTable('screenCommands').set({ status: 'expired', completedAt: now }).where('id', '=', id).where('status', '=', 'queued').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Queued commands of a screen past their expiry, for the history to mark. */
export async function expiredQueued(db: Kysely<Database>, screenId: string, now: number): Promise<ScreenCommandRow[]> {
  return db.selectFrom('screenCommands').selectAll().where('screenId', '=', screenId).where('status', '=', 'queued').where('expiresAt', '<=', now).execute();
}

export async function attachScreenshot(db: Kysely<Database>, id: string, sha256: string, bytes: number): Promise<void> {
  await db.updateTable('screenCommands').set({ screenshotSha256: sha256, screenshotBytes: bytes }).where('id', '=', id).where('status', '=', 'sent').execute();
}

export async function commandHistory(db: Kysely<Database>, screenId: string, limit: number, before?: { requestedAt: number; id: string }): Promise<ScreenCommandRow[]> {
  let query = db.selectFrom('screenCommands').selectAll().where('screenId', '=', screenId);
  if (before) query = query.where((eb) => eb.or([eb('requestedAt', '<', before.requestedAt), eb.and([eb('requestedAt', '=', before.requestedAt), eb('id', '<', before.id)])]));
  return query.orderBy('requestedAt', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export interface StoredScreenshot {
  id: string;
  screenId: string;
  screenshotSha256: string;
}

/**
 * Screenshots past the retention: taken before `olderThan`, or beyond the newest `keepPerScreen` of
 * their screen. Never one whose command is still out on a connection ('sent'): its upload or its
 * answer may yet arrive. Oldest first, at most `limit`.
 */
export async function screenshotsPastRetention(db: Kysely<Database>, input: { keepPerScreen: number; olderThan: number; limit: number }): Promise<StoredScreenshot[]> {
  // Window functions are in SQLite (3.25+) and PostgreSQL alike.
  const ranked = db
    .selectFrom('screenCommands')
    .select(['id', 'screenId', 'status', 'requestedAt', 'screenshotSha256'])
    .select(sql<number>`row_number() over (partition by screen_id order by requested_at desc, id desc)`.as('newness'))
    .where('screenshotSha256', 'is not', null);
  const rows = await db
    .selectFrom(ranked.as('ranked'))
    .select(['id', 'screenId', 'screenshotSha256'])
    .where('status', '!=', 'sent')
    .where((eb) => eb.or([eb('requestedAt', '<', input.olderThan), eb('newness', '>', input.keepPerScreen)]))
    .orderBy('requestedAt')
    .orderBy('id')
    .limit(input.limit)
    .execute();
  return rows.flatMap((row) => (row.screenshotSha256 === null ? [] : [{ id: row.id, screenId: row.screenId, screenshotSha256: row.screenshotSha256 }]));
}

/** Unlinks a screenshot from its command (its file is about to go); only if it still names that PNG and is not out. */
export async function clearScreenshot(db: Kysely<Database>, id: string, sha256: string): Promise<boolean> {
  const result = await db
    .updateTable('screenCommands')
    .set({ screenshotSha256: null, screenshotBytes: null })
    .where('id', '=', id)
    .where('screenshotSha256', '=', sha256)
    .where('status', '!=', 'sent')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Which of these command ids still name a screenshot file. */
export async function commandsWithScreenshots(db: Kysely<Database>, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  // In slices: a bound list of parameters per statement, whatever the folder holds.
  for (let at = 0; at < ids.length; at += 500) {
    const slice = ids.slice(at, at + 500);
    const rows = await db.selectFrom('screenCommands').select('id').where('id', 'in', slice).where('screenshotSha256', 'is not', null).execute();
    for (const row of rows) found.add(row.id);
  }
  return found;
}
