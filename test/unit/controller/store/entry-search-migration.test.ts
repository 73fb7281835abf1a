// The entry search migration on a seeded older database: entries kept, all of them queued, and
// searchable by name and code once the indexer has applied the queue; later writes queue themselves.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, sql } from 'kysely';
import { indexQueuedEntries } from '../../../../controller/server/features/entries/search-index.ts';
import { searchEntries } from '../../../../controller/server/features/entries/service.ts';
import { migrateToLatest } from '../../../../controller/server/store/migrate.ts';
import { MIGRATIONS } from '../../../../controller/server/store/migrations/index.ts';
import type { Database } from '../../../../controller/server/store/schema.ts';
import { tempDir } from '../../../support/temp-dir.ts';

const SEARCH = MIGRATIONS.find((m) => m.name === 'entry-search')!;

describe(`migration ${SEARCH.version}: entry search`, () => {
  it('keeps an older database\'s entries, queues every one, and makes them searchable once indexed', async (t) => {
    const sqlite = new BetterSqlite3(join(tempDir(t), 'c.sqlite'));
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
    t.after(() => db.destroy());
    await migrateToLatest(db, 1, MIGRATIONS.filter((m) => m.version < SEARCH.version));
    await sql`INSERT INTO users VALUES ('u', 'u', '录入员', 'x', '[]', 0, 0)`.execute(db);
    await sql`INSERT INTO change_sets (id, kind, list, source_name, submitted_by, submitted_at, status, row_count, accepted_count, rejected_count, warning_count, report_json)
      VALUES ('cs', 'import', 'black', 'f.csv', 'u', 0, 'approved', 3, 3, 0, 0, '{}')`.execute(db);
    const seeded = [
      ['e1', '乌海市示例建材有限公司', '91150302MA0000001X', null],
      ['e2', '王伟', null, '150302198001010011'],
      ['e3', '张示明', null, '150303199002020022'],
    ] as const;
    for (const [id, name, creditCode, idNumber] of seeded) {
      await sql`INSERT INTO entries (id, change_set_id, list, category, subject_type, subject_name, credit_code, id_number, reason, authority, listed_on, valid_until, status, subject_key, created_at)
        VALUES (${id}, 'cs', 'black', '失信被执行人', ${creditCode ? 'legal-person' : 'natural-person'}, ${name}, ${creditCode}, ${idNumber}, 'r', 'a', '2026-01-01', '2027-01-01', 'approved', ${`black|失信被执行人|${creditCode ?? idNumber}`}, 0)`.execute(db);
    }

    assert.deepEqual(await migrateToLatest(db, 2), MIGRATIONS.filter((m) => m.version >= SEARCH.version).map((m) => m.version));
    const kept = await sql<{ id: string; subjectName: string }>`SELECT id, subject_name FROM entries ORDER BY id`.execute(db);
    assert.deepEqual(kept.rows, seeded.map(([id, name]) => ({ id, subjectName: name })));
    const queued = await sql<{ entryId: string; textChanged: number }>`SELECT entry_id, text_changed FROM entry_search_queue ORDER BY seq`.execute(db);
    assert.deepEqual(queued.rows, [{ entryId: 'e1', textChanged: 1 }, { entryId: 'e2', textChanged: 1 }, { entryId: 'e3', textChanged: 1 }]);

    const store = { db, sqlite };
    assert.equal(await indexQueuedEntries(store), 3);
    assert.equal(await indexQueuedEntries(store), 0);
    const copies = await sql<{ entryId: string; region: string | null }>`SELECT entry_id, region FROM entry_search_rows ORDER BY search_rowid`.execute(db);
    assert.deepEqual(copies.rows, [{ entryId: 'e1', region: '150302' }, { entryId: 'e2', region: '150302' }, { entryId: 'e3', region: '150303' }]);
    const found = async (q: string): Promise<string[]> => (await searchEntries(store, { q, sort: 'createdAt', limit: 50, offset: 0 }, '2026-06-01')).items.map((i) => i.id);
    assert.deepEqual(await found('王伟'), ['e2']);
    assert.deepEqual(await found('示'), ['e3', 'e1'], 'newest written first');
    assert.deepEqual(await found('建材有限'), ['e1']);
    assert.deepEqual(await found('ma000'), ['e1']);
    assert.deepEqual(await found('19900202'), ['e3']);

    // Writes after the migration queue themselves: a new entry, an approval-like status change, a rename.
    await sql`INSERT INTO entries (id, change_set_id, list, category, subject_type, subject_name, credit_code, reason, authority, listed_on, valid_until, status, subject_key, created_at)
      VALUES ('e4', 'cs', 'black', '失信被执行人', 'legal-person', '乌海市新建商贸有限公司', '91150304MA0000004X', 'r', 'a', '2026-01-01', '2027-01-01', 'pending', 'k4', 1)`.execute(db);
    await sql`UPDATE entries SET status = 'withdrawn' WHERE id = 'e1'`.execute(db);
    await sql`UPDATE entries SET subject_name = '王小伟' WHERE id = 'e2'`.execute(db);
    const later = await sql<{ entryId: string; textChanged: number }>`SELECT entry_id, text_changed FROM entry_search_queue ORDER BY seq`.execute(db);
    assert.deepEqual(later.rows, [{ entryId: 'e4', textChanged: 1 }, { entryId: 'e1', textChanged: 0 }, { entryId: 'e2', textChanged: 1 }]);
  });
});
