import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { openStore } from '../../../../controller/server/store/database.ts';
import { migrateToLatest } from '../../../../controller/server/store/migrate.ts';
import { MIGRATIONS } from '../../../../controller/server/store/migrations/index.ts';
import { tempDir } from '../../../support/temp-dir.ts';

describe('controller store migrations', () => {
  it('creates the latest schema on an empty database and records each version', async (t) => {
    const store = await openStore(join(tempDir(t), 'c.sqlite'), 1);
    const versions = await store.db.selectFrom('schemaMigrations').select('version').execute();
    assert.deepEqual(versions.map((v) => v.version), MIGRATIONS.map((m) => m.version));
    const state = await store.db.selectFrom('publicationState').selectAll().executeTakeFirstOrThrow();
    assert.deepEqual(state, { id: 1, revision: 0, manifestVersion: 0 });
    await store.close();
  });

  it('runs a new migration on a seeded older database and keeps its rows', async (t) => {
    const path = join(tempDir(t), 'c.sqlite');
    const store = await openStore(path, 1);
    await store.db.insertInto('users').values({ id: 'u1', username: 'old', displayName: 'Old', passwordHash: 'x', roles: '["admin"]', disabled: 0, createdAt: 1 }).execute();
    const next = { version: Math.max(...MIGRATIONS.map((m) => m.version)) + 1, name: 'test-add-column', up: async (db: Parameters<(typeof MIGRATIONS)[number]['up']>[0]) => { await sql`ALTER TABLE users ADD COLUMN phone TEXT`.execute(db); } };
    const applied = await migrateToLatest(store.db, 2, [...MIGRATIONS, next]);
    assert.deepEqual(applied, [next.version]);
    const row = await sql<{ username: string; phone: string | null }>`SELECT username, phone FROM users`.execute(store.db);
    assert.deepEqual(row.rows, [{ username: 'old', phone: null }]);
    await store.close();
  });

  it('rolls back every step of a failing batch', async (t) => {
    const store = await openStore(join(tempDir(t), 'c.sqlite'), 1);
    const good = { version: 90, name: 'good', up: async (db: Parameters<(typeof MIGRATIONS)[number]['up']>[0]) => { await sql`CREATE TABLE t90 (x INTEGER)`.execute(db); } };
    const bad = { version: 91, name: 'bad', up: async (db: Parameters<(typeof MIGRATIONS)[number]['up']>[0]) => { await sql`CREATE TABLE users (x INTEGER)`.execute(db); } };
    await assert.rejects(migrateToLatest(store.db, 2, [...MIGRATIONS, good, bad]));
    const tables = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE name = 't90'`.execute(store.db);
    assert.equal(tables.rows.length, 0);
    await store.close();
  });

  it('refuses a database written by a newer Gongshi', async (t) => {
    const path = join(tempDir(t), 'c.sqlite');
    const store = await openStore(path, 1);
    await store.db.insertInto('schemaMigrations').values({ version: 999, name: 'future', appliedAt: 2 }).execute();
    await store.close();
    await assert.rejects(openStore(path, 3), (error: { code?: string }) => error.code === 'store.newer-schema');
  });
});

describe('migration 2: partial entry indexes', () => {
  it('keeps a version-1 database\'s entries and indexes only approved rows by subject', async (t) => {
    const path = join(tempDir(t), 'v1.sqlite');
    const BetterSqlite3 = (await import('better-sqlite3')).default;
    const { Kysely, SqliteDialect, CamelCasePlugin } = await import('kysely');
    const sqlite = new BetterSqlite3(path);
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
    await migrateToLatest(db, 1, MIGRATIONS.slice(0, 1));
    await sql`INSERT INTO users VALUES ('u', 'u', 'u', 'x', '[]', 0, 0)`.execute(db);
    await sql`INSERT INTO change_sets (id, kind, list, source_name, submitted_by, submitted_at, status, row_count, accepted_count, rejected_count, warning_count, report_json)
      VALUES ('cs', 'import', 'red', 'f.csv', 'u', 0, 'pending', 2, 2, 0, 0, '{}')`.execute(db);
    for (const [id, status] of [['e1', 'approved'], ['e2', 'pending']]) {
      await sql`INSERT INTO entries (id, change_set_id, list, category, subject_type, subject_name, reason, authority, listed_on, valid_until, status, subject_key, created_at)
        VALUES (${id}, 'cs', 'red', 'A级纳税人', 'legal-person', ${id}, 'r', 'a', '2026-01-01', '2027-01-01', ${status}, ${`red|A级纳税人|${id}`}, 0)`.execute(db);
    }
    assert.deepEqual(await migrateToLatest(db, 2, MIGRATIONS.slice(0, 2)), [2]);
    const rows = await sql<{ id: string; status: string }>`SELECT id, status FROM entries ORDER BY id`.execute(db);
    assert.deepEqual(rows.rows, [{ id: 'e1', status: 'approved' }, { id: 'e2', status: 'pending' }]);
    const indexes = (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entries' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(db)).rows.map((r) => r.name);
    assert.deepEqual(indexes, ['entries_approved', 'entries_approved_subject', 'entries_change_set']);
    const plan = (await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT 1 FROM entries WHERE subject_key = 'x' AND status = 'approved'`.execute(db)).rows.map((r) => r.detail).join(' ');
    assert.match(plan, /entries_approved_subject/);
    await db.destroy();
  });
});
