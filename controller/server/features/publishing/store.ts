// Queries behind publishing: the approved entries and policies it reads, and the publication
// table (the masked public projection with per-row revisions and tombstones) it writes.

import type { Kysely, Transaction } from 'kysely';
import type { PublicEntry } from '../../../../shared/lists/list-entry.ts';
import type { ListChangesPage } from '../../../../shared/protocol/messages.ts';
import { DEFAULT_MASKING_POLICY } from '../../../../shared/masking/masking.ts';
import type { Database } from '../../store/schema.ts';
import { chunks, ID_CHUNK } from '../../store/chunks.ts';
import type { CategoryPolicy, HashedPublicEntry, PublishableEntryRow } from './public-entry.ts';

/** Which entries a publish recomputes: all, the entries of one change set, or named entries. */
export type PublishScope = 'all' | { changeSetId: string } | { entryIds: readonly string[] };


export async function approvedEntriesValidOn(db: Kysely<Database>, today: string, scope: PublishScope = 'all'): Promise<PublishableEntryRow[]> {
  const base = db
    .selectFrom('entries')
    .select(['id', 'list', 'category', 'subjectType', 'subjectName', 'creditCode', 'idNumber', 'legalRepresentative', 'reason', 'authority', 'basis', 'listedOn', 'validUntil', 'birthDate', 'status'])
    .where('status', '=', 'approved')
    .where('validUntil', '>=', today);
  // In id order: the publication rows a full publish inserts then lie in the order publishedRefs
  // reads them for every manifest digest. Unordered, SQLite scans the partial subject-key index
  // (migration 2), the rows land in random order, and that read costs a takedown at 100,000
  // entries twice as much (random page reads through a cache smaller than the table).
  if (scope === 'all') return base.orderBy('id').execute();
  if ('changeSetId' in scope) return base.where('changeSetId', '=', scope.changeSetId).execute();
  const rows: PublishableEntryRow[] = [];
  for (const ids of chunks(scope.entryIds, ID_CHUNK)) rows.push(...(await base.where('id', 'in', ids).execute()));
  return rows;
}

export async function maskingPolicies(db: Kysely<Database>): Promise<(category: string) => CategoryPolicy> {
  const rows = await db.selectFrom('categoryPolicies').selectAll().execute();
  const byCategory = new Map(rows.map((r) => [r.category, { idKeepStart: r.idKeepStart, idKeepEnd: r.idKeepEnd, nameDisplay: r.nameDisplay, publicationMonths: r.publicationMonths }]));
  return (category) => byCategory.get(category) ?? DEFAULT_MASKING_POLICY;
}

/** id → hash of what is published now, within the scope. */
export async function publishedHashes(db: Kysely<Database>, scope: PublishScope = 'all'): Promise<Map<string, string>> {
  const base = db.selectFrom('publication').select(['entryId', 'hash']).where('deleted', '=', 0);
  let rows: Array<{ entryId: string; hash: string }>;
  if (scope === 'all') rows = await base.execute();
  else if ('changeSetId' in scope) rows = await base.where('entryId', 'in', (eb) => eb.selectFrom('entries').select('id').where('changeSetId', '=', scope.changeSetId)).execute();
  else {
    rows = [];
    for (const ids of chunks(scope.entryIds, ID_CHUNK)) rows.push(...(await base.where('entryId', 'in', ids).execute()));
  }
  return new Map(rows.map((r) => [r.entryId, r.hash]));
}

/** Every published (id, hash), in id order: what the manifest's digest covers. */
export async function publishedRefs(db: Kysely<Database>): Promise<Array<{ id: string; hash: string }>> {
  return db.selectFrom('publication').select(['entryId as id', 'hash']).where('deleted', '=', 0).orderBy('entryId').execute();
}

