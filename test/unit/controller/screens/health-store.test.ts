// Screen health in a real SQLite store: presence changes recorded once each, sampled heartbeats, windows, trimming, migration 3.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { CamelCasePlugin, Kysely, SqliteDialect, sql } from 'kysely';
import type { Heartbeat } from '../../../../shared/protocol/messages.ts';
import { markSilentScreensOffline, pruneHealthHistory, readHealthHistory } from '../../../../controller/server/features/screens/health-store.ts';
import { HEARTBEAT_HISTORY_RETENTION_MS, MAX_HEARTBEAT_SAMPLES_PER_SCREEN } from '../../../../controller/server/features/screens/presence.ts';
import { appliedSign, connectedSign, createScreen, heartbeatSign, listScreens, recordApplied, recordHeartbeat, recordSeen, recordSignsOfLife } from '../../../../controller/server/features/screens/service.ts';
import { createSignOfLifeWriter } from '../../../../controller/server/features/screens/sign-of-life-writer.ts';
import { openStore, type Store } from '../../../../controller/server/store/database.ts';
import { migrateToLatest } from '../../../../controller/server/store/migrate.ts';
import { MIGRATIONS } from '../../../../controller/server/store/migrations/index.ts';
import { tempDir } from '../../../support/temp-dir.ts';

const T0 = Date.UTC(2024, 5, 1, 4, 0, 0);
const OFFLINE_AFTER_MS = 90_000;

/** A heartbeat as a protocol-1 player sent it before the health fields existed. */
const OLD_HEARTBEAT = {
  sentAt: T0,
  onScreen: null,
  manifestVersion: 1,
  listRevision: 2,
  cacheBytes: 1_000,
  diskFreeBytes: 5_000,
  memoryRssBytes: 70_000_000,
  uptimeSeconds: 60,
  resolution: null,
  appVersion: '0.1.0',
  clockOffsetMs: 0,
  lastError: null,
};

const HEARTBEAT: Heartbeat = {
  ...OLD_HEARTBEAT,
  lastErrorAt: null,
  displayReportedAt: null,
  display: null,
  memoryFreeBytes: 1_000_000,
  memoryTotalBytes: 4_000_000,
  cpuCount: 2,
  cpuBusyFraction: 0.1,
  loadAverage: [0.1, 0.1, 0.1],
  systemUptimeSeconds: 1_000,
};

async function storeWithScreen(t: TestContext): Promise<{ store: Store; screenId: string }> {
  const store = await openStore(join(tempDir(t), 'c.sqlite'), T0);
  t.after(() => store.close());
  const { screenId } = await createScreen(store.db, { name: '火车站大屏', deviceId: 'device-0001', actorId: 'u1', now: T0 });
  return { store, screenId };
}

async function changes(store: Store, screenId: string) {
  return store.db.selectFrom('screenPresenceChanges').select(['at', 'presence', 'reason', 'lastSeenAt']).where('screenId', '=', screenId).orderBy('id').execute();
}

