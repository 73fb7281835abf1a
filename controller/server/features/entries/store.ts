// Entry search queries: over the search copy and its FTS tables (migration 10), and over `entries`
// itself for entries the indexer has not reached yet. Which query answers is the service's choice.
// TODO(postgres): FTS5 and INDEXED BY are SQLite's; PostgreSQL would use pg_trgm GIN indexes.

import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import { ENTRY_STATUSES, LIST_KINDS, type EntryStatus, type ListKind } from '../../../../shared/lists/list-entry.ts';
import type { CalendarDate } from '../../../../shared/dates/calendar-date.ts';
import type { Database, EntriesTable } from '../../store/schema.ts';
import { divisionCodeSql } from './search-index.ts';
import type { TextQuery } from './search-text.ts';

export interface EntryFilters {
  list?: ListKind;
  status?: EntryStatus;
  category?: string;
  /** a division code prefix of 2, 4 or 6 digits */
  region?: string;
  /** validUntil within [from, to] */
  validUntilFrom?: CalendarDate;
  validUntilTo?: CalendarDate;
}

export const SORT_KEYS = ['createdAt', 'name', 'validUntil'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = 'asc' | 'desc';

export interface EntryOrder {
  sort: SortKey;
  order: SortOrder;
}

export interface PageWindow {
  limit: number;
  offset: number;
}

/** Entry ids of one page, and the number of matches when the query counted them on the way. */
export interface IdPage {
  ids: string[];
  /** null: the page was past the last match, so nothing was counted */
  total: number | null;
}

interface Columns {
  list: string;
  status: string;
  category: string;
  region: string;
  validUntil: string;
  name: string;
  creditCode: string;
  idNumber: string;
}

// The search copy, and `entries` for the entries still queued: the same filters on either.
const COPY: Columns = { list: 'r.list', status: 'r.status', category: 'r.category', region: 'r.region', validUntil: 'r.valid_until', name: 'r.name', creditCode: 'r.credit_code', idNumber: 'r.id_number' };
const LIVE: Columns = { list: 'e.list', status: 'e.status', category: 'e.category', region: `(${divisionCodeSql('e')})`, validUntil: 'e.valid_until', name: 'e.subject_name', creditCode: 'e.credit_code', idNumber: 'e.id_number' };

function filterConditions(filters: EntryFilters, c: Columns): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [];
  if (filters.list !== undefined) conditions.push(sql`${sql.raw(c.list)} = ${filters.list}`);
  if (filters.status !== undefined) conditions.push(sql`${sql.raw(c.status)} = ${filters.status}`);
  if (filters.category !== undefined) conditions.push(sql`${sql.raw(c.category)} = ${filters.category}`);
  // A prefix as a range, which an index can seek: ':' follows '9', so '1503:' ends the 1503xx codes.
  if (filters.region !== undefined) conditions.push(sql`${sql.raw(c.region)} >= ${filters.region} AND ${sql.raw(c.region)} < ${`${filters.region}:`}`);
  if (filters.validUntilFrom !== undefined) conditions.push(sql`${sql.raw(c.validUntil)} >= ${filters.validUntilFrom}`);
  if (filters.validUntilTo !== undefined) conditions.push(sql`${sql.raw(c.validUntil)} <= ${filters.validUntilTo}`);
  return conditions;
}

/** Substring of the name, credit code or ID number; LIKE folds ASCII case as the FTS tables do. */
function textCondition(text: TextQuery, c: Columns): RawBuilder<unknown> {
  return sql`(${sql.raw(c.name)} LIKE ${text.like} ESCAPE '\\' OR ${sql.raw(c.creditCode)} LIKE ${text.like} ESCAPE '\\' OR ${sql.raw(c.idNumber)} LIKE ${text.like} ESCAPE '\\')`;
}

function whereAll(conditions: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return conditions.length === 0 ? sql`1` : sql.join(conditions, sql` AND `);
}

// Ties are broken by insertion order (the copy's rowid, or the id on `entries`), so an import's
// entries keep their file order under one created-at time and every order is total.
const COPY_ORDER: Record<SortKey, Record<SortOrder, string>> = {
  createdAt: { desc: 'r.created_at DESC, r.search_rowid', asc: 'r.created_at, r.search_rowid DESC' },
  name: { asc: 'r.name, r.search_rowid', desc: 'r.name DESC, r.search_rowid DESC' },
  validUntil: { asc: 'r.valid_until, r.search_rowid', desc: 'r.valid_until DESC, r.search_rowid DESC' },
};
const LIVE_ORDER: Record<SortKey, Record<SortOrder, string>> = {
  createdAt: { desc: 'e.created_at DESC, e.id', asc: 'e.created_at, e.id DESC' },
  name: { asc: 'e.subject_name, e.id', desc: 'e.subject_name DESC, e.id DESC' },
  validUntil: { asc: 'e.valid_until, e.id', desc: 'e.valid_until DESC, e.id DESC' },
};

