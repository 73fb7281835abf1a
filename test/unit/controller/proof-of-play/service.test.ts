// Proof of play on the controller: migration 4, idempotent inserts, and the auditor's filters and pages.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { decodePlayEventCursor, encodePlayEventCursor, queryPlayEvents, recordPlayEvents } from '../../../../controller/server/features/proof-of-play/service.ts';
import { openStore, type Store } from '../../../../controller/server/store/database.ts';
import { migrateToLatest } from '../../../../controller/server/store/migrate.ts';
import { MIGRATIONS } from '../../../../controller/server/store/migrations/index.ts';
import type { PlayEvent } from '../../../../shared/protocol/proof-of-play.ts';
import { tempDir } from '../../../support/temp-dir.ts';

const T0 = Date.UTC(2026, 0, 5, 2, 0, 0);

function play(serial: number, overrides: Partial<PlayEvent> = {}): PlayEvent {
  return {
    id: `0190a6e4-1b2c-7d3e-8f40-${String(serial).padStart(12, '0')}`,
    kind: 'list',
    contentId: 'list-red',
    contentHash: 'e'.repeat(64),
    manifestVersion: 2,
    listRevision: 9,
    startedAt: T0 + serial * 60_000,
    endedAt: T0 + serial * 60_000 + 30_000,
    ...overrides,
  };
}

async function storeWithScreens(t: Parameters<typeof tempDir>[0], ...screenIds: string[]): Promise<Store> {
  const store = await openStore(join(tempDir(t), 'c.sqlite'), T0);
  t.after(() => store.close());
  for (const id of screenIds) {
    await store.db.insertInto('screens').values({ id, name: id, tokenHash: `hash-${id}`, deviceId: `device-${id}`, pairedAt: T0, pairedBy: 'test', revokedAt: null, lastSeenAt: null, manifestVersion: 0, listRevision: 0, lastHeartbeatJson: null, lastError: null }).execute();
  }
  return store;
}

describe('controller migration 4: play events', () => {
  it('adds play_events to a version-2 database without touching its screens', async (t) => {
    const BetterSqlite3 = (await import('better-sqlite3')).default;
    const { Kysely, SqliteDialect, CamelCasePlugin } = await import('kysely');
    const sqlite = new BetterSqlite3(join(tempDir(t), 'old.sqlite'));
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
    t.after(() => db.destroy());
    await migrateToLatest(db, T0, MIGRATIONS.filter((m) => m.version <= 2));
    await sql`INSERT INTO screens (id, name, token_hash, device_id, paired_at, paired_by) VALUES ('s1', '车站屏', 'h', 'd', 1, 'u')`.execute(db);
    const applied = await migrateToLatest(db, T0 + 1);
    assert.ok(applied.includes(4));
    const screens = await sql<{ id: string; name: string }>`SELECT id, name FROM screens`.execute(db);
    assert.deepEqual(screens.rows, [{ id: 's1', name: '车站屏' }]);
    await sql`INSERT INTO play_events VALUES ('p1', 's1', 'slide', 'slide-1', ${'f'.repeat(64)}, 1, 0, 10, 20, 30)`.execute(db);
    await assert.rejects(sql`INSERT INTO play_events VALUES ('p2', 'nope', 'slide', 'slide-1', ${'f'.repeat(64)}, 1, 0, 10, 20, 30)`.execute(db), /FOREIGN KEY/);
    await assert.rejects(sql`INSERT INTO play_events VALUES ('p3', 's1', 'slide', 'slide-1', ${'f'.repeat(64)}, 1, 0, 20, 10, 30)`.execute(db), /CHECK/);
  });
});