describe('screen presence in the store', () => {
  it('starts a new screen offline, marks it online once on its first sign of life', async (t) => {
    const { store, screenId } = await storeWithScreen(t);
    assert.equal((await listScreens(store.db, new Set()))[0]?.status, 'offline');
    await recordSeen(store.db, screenId, T0 + 1_000);
    await recordHeartbeat(store.db, screenId, HEARTBEAT, T0 + 2_000, 0);
    await recordApplied(store.db, screenId, 1, 2, T0 + 3_000);
    assert.deepEqual(await changes(store, screenId), [{ at: T0 + 1_000, presence: 'online', reason: 'connected', lastSeenAt: T0 + 1_000 }]);
    const [screen] = await listScreens(store.db, new Set([screenId]));
    assert.equal(screen?.status, 'online');
    assert.equal(screen?.statusChangedAt, T0 + 1_000);
    assert.equal(screen?.lastSeenAt, T0 + 3_000);
    assert.equal(screen?.connected, true);
    assert.deepEqual(screen?.health, HEARTBEAT);
  });

  it('marks a screen offline at 90 s of silence, not at 89.999 s, and records it once however often the job checks', async (t) => {
    const { store, screenId } = await storeWithScreen(t);
    const lastSeenAt = T0 + 10_000;
    await recordHeartbeat(store.db, screenId, HEARTBEAT, lastSeenAt, 0);
    assert.deepEqual(await markSilentScreensOffline(store.db, lastSeenAt + 89_999, OFFLINE_AFTER_MS), []);
    assert.deepEqual(await markSilentScreensOffline(store.db, lastSeenAt + 90_000, OFFLINE_AFTER_MS), [screenId]);
    for (let check = 1; check <= 3; check++) assert.deepEqual(await markSilentScreensOffline(store.db, lastSeenAt + 90_000 + check * 5_000, OFFLINE_AFTER_MS), []);
    assert.deepEqual(
      (await changes(store, screenId)).map((c) => [c.presence, c.reason, c.at, c.lastSeenAt]),
      [
        ['online', 'heartbeat', lastSeenAt, lastSeenAt],
        ['offline', 'silent', lastSeenAt + 90_000, lastSeenAt],
      ],
    );
    assert.equal((await listScreens(store.db, new Set()))[0]?.status, 'offline');

    await recordHeartbeat(store.db, screenId, HEARTBEAT, lastSeenAt + 200_000, 0);
    assert.equal((await listScreens(store.db, new Set()))[0]?.status, 'online');
    assert.equal((await changes(store, screenId)).length, 3);
  });

  it('keeps one heartbeat per sample interval in the history', async (t) => {
    const { store, screenId } = await storeWithScreen(t);
    for (let beat = 0; beat < 10; beat++) await recordHeartbeat(store.db, screenId, { ...HEARTBEAT, sentAt: T0 + beat * 30_000 }, T0 + beat * 30_000, 60_000);
    const kept = await store.db.selectFrom('screenHeartbeats').select('at').where('screenId', '=', screenId).orderBy('at').execute();
    assert.deepEqual(kept.map((k) => (k.at - T0) / 30_000), [0, 2, 4, 6, 8]);
  });

  it('reads a window oldest first, the newest rows when there are too many, and the status before the window', async (t) => {
    const { store, screenId } = await storeWithScreen(t);
    await recordSeen(store.db, screenId, T0);
    await markSilentScreensOffline(store.db, T0 + 100_000, OFFLINE_AFTER_MS);
    for (let beat = 0; beat < 5; beat++) await recordHeartbeat(store.db, screenId, HEARTBEAT, T0 + 200_000 + beat * 1_000, 0);
    const history = await readHealthHistory(store.db, screenId, T0 + 150_000, T0 + 300_000, { heartbeats: 3, transitions: 10 });
    assert.equal(history.statusAtFrom, 'offline');
    assert.deepEqual(history.transitions.map((c) => [c.status, c.at]), [['online', T0 + 200_000]]);
    assert.deepEqual(history.heartbeats.map((h) => h.at), [T0 + 202_000, T0 + 203_000, T0 + 204_000]);
    assert.deepEqual(history.truncated, { transitions: false, heartbeats: true });
    assert.deepEqual(history.heartbeats[0]?.heartbeat, HEARTBEAT);
  });

  it('reads a heartbeat stored before the health fields with those fields null', async (t) => {
    const { store, screenId } = await storeWithScreen(t);
    await store.db.updateTable('screens').set({ lastHeartbeatJson: JSON.stringify(OLD_HEARTBEAT) }).where('id', '=', screenId).execute();
    const health = (await listScreens(store.db, new Set()))[0]?.health;
    assert.equal(health?.memoryRssBytes, OLD_HEARTBEAT.memoryRssBytes);
    assert.equal(health?.memoryFreeBytes, null);
    assert.equal(health?.display, null);
  });

  it('trims heartbeats past their retention and beyond the per-screen bound', async (t) => {
    const { store, screenId } = await storeWithScreen(t);
    const now = T0 + HEARTBEAT_HISTORY_RETENTION_MS + 60_000;
    const rows = Array.from({ length: MAX_HEARTBEAT_SAMPLES_PER_SCREEN + 10 }, (_, i) => ({ screenId, at: now - i, heartbeatJson: '{}' }));
    rows.push({ screenId, at: T0, heartbeatJson: '{}' });
    await store.db.insertInto('screenHeartbeats').values(rows).execute();
    assert.deepEqual(await pruneHealthHistory(store.db, now), { heartbeats: 11, transitions: 0 });
    const left = await store.db.selectFrom('screenHeartbeats').select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('at').as('oldest')]).executeTakeFirstOrThrow();
    assert.deepEqual(left, { count: MAX_HEARTBEAT_SAMPLES_PER_SCREEN, oldest: now - MAX_HEARTBEAT_SAMPLES_PER_SCREEN + 1 });
  });
});

