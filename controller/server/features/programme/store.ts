// Queries on playlists, schedules (both "reviewable": an approved version and a pending change) and the default playlist.

import type { Kysely, Transaction } from 'kysely';
import type { Database, ReviewableTable } from '../../store/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type ReviewableKind = 'playlists' | 'schedules';
export type ReviewableRow = ReviewableTable;

export async function rowById(db: Db, kind: ReviewableKind, id: string): Promise<ReviewableRow | undefined> {
  return db.selectFrom(kind).selectAll().where('id', '=', id).executeTakeFirst();
}

export async function allRows(db: Db, kind: ReviewableKind): Promise<ReviewableRow[]> {
  return db.selectFrom(kind).selectAll().orderBy('createdAt').orderBy('id').execute();
}

/** What screens may play: approved and not retired. */
export async function publishedRows(db: Db, kind: ReviewableKind): Promise<Array<{ id: string; approvedJson: string }>> {
  const rows = await db.selectFrom(kind).select(['id', 'approvedJson']).where('approvedJson', 'is not', null).where('retiredAt', 'is', null).orderBy('createdAt').orderBy('id').execute();
  return rows.map((row) => ({ id: row.id, approvedJson: row.approvedJson as string }));
}

export async function insertRow(db: Db, kind: ReviewableKind, row: { id: string; name: string; pendingJson: string; actorId: string; now: number }): Promise<void> {
  await db
    .insertInto(kind)
    .values({ id: row.id, name: row.name, approvedJson: null, approvedBy: null, approvedAt: null, pendingJson: row.pendingJson, pendingBy: row.actorId, pendingAt: row.now, reviewComment: null, createdBy: row.actorId, createdAt: row.now, retiredAt: null, retiredBy: null })
    .execute();
}

export async function setPending(db: Db, kind: ReviewableKind, id: string, change: { name: string; pendingJson: string; actorId: string; now: number }): Promise<void> {
  await db.updateTable(kind).set({ name: change.name, pendingJson: change.pendingJson, pendingBy: change.actorId, pendingAt: change.now, reviewComment: null }).where('id', '=', id).execute();
}

export async function approvePending(db: Db, kind: ReviewableKind, id: string, review: { pendingJson: string; reviewerId: string; comment: string; now: number }): Promise<void> {
  await db
    .updateTable(kind)
    .set({ approvedJson: review.pendingJson, approvedBy: review.reviewerId, approvedAt: review.now, pendingJson: null, pendingBy: null, pendingAt: null, reviewComment: review.comment })
    .where('id', '=', id)
    .execute();
}

export async function rejectPending(db: Db, kind: ReviewableKind, id: string, comment: string): Promise<void> {
  await db.updateTable(kind).set({ pendingJson: null, pendingBy: null, pendingAt: null, reviewComment: comment }).where('id', '=', id).execute();
}

export async function retireRow(db: Db, kind: ReviewableKind, id: string, actorId: string, now: number): Promise<void> {
  await db.updateTable(kind).set({ retiredAt: now, retiredBy: actorId }).where('id', '=', id).execute();
}

export async function defaultPlaylistId(db: Db): Promise<string | null> {
  const row = await db.selectFrom('programmeSettings').select('defaultPlaylistId').where('singleton', '=', 1).executeTakeFirst();
  return row?.defaultPlaylistId ?? null;
}

export async function setDefaultPlaylistId(db: Db, playlistId: string | null, actorId: string, now: number): Promise<void> {
  await db.updateTable('programmeSettings').set({ defaultPlaylistId: playlistId, setBy: actorId, setAt: now }).where('singleton', '=', 1).execute();
}
