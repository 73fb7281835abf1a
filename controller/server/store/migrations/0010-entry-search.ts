// The operator console's entry search: a compact, indexed copy of each entry's searchable fields
// (entry_search_rows), two FTS5 indexes over its names and codes, and a queue of entries whose
// copy is stale, filled by triggers on `entries` and emptied by the search indexer
// (features/entries/search-index.ts).
//
// Why a queue and not triggers that write the FTS tables: FTS5 flushes its pending terms at every
// statement savepoint, and imports insert entries one statement each, so a trigger writing the
// trigram table made every entry its own FTS segment: 55–65 µs an entry, against 5–8 µs when the
// same rows go in by one INSERT … SELECT (measured on 20,000 rows). Even batched, the trigram and
// gram indexes cost tens of µs an entry, and an import has 2 s for 100,000 rows. The triggers only
// append the entry's id here, in the writer's own transaction, so nothing can be missed; the
// indexer applies the queue in small batches after the writer has committed; a search indexes a
// short queue itself first, and answers from `entries` while a long one waits (entries/service.ts).
//
// Why a copy of the fields and not indexes on `entries`: imports insert into `entries` and every
// index there slows them (see 0002); the copy's indexes cost the background indexer instead, and
// its rows are a third of an entry's size, so filtering and counting walk fewer pages.
//
// Backfill: every existing entry is queued here, and the indexer that indexes later changes
// indexes them (from controller start, in the background). The indexing rules therefore live in
// one place and a migration frozen in time carries no second copy of them.

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // search_rowid is the rowid of both FTS tables' rows for the entry. It is not entries.rowid:
    // VACUUM may renumber the implicit rowids of a table without an INTEGER PRIMARY KEY.
    // region: the 6-digit division code (credit code characters 3–8, else ID number characters 1–6).
    sql`CREATE TABLE entry_search_rows (
      search_rowid INTEGER PRIMARY KEY, entry_id TEXT NOT NULL UNIQUE,
      list TEXT NOT NULL, status TEXT NOT NULL, category TEXT NOT NULL, region TEXT,
      valid_until TEXT NOT NULL, name TEXT NOT NULL, credit_code TEXT, id_number TEXT) STRICT`,
    // Newest first is the copies' own rowid order, which is the order entries were written in (the
    // backfill below queues them by created time): a walk backwards along the table, or along the FTS
    // doclists, needs no index. The other orders have an index led by their sort key and the rowid
    // that breaks ties, carrying the filter columns so that a walk checks filters without reading
    // rows; two more are led by the filters that can be selective (status, list, category; region).
    sql`CREATE INDEX entry_search_valid_until ON entry_search_rows(valid_until, search_rowid, status, list, category, region)`,
    sql`CREATE INDEX entry_search_name ON entry_search_rows(name, search_rowid, status, list, category, region, valid_until)`,
    sql`CREATE INDEX entry_search_facets ON entry_search_rows(status, list, category, search_rowid, region, valid_until)`,
    sql`CREATE INDEX entry_search_region ON entry_search_rows(region, status, list, category, valid_until)`,
    // Substrings of 3 or more characters: trigram phrases (SQLite ≥ 3.34; better-sqlite3 12 bundles 3.5x).
    // Contentless: the text is in entry_search_rows; contentless_delete lets the indexer delete by rowid.
    sql`CREATE VIRTUAL TABLE entry_search_text USING fts5(name, credit_code, id_number, content='', contentless_delete=1, tokenize='trigram case_sensitive 0')`,
    // Substrings of 1 or 2 characters, which trigrams cannot find (a 2-character name such as 王伟 has
    // no trigram at all): every character and character pair of the name and codes as a token,
    // written by the indexer separated by spaces, with the entry's list, category and region. Every
    // Unicode category but separators and controls is a token character, so 「（有」 stays one token.
    sql`CREATE VIRTUAL TABLE entry_search_grams USING fts5(grams, content='', contentless_delete=1, detail=none, tokenize="unicode61 remove_diacritics 0 categories 'L* M* N* P* S* Co'")`,
    // How many copies each list, status and category holds, kept by triggers on the copies (the
    // indexer's writes only): the total of a search by those filters alone, exact and without a scan.
    sql`CREATE TABLE entry_search_counts (list TEXT NOT NULL, status TEXT NOT NULL, category TEXT NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (list, status, category)) STRICT, WITHOUT ROWID`,
    sql`CREATE TRIGGER entry_search_rows_insert AFTER INSERT ON entry_search_rows BEGIN
      INSERT INTO entry_search_counts VALUES (new.list, new.status, new.category, 1) ON CONFLICT DO UPDATE SET n = n + 1; END`,
    sql`CREATE TRIGGER entry_search_rows_delete AFTER DELETE ON entry_search_rows BEGIN
      UPDATE entry_search_counts SET n = n - 1 WHERE list = old.list AND status = old.status AND category = old.category; END`,
    sql`CREATE TRIGGER entry_search_rows_update AFTER UPDATE OF list, status, category ON entry_search_rows
      WHEN old.list IS NOT new.list OR old.status IS NOT new.status OR old.category IS NOT new.category BEGIN
      UPDATE entry_search_counts SET n = n - 1 WHERE list = old.list AND status = old.status AND category = old.category;
      INSERT INTO entry_search_counts VALUES (new.list, new.status, new.category, 1) ON CONFLICT DO UPDATE SET n = n + 1; END`,
    // text_changed = 0 when only filter fields changed (an approval), so the FTS rows are kept.
    sql`CREATE TABLE entry_search_queue (seq INTEGER PRIMARY KEY, entry_id TEXT NOT NULL, text_changed INTEGER NOT NULL) STRICT`,
    sql`CREATE TRIGGER entries_search_insert AFTER INSERT ON entries BEGIN
      INSERT INTO entry_search_queue (entry_id, text_changed) VALUES (new.id, 1); END`,
    // The grams table holds list and category as tokens too (features/entries/search-text.ts).
    sql`CREATE TRIGGER entries_search_text AFTER UPDATE OF subject_name, credit_code, id_number, list, category ON entries BEGIN
      INSERT INTO entry_search_queue (entry_id, text_changed) VALUES (new.id, 1); END`,
    sql`CREATE TRIGGER entries_search_fields AFTER UPDATE OF status, valid_until ON entries BEGIN
      INSERT INTO entry_search_queue (entry_id, text_changed) VALUES (new.id, 0); END`,
    sql`CREATE TRIGGER entries_search_id AFTER UPDATE OF id ON entries WHEN old.id IS NOT new.id BEGIN
      INSERT INTO entry_search_queue (entry_id, text_changed) VALUES (old.id, 1), (new.id, 1); END`,
    sql`CREATE TRIGGER entries_search_delete AFTER DELETE ON entries BEGIN
      INSERT INTO entry_search_queue (entry_id, text_changed) VALUES (old.id, 1); END`,
    sql`INSERT INTO entry_search_queue (entry_id, text_changed) SELECT id, 1 FROM entries ORDER BY created_at, id`,
  ];
  for (const statement of statements) await statement.execute(db);
}
