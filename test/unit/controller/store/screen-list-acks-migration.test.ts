// Migration 9 (screen list acks) on a seeded version-8 database, and the ack history read through it.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { ACK_HISTORY_RETENTION_MS, firstAcksAtOrAfter, pruneListAcks, recordListAcks } from '../../../../controller/server/features/reports/ack-history.ts';
import { migrateToLatest } from '../../../../controller/server/store/migrate.ts';
import { MIGRATIONS } from '../../../../controller/server/store/migrations/index.ts';
import type { Database } from '../../../../controller/server/store/schema.ts';

describe('controller migration 9: screen list acks', () => {
  it('adds the ack history to a version-8 database, keeping its screens; the first ack of a revision wins', async (t) => {
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }), plugins: [new CamelCasePlugin()] });
    t.after(() => db.destroy());
    await migrateToLatest(db, 1, MIGRATIONS.filter((m) => m.version <= 8));
    await db.insertInto('screens').values({ id: 's1', name: '乌海站', tokenHash: 'h', deviceId: 'd', pairedAt: 1, pairedBy: 'u', revokedAt: null, lastSeenAt: null, manifestVersion: 3, listRevision: 2, lastHeartbeatJson: null, lastError: null, presenceChangedAt: null }).execute();
    assert.deepEqual(await migrateToLatest(db, 2, MIGRATIONS.filter((m) => m.version <= 9)), [9]);
    assert.deepEqual(await db.selectFrom('screens').select(['id', 'listRevision']).execute(), [{ id: 's1', listRevision: 2 }]);

    await recordListAcks(db, [{ screenId: 's1', listRevision: 3, ackedAt: 1_000 }, { screenId: 's1', listRevision: 5, ackedAt: 3_000 }, { screenId: 's2', listRevision: 5, ackedAt: 2_500 }]);
    // A re-ack after a reconnect does not move the time.
    await recordListAcks(db, [{ screenId: 's1', listRevision: 3, ackedAt: 9_000 }]);
    assert.deepEqual(await firstAcksAtOrAfter(db, ['s1', 's2', 's3'], 3), new Map([['s1', 1_000], ['s2', 2_500]]));
    assert.deepEqual(await firstAcksAtOrAfter(db, ['s1', 's2'], 4), new Map([['s1', 3_000], ['s2', 2_500]]));
    assert.deepEqual(await firstAcksAtOrAfter(db, ['s1'], 6), new Map());

    assert.equal(await pruneListAcks(db, 2_000 + ACK_HISTORY_RETENTION_MS), 1);
    assert.deepEqual(await firstAcksAtOrAfter(db, ['s1'], 3), new Map([['s1', 3_000]]));
  });
});
