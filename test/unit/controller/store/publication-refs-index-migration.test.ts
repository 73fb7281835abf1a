// Migration 8 on a seeded version-7 database: publication rows kept, and the digest's read served by the new covering index.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { publishedRefs } from '../../../../controller/server/features/publishing/store.ts';
import { migrateToLatest } from '../../../../controller/server/store/migrate.ts';
import { MIGRATIONS } from '../../../../controller/server/store/migrations/index.ts';
import type { Database } from '../../../../controller/server/store/schema.ts';
import { tempDir } from '../../../support/temp-dir.ts';

describe('migration 8: publication refs index', () => {
  it('keeps the published rows and reads live refs in entry order from the covering index alone', async (t) => {
    const sqlite = new BetterSqlite3(join(tempDir(t), 'c.sqlite'));
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
    t.after(() => db.destroy());
    await migrateToLatest(db, 1, MIGRATIONS.filter((m) => m.version < 8));
    // Inserted out of order, as a store from before the fix holds them.
    for (const [entryId, deleted] of [['e3', 0], ['e1', 0], ['e2', 1]] as const) {
      await db.insertInto('publication').values({ entryId, list: 'black', revision: 1, deleted, bodyJson: '{}', hash: `h-${entryId}` }).execute();
    }
    assert.deepEqual(await migrateToLatest(db, 2, MIGRATIONS.filter((m) => m.version <= 8)), [8]);
    assert.deepEqual(await publishedRefs(db), [{ id: 'e1', hash: 'h-e1' }, { id: 'e3', hash: 'h-e3' }]);
    const plan = sqlite.prepare('EXPLAIN QUERY PLAN SELECT entry_id AS id, hash FROM publication WHERE deleted = 0 ORDER BY entry_id').all() as Array<{ detail: string }>;
    assert.match(plan.map((step) => step.detail).join('\n'), /COVERING INDEX publication_live_refs/);
  });
});
