// Applies the entry search queue (migration 10): brings each queued entry's search copy and FTS rows
// in line with the entry, a batch per transaction, in queue order.

import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { Store } from '../../store/database.ts';
import type { Database } from '../../store/schema.ts';
import { facetTokens, searchGrams } from './search-text.ts';

/**
 * Queue rows applied per transaction. An entry costs roughly 60–80 µs to index (both FTS tables and
 * five indexes on its copy), so a batch holds the shared connection for about 20 ms: searches and
 * sync answers wait at most that long behind the indexer.
 */
export const INDEX_BATCH = 250;

/**
 * The 6-digit division code of an entry (GB/T 2260), from its credit code (characters 3–8) or
 * else its ID number (characters 1–6); NULL when those characters are not 6 digits.
 */
export function divisionCodeSql(alias: string): string {
  const code = `coalesce(substr(${alias}.credit_code, 3, 6), substr(${alias}.id_number, 1, 6))`;
  return `CASE WHEN ${code} GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]' THEN ${code} END`;
}

// The queue rows up to a seq, one per entry: its first place in the queue and whether its text changed.
const BATCH = `WITH batch AS (SELECT entry_id, min(seq) AS first_seq, max(text_changed) AS text_changed
  FROM entry_search_queue WHERE seq <= ? GROUP BY entry_id)`;

interface Statements {
  batchEnd: BetterSqlite3.Statement<[number], { upto: number | null; n: number }>;
  deleteStaleText: BetterSqlite3.Statement<[number]>;
  deleteStaleGrams: BetterSqlite3.Statement<[number]>;
  deleteGone: BetterSqlite3.Statement<[number]>;
  upsert: BetterSqlite3.Statement<[number]>;
  textRows: BetterSqlite3.Statement<[number], { rowid: number; name: string; creditCode: string | null; idNumber: string | null; list: string; category: string; region: string | null }>;
  insertText: BetterSqlite3.Statement<[number, string, string | null, string | null]>;
  insertGrams: BetterSqlite3.Statement<[number, string]>;
  dequeue: BetterSqlite3.Statement<[number]>;
}

const prepared = new WeakMap<BetterSqlite3.Database, Statements>();

function statementsFor(sqlite: BetterSqlite3.Database): Statements {
  let statements = prepared.get(sqlite);
  if (statements) return statements;
  // FTS rows are deleted before the copy changes: the copy holds the rowid they were written under.
  const staleRowids = `SELECT r.search_rowid FROM batch b JOIN entry_search_rows r ON r.entry_id = b.entry_id WHERE b.text_changed = 1`;
  statements = {
    batchEnd: sqlite.prepare(`SELECT max(seq) AS upto, count(*) AS n FROM (SELECT seq FROM entry_search_queue ORDER BY seq LIMIT ?)`),
    deleteStaleText: sqlite.prepare(`${BATCH} DELETE FROM entry_search_text WHERE rowid IN (${staleRowids})`),
    deleteStaleGrams: sqlite.prepare(`${BATCH} DELETE FROM entry_search_grams WHERE rowid IN (${staleRowids})`),
    deleteGone: sqlite.prepare(`${BATCH} DELETE FROM entry_search_rows WHERE entry_id IN (
      SELECT b.entry_id FROM batch b WHERE NOT EXISTS (SELECT 1 FROM entries e WHERE e.id = b.entry_id))`),
    // In queue order, so new rows get rowids in the order their entries were written (an import's file order).
    upsert: sqlite.prepare(`${BATCH} INSERT INTO entry_search_rows
        (entry_id, list, status, category, region, valid_until, name, credit_code, id_number)
      SELECT e.id, e.list, e.status, e.category, ${divisionCodeSql('e')}, e.valid_until, e.subject_name, e.credit_code, e.id_number
      FROM batch b JOIN entries e ON e.id = b.entry_id WHERE true ORDER BY b.first_seq
      ON CONFLICT (entry_id) DO UPDATE SET list = excluded.list, status = excluded.status, category = excluded.category,
        region = excluded.region, valid_until = excluded.valid_until, name = excluded.name, credit_code = excluded.credit_code, id_number = excluded.id_number`),
    textRows: sqlite.prepare(`${BATCH} SELECT r.search_rowid AS rowid, r.name, r.credit_code AS creditCode, r.id_number AS idNumber, r.list, r.category, r.region
      FROM batch b JOIN entry_search_rows r ON r.entry_id = b.entry_id WHERE b.text_changed = 1 ORDER BY r.search_rowid`),
    insertText: sqlite.prepare(`INSERT INTO entry_search_text (rowid, name, credit_code, id_number) VALUES (?, ?, ?, ?)`),
    insertGrams: sqlite.prepare(`INSERT INTO entry_search_grams (rowid, grams) VALUES (?, ?)`),
    dequeue: sqlite.prepare(`DELETE FROM entry_search_queue WHERE seq <= ?`),
  };
  prepared.set(sqlite, statements);
  return statements;
}

/** Applies the first `limit` queue rows; the number applied (0: the queue is empty). */
function applyQueueRows(sqlite: BetterSqlite3.Database, limit: number): number {
  const s = statementsFor(sqlite);
  const { upto, n } = s.batchEnd.get(limit) ?? { upto: null, n: 0 };
  if (upto === null) return 0;
  s.deleteStaleText.run(upto);
  s.deleteStaleGrams.run(upto);
  s.deleteGone.run(upto);
  s.upsert.run(upto);
  for (const row of s.textRows.all(upto)) {
    s.insertText.run(row.rowid, row.name, row.creditCode, row.idNumber);
    s.insertGrams.run(row.rowid, [searchGrams([row.name, row.creditCode, row.idNumber]), ...facetTokens(row, 'every')].join(' '));
  }
  s.dequeue.run(upto);
  return n;
}

/**
 * Applies up to `limit` queue rows in one transaction taken through Kysely, so that it waits for a
 * transaction in progress (an import holds one across awaits) instead of writing inside it.
 */
export async function indexQueuedEntries(store: Pick<Store, 'db' | 'sqlite'>, limit = INDEX_BATCH): Promise<number> {
  return store.db.transaction().execute(async () => applyQueueRows(store.sqlite, limit));
}

/** Queue rows waiting, counted up to `cap` (a count of the whole queue would read it all). */
export async function queuedEntryCount(db: Kysely<Database>, cap: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM entry_search_queue LIMIT ${cap})`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