describe('migration 3: screen health', () => {
  it('keeps a version-2 database\'s screens, offline until heard from, with empty histories', async (t) => {
    const path = join(tempDir(t), 'v2.sqlite');
    const BetterSqlite3 = (await import('better-sqlite3')).default;
    const sqlite = new BetterSqlite3(path);
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
    t.after(() => db.destroy());
    const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version);
    await migrateToLatest(db, 1, upTo(2));
    await sql`INSERT INTO screens (id, name, token_hash, device_id, paired_at, paired_by, last_seen_at, last_heartbeat_json)
      VALUES ('s1', '机场屏', 'hash', 'device-0001', 1, 'u1', 5, ${JSON.stringify(OLD_HEARTBEAT)})`.execute(db);
    assert.deepEqual(await migrateToLatest(db, 2, upTo(3)), [3]);
    const screens = await sql<{ id: string; name: string; lastSeenAt: number; presence: string; presenceChangedAt: number | null }>`
      SELECT id, name, last_seen_at, presence, presence_changed_at FROM screens`.execute(db);
    assert.deepEqual(screens.rows, [{ id: 's1', name: '机场屏', lastSeenAt: 5, presence: 'offline', presenceChangedAt: null }]);
    for (const table of ['screen_heartbeats', 'screen_presence_changes']) {
      const count = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
      assert.equal(count.rows[0]?.n, 0);
    }
    await assert.rejects(sql`UPDATE screens SET presence = 'asleep'`.execute(db), /CHECK constraint/);
  });
});

describe('signs of life written in batches', () => {
  async function fleetStore(t: TestContext): Promise<{ store: Store; ids: string[] }> {
    const store = await openStore(join(tempDir(t), 'c.sqlite'), T0);
    t.after(() => store.close());
    const ids: string[] = [];
    for (const name of ['一号屏', '二号屏', '三号屏']) ids.push((await createScreen(store.db, { name, deviceId: `device-${name}`, actorId: 'u1', now: T0 })).screenId);
    return { store, ids };
  }

  /** Everything a batch may change, per screen in creation order. */
  async function written(store: Store, ids: readonly string[]) {
    const screens = await listScreens(store.db, new Set());
    const byId = new Map(screens.map((s) => [s.id, s]));
    return Promise.all(
      ids.map(async (id) => {
        const screen = byId.get(id);
        const beats = await store.db.selectFrom('screenHeartbeats').select(['at', 'heartbeatJson']).where('screenId', '=', id).orderBy('id').execute();
        return { status: screen?.status, lastSeenAt: screen?.lastSeenAt, versions: [screen?.manifestVersion, screen?.listRevision], health: screen?.health, changes: await changes(store, id), beats };
      }),
    );
  }

  it('leaves the store as the same signs written one by one would, later signs winning', async (t) => {
    const one = await fleetStore(t);
    const batch = await fleetStore(t);
    const signs = (ids: string[]) => [
      connectedSign(ids[0]!, T0 + 1_000),
      heartbeatSign(ids[0]!, { ...HEARTBEAT, manifestVersion: 1, listRevision: 1 }, T0 + 1_001, 0),
      appliedSign(ids[1]!, 2, 3, T0 + 1_002),
      appliedSign(ids[0]!, 2, 3, T0 + 1_003),
      heartbeatSign(ids[2]!, HEARTBEAT, T0 + 1_004, 0),
      heartbeatSign(ids[2]!, { ...HEARTBEAT, sentAt: T0 + 1_005 }, T0 + 1_005, 0),
      appliedSign(ids[2]!, 2, 3, T0 + 1_006),
    ];
    for (const sign of signs(one.ids)) await recordSignsOfLife(one.store.db, [sign]);
    await recordSignsOfLife(batch.store.db, signs(batch.ids));
    const expected = await written(one.store, one.ids);
    assert.deepEqual(await written(batch.store, batch.ids), expected);
    // The later sync:applied wins over the heartbeat's older versions, as it did one by one.
    assert.deepEqual(expected[0]?.versions, [2, 3]);
    assert.equal(expected[2]?.beats.length, 2);
    assert.deepEqual(expected.map((s) => s.changes.length), [1, 1, 1]);
  });

  it('commits what arrives in one turn together and resolves each sign only once it is stored', async (t) => {
    const { store, ids } = await fleetStore(t);
    const writer = createSignOfLifeWriter(store.db);
    const stored = await Promise.all(ids.map(async (id, i) => {
      await writer.record(appliedSign(id, 5, 6, T0 + i));
      const row = await store.db.selectFrom('screens').select(['manifestVersion', 'listRevision']).where('id', '=', id).executeTakeFirstOrThrow();
      return [row.manifestVersion, row.listRevision];
    }));
    assert.deepEqual(stored, [[5, 6], [5, 6], [5, 6]]);
  });

  it('rejects every sign of a batch whose transaction fails, so no ack claims a write that did not happen', async (t) => {
    const { store, ids } = await fleetStore(t);
    const writer = createSignOfLifeWriter(store.db);
    await sql`CREATE TRIGGER refuse_seen BEFORE UPDATE OF last_seen_at ON screens BEGIN SELECT RAISE(ABORT, 'disk full'); END`.execute(store.db);
    const outcomes = await Promise.allSettled(ids.map((id) => writer.record(connectedSign(id, T0))));
    assert.deepEqual(outcomes.map((o) => o.status), ['rejected', 'rejected', 'rejected']);
    assert.deepEqual((await written(store, ids)).map((s) => s.lastSeenAt), [null, null, null]);
  });
});