/** The index whose order is each sort: a walk along it needs no sort, and checks filters from the index alone (name: from the row). */
const ORDER_INDEX: Record<SortKey, string> = { createdAt: 'entry_search_newest', name: 'entry_search_name', validUntil: 'entry_search_valid_until' };

/**
 * The index that narrows these filters best, judged by their kind: a validUntil window is a few
 * weeks of dates; status, list and category are led by entry_search_facets, whose closed value sets
 * (status, list) are spelled out when absent so that SQLite seeks on the columns after them;
 * a region prefix has its own. Each carries every filter column, so counting reads no rows.
 */
function narrowing(filters: EntryFilters): { index: string; extra: RawBuilder<unknown>[] } {
  if (filters.validUntilFrom !== undefined || filters.validUntilTo !== undefined) return { index: 'entry_search_valid_until', extra: [] };
  if (filters.status !== undefined || filters.list !== undefined || filters.category !== undefined) {
    const extra: RawBuilder<unknown>[] = [];
    if (filters.status === undefined) extra.push(sql`r.status IN (${sql.join(ENTRY_STATUSES)})`);
    if (filters.list === undefined && filters.category !== undefined) extra.push(sql`r.list IN (${sql.join(LIST_KINDS)})`);
    return { index: 'entry_search_facets', extra };
  }
  return { index: 'entry_search_region', extra: [] };
}

function ftsMatch(text: TextQuery): RawBuilder<unknown> {
  return sql`${sql.raw(text.table)} MATCH ${text.match}`;
}

async function countOf(db: Kysely<Database>, rows: RawBuilder<unknown>, cap: number): Promise<number> {
  const { rows: result } = await sql<{ n: number }>`SELECT count(*) AS n FROM (${rows} LIMIT ${cap})`.execute(db);
  return Number(result[0]?.n ?? 0);
}

async function idPage(db: Kysely<Database>, query: RawBuilder<unknown>): Promise<IdPage> {
  const { rows } = await sql<{ entryId: string; total: number }>`${query}`.execute(db);
  return { ids: rows.map((row) => row.entryId), total: rows.length > 0 ? Number(rows[0]!.total) : null };
}

/** FTS matches of the text alone, up to `cap`: cheap, the doclists only. */
export async function countTextMatches(db: Kysely<Database>, text: TextQuery, cap: number): Promise<number> {
  return countOf(db, sql`SELECT 1 FROM ${sql.raw(text.table)} WHERE ${ftsMatch(text)}`, cap);
}

/** Copies matching the filters, up to `cap`, from the narrowing index alone. */
export async function countFilterMatches(db: Kysely<Database>, filters: EntryFilters, cap: number): Promise<number> {
  const { index, extra } = narrowing(filters);
  return countOf(db, sql`SELECT 1 FROM entry_search_rows r INDEXED BY ${sql.raw(index)} WHERE ${whereAll([...extra, ...filterConditions(filters, COPY)])}`, cap);
}

/**
 * Matches of text and filters among the text's first `scanLimit` FTS matches, up to `cap`; `complete`
 * when the text has no more FTS matches than that, so the count is every match (or `cap` of them).
 */
export async function countTextAndFilterMatches(db: Kysely<Database>, text: TextQuery, filters: EntryFilters, cap: number, scanLimit: number): Promise<{ count: number; complete: boolean }> {
  const { rows } = await sql<{ n: number; scanned: number }>`WITH m AS MATERIALIZED (SELECT rowid FROM ${sql.raw(text.table)} WHERE ${ftsMatch(text)} LIMIT ${scanLimit})
    SELECT (SELECT count(*) FROM (SELECT 1 FROM m JOIN entry_search_rows r ON r.search_rowid = m.rowid WHERE ${whereAll(filterConditions(filters, COPY))} LIMIT ${cap})) AS n,
      (SELECT count(*) FROM m) AS scanned`.execute(db);
  const count = Number(rows[0]?.n ?? 0);
  return { count, complete: count >= cap || Number(rows[0]?.scanned ?? 0) < scanLimit };
}

/** Driven by the text's FTS matches (few): joined to their copies, filtered, sorted, counted in one pass. */
export function pageByText(db: Kysely<Database>, text: TextQuery, filters: EntryFilters, order: EntryOrder, window: PageWindow): Promise<IdPage> {
  return idPage(db, sql`SELECT r.entry_id AS entry_id, count(*) OVER () AS total
    FROM ${sql.raw(text.table)} f JOIN entry_search_rows r ON r.search_rowid = f.rowid
    WHERE ${sql.join([sql`f.${ftsMatch(text)}`, ...filterConditions(filters, COPY)], sql` AND `)}
    ORDER BY ${sql.raw(COPY_ORDER[order.sort][order.order])} LIMIT ${window.limit} OFFSET ${window.offset}`);
}

