// Entry search queries: over the search copy and its FTS tables (migration 10), and over `entries`
// itself for entries the indexer has not reached yet. Which query answers is the service's choice.
// TODO(postgres): FTS5 and INDEXED BY are SQLite's; PostgreSQL would use pg_trgm GIN indexes.

import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import { ENTRY_STATUSES, LIST_KINDS, type ListKind } from '../../../../shared/lists/list-entry.ts';
import type { CalendarDate } from '../../../../shared/dates/calendar-date.ts';
import type { Database, EntriesTable } from '../../store/schema.ts';
import { divisionCodeSql } from './search-index.ts';
import { walkBudget, type SortKey, type SortOrder } from './search-plan.ts';
import { ftsQueryOf, type EntryFilters, type FtsQuery, type TextQuery } from './search-text.ts';

export type { EntryFilters };

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
// The filter columns of an index walk (pageInOrder), read from the index rather than the row.
const WALKED: Columns = { ...COPY, list: 'w.list', status: 'w.status', category: 'w.category', region: 'w.region', validUntil: 'w.valid_until' };
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
  const inName = sql`${sql.raw(c.name)} LIKE ${text.like} ESCAPE '\\'`;
  if (!text.mayBeCode) return inName;
  return sql`(${inName} OR ${sql.raw(c.creditCode)} LIKE ${text.like} ESCAPE '\\' OR ${sql.raw(c.idNumber)} LIKE ${text.like} ESCAPE '\\')`;
}

function whereAll(conditions: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return conditions.length === 0 ? sql`1` : sql.join(conditions, sql` AND `);
}

// Newest first is the order of writing: the copies' rowid (see migration 10), and on `entries` its
// rowid, which VACUUM may renumber, but the live answer only lasts until the indexer catches up.
// The other orders break ties by it, in the same direction, so every order is total.
const SORT_COLUMN: Record<SortKey, string> = { createdAt: 'r.search_rowid', name: 'r.name', validUntil: 'r.valid_until' };
const LIVE_SORT_COLUMN: Record<SortKey, string> = { createdAt: 'e.rowid', name: 'e.subject_name', validUntil: 'e.valid_until' };

function direction(order: EntryOrder): RawBuilder<unknown> {
  return sql.raw(order.order === 'desc' ? 'DESC' : 'ASC');
}

/** `key DIR, tie DIR` */
function orderBy(key: string, tie: string, order: EntryOrder): RawBuilder<unknown> {
  return sql`${sql.raw(key)} ${direction(order)}, ${sql.raw(tie)} ${direction(order)}`;
}

/** The index each other order walks: its sort key, then the rowid that breaks ties. */
const ORDER_INDEX: Record<Exclude<SortKey, 'createdAt'>, { index: string; key: string }> = {
  name: { index: 'entry_search_name', key: 'name' },
  validUntil: { index: 'entry_search_valid_until', key: 'valid_until' },
};

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

function narrowed(filters: EntryFilters, text: TextQuery | null): RawBuilder<unknown> {
  const { index, extra } = narrowing(filters);
  const conditions = [...extra, ...filterConditions(filters, COPY), ...(text ? [textCondition(text, COPY)] : [])];
  return sql`FROM entry_search_rows r INDEXED BY ${sql.raw(index)} WHERE ${whereAll(conditions)}`;
}

function ftsRows(fts: FtsQuery, order = ''): RawBuilder<unknown> {
  return sql`SELECT rowid FROM ${sql.raw(fts.table)} WHERE ${sql.raw(fts.table)} MATCH ${fts.match}${sql.raw(order)}`;
}

/** The FTS table first, always: a copy first would run the FTS query once for each copy. */
function textMatched(text: TextQuery, filters: EntryFilters): RawBuilder<unknown> {
  const fts = ftsQueryOf(text, filters);
  return sql`FROM ${sql.raw(fts.table)} f CROSS JOIN entry_search_rows r ON r.search_rowid = f.rowid
    WHERE ${sql.join([sql`f.${sql.raw(fts.table)} MATCH ${fts.match}`, ...filterConditions(fts.residual, COPY)], sql` AND `)}`;
}

async function countOf(db: Kysely<Database>, rows: RawBuilder<unknown>, cap: number): Promise<number> {
  const { rows: result } = await sql<{ n: number }>`SELECT count(*) AS n FROM (${rows} LIMIT ${cap})`.execute(db);
  return Number(result[0]?.n ?? 0);
}

