// Migration 7 (programme) on a seeded database from before it: screens kept with no zone of their own, the rotation as default.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from '../../../../controller/server/store/migrate.ts';
import { MIGRATIONS } from '../../../../controller/server/store/migrations/index.ts';
import type { Database } from '../../../../controller/server/store/schema.ts';
import { tempDir } from '../../../support/temp-dir.ts';

describe('migration 7: programme', () => {
  it('keeps screens (zone null: the controller default), starts with the rotation as default, and checks review pairs', async (t) => {
    const sqlite = new BetterSqlite3(join(tempDir(t), 'c.sqlite'));
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
    t.after(() => db.destroy());
    await migrateToLatest(db, 1, MIGRATIONS.filter((m) => m.version < 7));
    await db.insertInto('users').values({ id: 'u1', username: 'op', displayName: 'Op', passwordHash: 'x', roles: '["operator"]', disabled: 0, createdAt: 1 }).execute();
    await db.insertInto('screens').values({ id: 's1', name: '乌海站', tokenHash: 'h', deviceId: 'd', pairedAt: 1, pairedBy: 'u1', revokedAt: null, lastSeenAt: null, manifestVersion: 0, listRevision: 0, lastHeartbeatJson: null, lastError: null, presenceChangedAt: null }).execute();

    assert.deepEqual(await migrateToLatest(db, 2), MIGRATIONS.filter((m) => m.version >= 7).map((m) => m.version));
    assert.deepEqual(await db.selectFrom('screens').select(['name', 'timeZone']).executeTakeFirstOrThrow(), { name: '乌海站', timeZone: null });
    assert.equal((await db.selectFrom('programmeSettings').select('defaultPlaylistId').executeTakeFirstOrThrow()).defaultPlaylistId, null);
    const row = { id: 'p1', name: '大厅', approvedJson: null, approvedBy: null, approvedAt: null, pendingJson: '{}', pendingBy: 'u1', pendingAt: 2, reviewComment: null, createdBy: 'u1', createdAt: 2, retiredAt: null, retiredBy: null };
    await db.insertInto('playlists').values(row).execute();
    await assert.rejects(db.insertInto('playlists').values({ ...row, id: 'p2', pendingBy: null }).execute(), /CHECK/, 'a pending change names its author');
    await assert.rejects(db.insertInto('schedules').values({ ...row, id: 's2', approvedJson: '{}' }).execute(), /CHECK/, 'an approved version names its approver');
    await assert.rejects(db.updateTable('programmeSettings').set({ defaultPlaylistId: 'nope' }).execute(), /FOREIGN KEY/);
  });
});