/** Driven by the filters' narrowing index (few matches), the text checked on each row. */
export function pageByFilters(db: Kysely<Database>, text: TextQuery | null, filters: EntryFilters, order: EntryOrder, window: PageWindow): Promise<IdPage> {
  const { index, extra } = narrowing(filters);
  const conditions = [...extra, ...filterConditions(filters, COPY), ...(text ? [textCondition(text, COPY)] : [])];
  return idPage(db, sql`SELECT r.entry_id AS entry_id, count(*) OVER () AS total FROM entry_search_rows r INDEXED BY ${sql.raw(index)}
    WHERE ${whereAll(conditions)} ORDER BY ${sql.raw(COPY_ORDER[order.sort][order.order])} LIMIT ${window.limit} OFFSET ${window.offset}`);
}

/** Many matches: a walk along the sort's index that stops once the page is full. Counts nothing. */
export async function pageInOrder(db: Kysely<Database>, text: TextQuery | null, filters: EntryFilters, order: EntryOrder, window: PageWindow): Promise<string[]> {
  const conditions = [...filterConditions(filters, COPY), ...(text ? [textCondition(text, COPY)] : [])];
  const { rows } = await sql<{ entryId: string }>`SELECT r.entry_id AS entry_id FROM entry_search_rows r INDEXED BY ${sql.raw(ORDER_INDEX[order.sort])}
    WHERE ${whereAll(conditions)} ORDER BY ${sql.raw(COPY_ORDER[order.sort][order.order])} LIMIT ${window.limit} OFFSET ${window.offset}`.execute(db);
  return rows.map((row) => row.entryId);
}

/** Straight from `entries`, for when the indexer is behind: correct, and slower on a large store. */
export async function pageLive(db: Kysely<Database>, text: TextQuery | null, filters: EntryFilters, order: EntryOrder, window: PageWindow): Promise<string[]> {
  const conditions = [...filterConditions(filters, LIVE), ...(text ? [textCondition(text, LIVE)] : [])];
  const { rows } = await sql<{ id: string }>`SELECT e.id FROM entries e WHERE ${whereAll(conditions)}
    ORDER BY ${sql.raw(LIVE_ORDER[order.sort][order.order])} LIMIT ${window.limit} OFFSET ${window.offset}`.execute(db);
  return rows.map((row) => row.id);
}

export async function countLive(db: Kysely<Database>, text: TextQuery | null, filters: EntryFilters, cap: number): Promise<number> {
  const conditions = [...filterConditions(filters, LIVE), ...(text ? [textCondition(text, LIVE)] : [])];
  return countOf(db, sql`SELECT 1 FROM entries e WHERE ${whereAll(conditions)}`, cap);
}

/**
 * Every entry of the subject key (list|category|code): found through the code's FTS phrase, and
 * among the queued entries the index may not hold yet. `entries` has no index on the key for all
 * statuses (imports would pay for it, see migration 2).
 */
export async function entriesOfSubject(db: Kysely<Database>, subjectKey: string, code: string): Promise<Array<Selectable<EntriesTable>>> {
  const phrase = `{credit_code id_number} : "${code.replaceAll('"', '""')}"`;
  return db
    .selectFrom('entries')
    .selectAll()
    .where('subjectKey', '=', subjectKey)
    .where('id', 'in', sql<string>`(SELECT r.entry_id FROM entry_search_text f JOIN entry_search_rows r ON r.search_rowid = f.rowid WHERE f.entry_search_text MATCH ${phrase}
      UNION SELECT entry_id FROM entry_search_queue)`)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

export type ListedEntry = Pick<Selectable<EntriesTable>, 'subjectName' | 'subjectType' | 'creditCode' | 'idNumber' | 'legalRepresentative' | 'category' | 'reason' | 'authority' | 'basis' | 'listedOn' | 'validUntil' | 'sourceRef'> & {
  /** where the next chunk starts */
  seq: number;
};

/**
 * The next `limit` entries of a list that are approved and in force on `today`, after `afterSeq`,
 * in the order they were written. A chunk is one short query, so an export of a million entries
 * never holds a statement open on the connection that every request shares. The order is the
 * table's own (rowid, which a VACUUM may renumber: a cursor here lives for one download).
 */
export async function inForceEntriesAfter(db: Kysely<Database>, list: ListKind, today: CalendarDate, afterSeq: number, limit: number): Promise<ListedEntry[]> {
  const { rows } = await sql<ListedEntry>`SELECT rowid AS seq, subject_name, subject_type, credit_code, id_number, legal_representative, category, reason, authority, basis, listed_on, valid_until, source_ref
    FROM entries NOT INDEXED WHERE rowid > ${afterSeq} AND status = 'approved' AND list = ${list} AND valid_until >= ${today} ORDER BY rowid LIMIT ${limit}`.execute(db);
  return rows;
}
