// Migration 5 (screen groups, emergencies): applied to a seeded version-4 database, it keeps the screens and takes groups and acks.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from '../../../../controller/server/store/migrate.ts';
import { MIGRATIONS } from '../../../../controller/server/store/migrations/index.ts';
import type { Database } from '../../../../controller/server/store/schema.ts';

describe('controller migration 5: groups and emergencies', () => {
  it('migrates a seeded version-4 database, keeping its screens, and links groups and acks to them', async () => {
    const sqlite = new BetterSqlite3(':memory:');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
    try {
      await migrateToLatest(db, 1, MIGRATIONS.filter((m) => m.version <= 4));
      await db.insertInto('screens').values({ id: 's1', name: '乌海站', tokenHash: 'h', deviceId: 'd', pairedAt: 1, pairedBy: 'u', revokedAt: null, lastSeenAt: null, manifestVersion: 0, listRevision: 0, lastHeartbeatJson: null, lastError: null, presenceChangedAt: null }).execute();
      assert.deepEqual(await migrateToLatest(db, 2, MIGRATIONS.filter((m) => m.version <= 5)), [5]);
      assert.deepEqual((await db.selectFrom('screens').select(['id', 'name']).execute()), [{ id: 's1', name: '乌海站' }]);

      await db.insertInto('screenGroups').values({ id: 'g1', name: '车站', createdAt: 3, createdBy: 'u' }).execute();
      await db.insertInto('screenGroupMembers').values({ groupId: 'g1', screenId: 's1' }).execute();
      await assert.rejects(db.insertInto('screenGroupMembers').values({ groupId: 'g1', screenId: 'no-such-screen' }).execute(), /FOREIGN KEY/);
      await db.insertInto('emergencies').values({ id: 'e1', kind: 'text', title: '紧急疏散', contentId: null, targetJson: '"all"', signedJson: '{}', startedAt: 4, startedBy: 'u', endedAt: null, endedBy: null, endSignedJson: null }).execute();
      await db.insertInto('emergencyScreens').values({ emergencyId: 'e1', screenId: 's1', addedAt: 4, ackedAt: null }).execute();
      // An end without its signed notice could never reach a screen.
      await assert.rejects(db.updateTable('emergencies').set({ endedAt: 5 }).where('id', '=', 'e1').execute(), /CHECK/);
    } finally {
      await db.destroy();
    }
  });
});