describe('proof of play service', () => {
  it('stores a re-sent batch once and counts only the new events as accepted', async (t) => {
    const store = await storeWithScreens(t, 'screen-a');
    assert.deepEqual(await recordPlayEvents(store.db, 'screen-a', { events: [play(1), play(2)] }, T0), { accepted: 2 });
    assert.deepEqual(await recordPlayEvents(store.db, 'screen-a', { events: [play(2), play(3)] }, T0 + 1), { accepted: 1 });
    const rows = await store.db.selectFrom('playEvents').select(['id', 'receivedAt']).orderBy('id').execute();
    assert.deepEqual(rows.map((r) => r.id), [play(1).id, play(2).id, play(3).id]);
    assert.equal(rows[1]?.receivedAt, T0, 'the first receipt stands');
  });

  it('never lets one screen overwrite another screen\'s event by reusing its id', async (t) => {
    const store = await storeWithScreens(t, 'screen-a', 'screen-b');
    await recordPlayEvents(store.db, 'screen-a', { events: [play(1)] }, T0);
    assert.deepEqual(await recordPlayEvents(store.db, 'screen-b', { events: [play(1, { contentId: 'forged' })] }, T0), { accepted: 0 });
    const row = await store.db.selectFrom('playEvents').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.screenId, 'screen-a');
    assert.equal(row.contentId, 'list-red');
  });

  it('inserts a full batch of 500 in one go', async (t) => {
    const store = await storeWithScreens(t, 'screen-a');
    const events = Array.from({ length: 500 }, (_, i) => play(i));
    assert.deepEqual(await recordPlayEvents(store.db, 'screen-a', { events }, T0), { accepted: 500 });
  });

  it('filters by screen, content and overlap with [from, to), and pages with a cursor', async (t) => {
    const store = await storeWithScreens(t, 'screen-a', 'screen-b');
    await recordPlayEvents(store.db, 'screen-a', { events: [play(1), play(2), play(3, { contentId: 'slide-9', kind: 'slide' }), play(4)] }, T0);
    await recordPlayEvents(store.db, 'screen-b', { events: [play(5)] }, T0);
    const ids = (page: { items: Array<{ id: string }> }) => page.items.map((i) => i.id.slice(-2));

    assert.deepEqual(ids(await queryPlayEvents(store.db, { screenId: 'screen-b', limit: 10 })), ['05']);
    assert.deepEqual(ids(await queryPlayEvents(store.db, { contentId: 'slide-9', limit: 10 })), ['03']);
    // play(2) runs 2:00–2:30 past T0's minute marks; a window from 2:15 catches it, one from 2:31 does not.
    assert.deepEqual(ids(await queryPlayEvents(store.db, { from: T0 + 135_000, to: T0 + 190_000, limit: 10 })), ['02', '03']);
    assert.deepEqual(ids(await queryPlayEvents(store.db, { from: T0 + 151_000, to: T0 + 180_000, limit: 10 })), []);

    const first = await queryPlayEvents(store.db, { screenId: 'screen-a', limit: 3 });
    assert.deepEqual(ids(first), ['01', '02', '03']);
    assert.ok(first.nextCursor);
    const second = await queryPlayEvents(store.db, { screenId: 'screen-a', limit: 3, cursor: first.nextCursor });
    assert.deepEqual(ids(second), ['04']);
    assert.equal(second.nextCursor, null);
  });

  it('refuses a malformed cursor and a range that ends before it starts', async (t) => {
    const store = await storeWithScreens(t);
    await assert.rejects(queryPlayEvents(store.db, { limit: 10, cursor: 'nonsense' }), { code: 'proof-of-play.bad-cursor' });
    await assert.rejects(queryPlayEvents(store.db, { limit: 10, from: 2, to: 1 }), { code: 'proof-of-play.bad-range' });
  });

  it('round-trips the cursor and rejects anything else', () => {
    const position = { startedAt: T0, id: play(7).id };
    assert.deepEqual(decodePlayEventCursor(encodePlayEventCursor(position)), position);
    for (const bad of ['', ':', `${T0}`, `x:${play(7).id}`, `${T0}:${play(7).id}x`, `99999999999999999:${play(7).id}`]) assert.equal(decodePlayEventCursor(bad), null, bad);
  });
});
