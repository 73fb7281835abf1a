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
    const next = { version: MIGRATIONS.length + 1, name: 'test-add-column', up: async (db: Parameters<(typeof MIGRATIONS)[number]['up']>[0]) => { await sql`ALTER TABLE users ADD COLUMN phone TEXT`.execute(db); } };
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