export async function publicationState(db: Kysely<Database>): Promise<{ revision: number; manifestVersion: number }> {
  return db.selectFrom('publicationState').select(['revision', 'manifestVersion']).where('id', '=', 1).executeTakeFirstOrThrow();
}

// 6 columns per row keeps a chunk far below SQLite's bound-variable limit.
const CHUNK = 1_000;

export async function writePublicationChanges(trx: Transaction<Database>, revision: number, upserts: readonly HashedPublicEntry[], tombstones: readonly string[]): Promise<void> {
  for (let i = 0; i < upserts.length; i += CHUNK) {
    const rows = upserts.slice(i, i + CHUNK).map((u) => ({ entryId: u.id, list: u.entry.list, revision, deleted: 0, bodyJson: JSON.stringify(u.entry), hash: u.hash }));
    await trx
      .insertInto('publication')
      .values(rows)
      .onConflict((oc) => oc.column('entryId').doUpdateSet((eb) => ({ list: eb.ref('excluded.list'), revision, deleted: 0, bodyJson: eb.ref('excluded.bodyJson'), hash: eb.ref('excluded.hash') })))
      .execute();
  }
  for (let i = 0; i < tombstones.length; i += CHUNK) {
    await trx.updateTable('publication').set({ deleted: 1, revision }).where('entryId', 'in', tombstones.slice(i, i + CHUNK)).execute();
  }
}

function encodeCursor(revision: number, entryId: string): string {
  return `${revision}:${entryId}`;
}

function decodeCursor(cursor: string | null): { revision: number; entryId: string } | null {
  if (cursor === null) return null;
  const at = cursor.indexOf(':');
  const revision = Number(cursor.slice(0, at));
  if (at < 1 || !Number.isInteger(revision)) return null;
  return { revision, entryId: cursor.slice(at + 1) };
}

/**
 * One page of changes after `sinceRevision`, in (revision, id) order. A row changed while a
 * player pages through gets a higher revision and so reappears in a later page: the player
 * ends at the state of its last read, never at a torn mix.
 */
export async function listChangesPage(db: Kysely<Database>, sinceRevision: number, cursor: string | null, limit: number): Promise<ListChangesPage> {
  // One transaction, so the rows and the revision come from the same snapshot.
  return db.transaction().execute((trx) => readChangesPage(trx, sinceRevision, cursor, limit));
}

async function readChangesPage(db: Kysely<Database>, sinceRevision: number, cursor: string | null, limit: number): Promise<ListChangesPage> {
  const after = decodeCursor(cursor);
  let query = db.selectFrom('publication').select(['entryId', 'revision', 'deleted', 'bodyJson']).where('revision', '>', sinceRevision);
  if (after) {
    query = query.where((eb) => eb.or([eb('revision', '>', after.revision), eb.and([eb('revision', '=', after.revision), eb('entryId', '>', after.entryId)])]));
  }
  const rows = await query.orderBy('revision').orderBy('entryId').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const upserts: PublicEntry[] = [];
  const tombstones: string[] = [];
  for (const row of page) {
    if (row.deleted) tombstones.push(row.entryId);
    else upserts.push(JSON.parse(row.bodyJson) as PublicEntry);
  }
  const last = page.at(-1);
  const hasMore = rows.length > limit && last !== undefined;
  const { revision } = await publicationState(db);
  return { upserts, tombstones, revision, cursor: hasMore ? encodeCursor(last.revision, last.entryId) : null };
}

/** Entries withdrawn after `revision`, for a screen that reconnects having missed the takedown. */
export async function tombstonesSince(db: Kysely<Database>, revision: number, limit: number): Promise<{ revision: number; ids: string[] }> {
  const rows = await db.selectFrom('publication').select(['entryId', 'revision']).where('deleted', '=', 1).where('revision', '>', revision).orderBy('revision').limit(limit).execute();
  return { revision: rows.reduce((max, r) => Math.max(max, r.revision), revision), ids: rows.map((r) => r.entryId) };
}
