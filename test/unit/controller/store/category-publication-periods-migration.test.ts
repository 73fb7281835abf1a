// Migration 11 (category publication periods) on a seeded older database: existing policies keep
// their masking and get no period; a period out of bounds is refused by the table itself.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from '../../../../controller/server/store/migrate.ts';
import { MIGRATIONS } from '../../../../controller/server/store/migrations/index.ts';
import type { Database } from '../../../../controller/server/store/schema.ts';

describe('controller migration 11: category publication periods', () => {
  it('gives existing policies no period and bounds new ones to 1–120 months', async (t) => {
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }), plugins: [new CamelCasePlugin()] });
    t.after(() => db.destroy());
    await migrateToLatest(db, 1, MIGRATIONS.filter((m) => m.version < 11));
    await db.insertInto('categoryPolicies').values({ category: '失信被执行人', nameDisplay: 'full', idKeepStart: 6, idKeepEnd: 4, updatedAt: 5 } as never).execute();
    assert.deepEqual(await migrateToLatest(db, 2, MIGRATIONS.filter((m) => m.version <= 11)), [11]);
    assert.deepEqual(await db.selectFrom('categoryPolicies').selectAll().execute(), [{ category: '失信被执行人', nameDisplay: 'full', idKeepStart: 6, idKeepEnd: 4, updatedAt: 5, publicationMonths: null }]);

    await db.updateTable('categoryPolicies').set({ publicationMonths: 36 }).execute();
    await assert.rejects(db.updateTable('categoryPolicies').set({ publicationMonths: 0 }).execute(), /CHECK/);
    await assert.rejects(db.updateTable('categoryPolicies').set({ publicationMonths: 121 }).execute(), /CHECK/);
  });
});
