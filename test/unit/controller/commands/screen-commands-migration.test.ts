// Migration 6 (screen commands) on a seeded database from before it: rows kept, the new table and its checks in place.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from '../../../../controller/server/store/migrate.ts';
import { MIGRATIONS } from '../../../../controller/server/store/migrations/index.ts';
import type { Database } from '../../../../controller/server/store/schema.ts';
import { tempDir } from '../../../support/temp-dir.ts';

describe('migration 6: screen commands', () => {
  it('adds screen_commands to a database that has screens, keeping them, and refuses unknown statuses', async (t) => {
    const sqlite = new BetterSqlite3(join(tempDir(t), 'c.sqlite'));
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
    t.after(() => db.destroy());
    await migrateToLatest(db, 1, MIGRATIONS.filter((m) => m.version < 6));
    await db.insertInto('users').values({ id: 'u1', username: 'tech', displayName: 'Tech', passwordHash: 'x', roles: '["technician"]', disabled: 0, createdAt: 1 }).execute();
    await db.insertInto('screens').values({ id: 's1', name: '乌海站', tokenHash: 'h', deviceId: 'd', pairedAt: 1, pairedBy: 'u1', revokedAt: null, lastSeenAt: null, manifestVersion: 0, listRevision: 0, lastHeartbeatJson: null, lastError: null, presenceChangedAt: null }).execute();

    assert.deepEqual(await migrateToLatest(db, 2), MIGRATIONS.filter((m) => m.version >= 6).map((m) => m.version));
    assert.equal((await db.selectFrom('screens').select('name').executeTakeFirstOrThrow()).name, '乌海站');
    const row = { id: 'c1', screenId: 's1', kind: 'identify' as const, status: 'queued' as const, requestedBy: 'u1', requestedAt: 10, expiresAt: 20, sentAt: null, completedAt: null, resultJson: null, errorCode: null, errorMessage: null, screenshotSha256: null, screenshotBytes: null };
    await db.insertInto('screenCommands').values(row).execute();
    assert.equal((await db.selectFrom('screenCommands').select('attempts').executeTakeFirstOrThrow()).attempts, 0);
    await assert.rejects(db.insertInto('screenCommands').values({ ...row, id: 'c2', status: 'lost' as never }).execute(), /CHECK/);
    await assert.rejects(db.insertInto('screenCommands').values({ ...row, id: 'c3', expiresAt: 10 }).execute(), /CHECK/);
    await assert.rejects(db.insertInto('screenCommands').values({ ...row, id: 'c4', screenId: 'nope' }).execute(), /FOREIGN KEY/);
  });
});