/**
 * Copies matching filters on list, status and category only, exact, from entry_search_counts (all
 * copies without filters); null when other filters apply.
 */
export async function countByFacets(db: Kysely<Database>, filters: EntryFilters): Promise<number | null> {
  if (filters.region !== undefined || filters.validUntilFrom !== undefined || filters.validUntilTo !== undefined) return null;
  const conditions: RawBuilder<unknown>[] = [];
  if (filters.list !== undefined) conditions.push(sql`list = ${filters.list}`);
  if (filters.status !== undefined) conditions.push(sql`status = ${filters.status}`);
  if (filters.category !== undefined) conditions.push(sql`category = ${filters.category}`);
  const { rows } = await sql<{ n: number | null }>`SELECT sum(n) AS n FROM entry_search_counts WHERE ${whereAll(conditions)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** FTS matches of the text (and of the filters the FTS table holds, see ftsQueryOf), up to `cap`: cheap, the doclists only. */
export async function countTextMatches(db: Kysely<Database>, text: TextQuery, filters: EntryFilters, cap: number): Promise<number> {
  return countOf(db, ftsRows(ftsQueryOf(text, filters)), cap);
}

/** Copies matching the filters (and the text, checked on each row), up to `cap`, from the narrowing index. */
export async function countFilterMatches(db: Kysely<Database>, filters: EntryFilters, text: TextQuery | null, cap: number): Promise<number> {
  return countOf(db, sql`SELECT 1 ${narrowed(filters, text)}`, cap);
}

/**
 * Matches of text and filters among the text's first `scanLimit` FTS matches, up to `cap`; `complete`
 * when the text has no more FTS matches than that, so the count is every match (or `cap` of them).
 */
export async function countTextAndFilterMatches(db: Kysely<Database>, text: TextQuery, filters: EntryFilters, cap: number, scanLimit: number): Promise<{ count: number; complete: boolean }> {
  const fts = ftsQueryOf(text, filters);
  const { rows } = await sql<{ n: number; scanned: number }>`WITH m AS MATERIALIZED (${ftsRows(fts)} LIMIT ${scanLimit})
    SELECT (SELECT count(*) FROM (SELECT 1 FROM m CROSS JOIN entry_search_rows r ON r.search_rowid = m.rowid WHERE ${whereAll(filterConditions(fts.residual, COPY))} LIMIT ${cap})) AS n,
      (SELECT count(*) FROM m) AS scanned`.execute(db);
  const count = Number(rows[0]?.n ?? 0);
  return { count, complete: count >= cap || Number(rows[0]?.scanned ?? 0) < scanLimit };
}

/**
 * Every match of a driving set (few), kept once with its sort key only: the page sorted from it
 * and the matches counted, in one statement, then the page's entry ids read. A window count would
 * sort every match; this sorts only up to the page's end.
 */
async function drivenPage(db: Kysely<Database>, matches: RawBuilder<unknown>, order: EntryOrder, window: PageWindow): Promise<IdPage> {
  const { rows } = await sql<{ entryId: string; total: number }>`WITH m AS MATERIALIZED (SELECT r.search_rowid AS search_rowid, ${sql.raw(SORT_COLUMN[order.sort])} AS sort_key ${matches}),
      page AS (SELECT search_rowid, sort_key FROM m ORDER BY ${orderBy('sort_key', 'search_rowid', order)} LIMIT ${window.limit} OFFSET ${window.offset})
    SELECT r.entry_id AS entry_id, (SELECT count(*) FROM m) AS total FROM page CROSS JOIN entry_search_rows r ON r.search_rowid = page.search_rowid
    ORDER BY ${orderBy('page.sort_key', 'page.search_rowid', order)}`.execute(db);
  return { ids: rows.map((row) => row.entryId), total: rows.length > 0 ? Number(rows[0]!.total) : null };
}

/** Driven by the text's FTS matches. */
export function pageByText(db: Kysely<Database>, text: TextQuery, filters: EntryFilters, order: EntryOrder, window: PageWindow): Promise<IdPage> {
  return drivenPage(db, textMatched(text, filters), order, window);
}

/** Driven by the filters' narrowing index, the text checked on each row. */
export function pageByFilters(db: Kysely<Database>, text: TextQuery | null, filters: EntryFilters, order: EntryOrder, window: PageWindow): Promise<IdPage> {
  return drivenPage(db, narrowed(filters, text), order, window);
}

/**
 * Many matches: a walk in the order until the page is full. Newest first with text walks the FTS
 * doclist backwards (its rowids are the copies'), joining each match to check the filters; newest
 * first without text walks the copies themselves; other orders walk their index and read each row.
 * A walk passes at most a budget's worth of entries: matches that all lie far along the order
 * (names containing 王, which sort after every 乌海市 company) would make it read the whole store.
 * Returns null when the page is short and the walk stopped at its budget: the caller drives from a
 * set instead. `candidates`: how many entries the walk could pass at most; `mayGiveUp`: false when
 * there is no set to drive from instead, so the walk goes on to the end if it must. CROSS JOIN
 * keeps SQLite to the walk's order instead of starting from a filter's index.
 */
export async function pageInOrder(db: Kysely<Database>, text: TextQuery | null, filters: EntryFilters, order: EntryOrder, window: PageWindow, walk: { candidates: number; mayGiveUp: boolean }): Promise<string[] | null> {
  let query: RawBuilder<unknown>;
  const budget = walk.mayGiveUp ? walkBudget(order.sort, text !== null) : Number.MAX_SAFE_INTEGER;
  if (order.sort === 'createdAt' && text !== null) {
    const fts = ftsQueryOf(text, filters);
    query = sql`SELECT r.entry_id AS entry_id FROM (${ftsRows(fts, ` ORDER BY rowid ${order.order === 'desc' ? 'DESC' : 'ASC'}`)} LIMIT ${budget}) m
      CROSS JOIN entry_search_rows r ON r.search_rowid = m.rowid WHERE ${whereAll(filterConditions(fts.residual, COPY))} ORDER BY m.rowid ${direction(order)}`;
  } else if (order.sort === 'createdAt') {
    query = sql`SELECT r.entry_id AS entry_id FROM (SELECT * FROM entry_search_rows NOT INDEXED ORDER BY search_rowid ${direction(order)} LIMIT ${budget}) r
      WHERE ${whereAll(filterConditions(filters, COPY))} ORDER BY r.search_rowid ${direction(order)}`;
  } else {
    // The index carries the filter columns: they are checked on the walk's entries, and a row is read
    // for the entries that pass them only (text, and the page's entry ids).
    const { index, key } = ORDER_INDEX[order.sort];
    const columns = ['search_rowid', 'status', 'list', 'category', 'region', 'valid_until', ...(key === 'name' ? ['name'] : [])].join(', ');
    // A validity window is a range of the validity index: the walk starts where it starts.
    const validity = key === 'valid_until' ? filterConditions({ validUntilFrom: filters.validUntilFrom, validUntilTo: filters.validUntilTo }, { ...COPY, validUntil: 'valid_until' }) : [];
    query = sql`SELECT r.entry_id AS entry_id FROM (SELECT ${sql.raw(columns)} FROM entry_search_rows INDEXED BY ${sql.raw(index)}
        WHERE ${whereAll(validity)} ORDER BY ${orderBy(key, 'search_rowid', order)} LIMIT ${budget}) w
      CROSS JOIN entry_search_rows r ON r.search_rowid = w.search_rowid
      WHERE ${whereAll([...filterConditions(filters, WALKED), ...(text ? [textCondition(text, key === 'name' ? { ...COPY, name: 'w.name' } : COPY)] : [])])}
      ORDER BY ${orderBy(`w.${key}`, 'w.search_rowid', order)}`;
  }
  const { rows } = await sql<{ entryId: string }>`${query} LIMIT ${window.limit} OFFSET ${window.offset}`.execute(db);
  if (rows.length < window.limit && walk.candidates > budget) return null;
  return rows.map((row) => row.entryId);
}

/** Straight from `entries`, for when the indexer is behind: correct, and slower on a large store. */
export async function pageLive(db: Kysely<Database>, text: TextQuery | null, filters: EntryFilters, order: EntryOrder, window: PageWindow): Promise<string[]> {
  const conditions = [...filterConditions(filters, LIVE), ...(text ? [textCondition(text, LIVE)] : [])];
  const { rows } = await sql<{ id: string }>`SELECT e.id FROM entries e WHERE ${whereAll(conditions)}
    ORDER BY ${orderBy(LIVE_SORT_COLUMN[order.sort], 'e.rowid', order)} LIMIT ${window.limit} OFFSET ${window.offset}`.execute(db);
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
    .where('id', 'in', sql<string>`(SELECT r.entry_id FROM entry_search_text f CROSS JOIN entry_search_rows r ON r.search_rowid = f.rowid WHERE f.entry_search_text MATCH ${phrase}
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
