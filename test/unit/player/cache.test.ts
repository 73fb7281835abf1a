// Unit tests for the player cache: migrations, the atomic switch, takedowns and verified assets.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { MIGRATIONS, migrate, schemaVersion, type Migration } from '../../../player/core/cache/migrations.ts';
import { CACHE_FILE_NAME, openPlayerCache, type PlayerCache } from '../../../player/core/cache/player-cache.ts';
import { isPlayerError } from '../../../player/core/errors.ts';
import { sha256Hex } from '../../../shared/signing/hashing.ts';
import { NOW, makeEntry, slideBytes, tempDir } from './fixtures.ts';

let dir: ReturnType<typeof tempDir>;
let cache: PlayerCache | null = null;

beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  cache?.close();
  cache = null;
  dir.remove();
});

function open(): PlayerCache {
  cache = openPlayerCache(dir.path);
  return cache;
}

function apply(c: PlayerCache, version: number, revision: number): void {
  c.applySync({ manifestVersion: version, signedManifestJson: `{"v":${version}}`, listRevision: revision, appliedAt: NOW });
}

describe('player cache migrations', () => {
  it('creates every table on a fresh database, in WAL mode, at the latest version', () => {
    const c = open();
    assert.equal(schemaVersion(c.db), MIGRATIONS.length);
    assert.equal(c.db.pragma('journal_mode', { simple: true }), 'wal');
    const tables = c.db.prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'").all();
    for (const name of ['identity', 'list_state', 'entries', 'staging', 'staged_changes', 'takedowns', 'manifest', 'assets']) {
      assert.equal(tables.find((t) => t.name === name)?.strict, 1, `${name} is a STRICT table`);
    }
    assert.equal(c.lists.revision(), 0);
  });

  it('is idempotent when reopened', () => {
    open().identity.load(() => 'device-0001');
    cache?.close();
    const again = open();
    assert.equal(again.identity.load(() => 'device-9999').deviceId, 'device-0001');
  });

  it('refuses a database written by a newer player, with a clear error', () => {
    const db = new Database(join(dir.path, CACHE_FILE_NAME));
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    assert.throws(
      () => openPlayerCache(dir.path),
      (error: unknown) => isPlayerError(error, 'cache-schema-too-new') && /newer than this player supports/.test(error.message),
    );
  });

  it('migrates a seeded older database forward and keeps its rows', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.prepare("INSERT INTO entries (id, list, body, hash, expires_at) VALUES ('e1', 'red', '{}', 'h', 1)").run();
    const next: Migration = { version: MIGRATIONS.length + 1, name: 'test: add a column', sql: 'ALTER TABLE entries ADD COLUMN seen_at INTEGER' };
    assert.deepEqual(migrate(db, [...MIGRATIONS, next]), { from: MIGRATIONS.length, to: MIGRATIONS.length + 1 });
    assert.deepEqual(db.prepare('SELECT id, seen_at FROM entries').all(), [{ id: 'e1', seen_at: null }]);
    db.close();
  });

  it('migration 2 seeds the clock high-water mark from the last sync of an older cache', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 1));
    db.prepare('UPDATE list_state SET revision = 4, updated_at = ? WHERE singleton = 1').run(NOW);
    db.prepare("INSERT INTO manifest (singleton, version, signed_json, applied_at) VALUES (1, 3, '{}', ?)").run(NOW - 1_000);
    assert.deepEqual(migrate(db), { from: 1, to: MIGRATIONS.length });
    assert.deepEqual(db.prepare('SELECT singleton, seen_at FROM clock_state').all(), [{ singleton: 1, seen_at: NOW }]);
    assert.deepEqual(db.prepare('SELECT revision, updated_at FROM list_state').get(), { revision: 4, updated_at: NOW });
    db.close();
  });

  it('migration 2 starts the mark at 0 on a cache that never synced', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 1));
    migrate(db);
    assert.deepEqual(db.prepare('SELECT seen_at FROM clock_state').all(), [{ seen_at: 0 }]);
    db.close();
  });

  it('migration 6 gives an older cache an empty store of display pages and keeps its entries', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 5));
    db.prepare("INSERT INTO entries (id, list, body, hash, expires_at) VALUES ('e1', 'black', '{}', 'h', 1)").run();
    assert.deepEqual(migrate(db), { from: 5, to: MIGRATIONS.length });
    assert.deepEqual(db.prepare('SELECT id FROM entries').all(), [{ id: 'e1' }]);
    assert.deepEqual(db.prepare('SELECT * FROM display_pages').all(), []);
    db.close();
  });

  it('rolls a failing migration back entirely, leaving the version unchanged', () => {
    const db = new Database(':memory:');
    migrate(db);
    const broken: Migration = { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE t (x INTEGER) STRICT; SELECT nope FROM missing;' };
    assert.throws(() => migrate(db, [...MIGRATIONS, broken]));
    assert.equal(schemaVersion(db), MIGRATIONS.length);
    assert.deepEqual(db.prepare("SELECT name FROM sqlite_master WHERE name = 't'").all(), []);
    db.close();
  });
});

describe('player cache lists', () => {
  it('applies staged changes: tombstones first, then upserts, with revision and manifest', () => {
    const c = open();
    c.lists.beginStaging('delta', 0);
    c.lists.stagePage({ tombstones: [], upserts: [makeEntry({ id: 'a' }), makeEntry({ id: 'b' })], revision: 1 });
    apply(c, 1, 1);
    c.lists.beginStaging('delta', 1);
    // Within one page the upsert of 'b' wins over its tombstone.
    c.lists.stagePage({ tombstones: ['a', 'b'], upserts: [makeEntry({ id: 'b', name: '新名称' })], revision: 2 });
    apply(c, 2, 2);
    assert.deepEqual(c.lists.liveEntries().map((e) => [e.id, e.name]), [['b', '新名称']]);
    assert.equal(c.lists.revision(), 2);
    assert.equal(c.manifests.current()?.version, 2);
    assert.equal(c.lists.staging(), null);
  });

  it('keeps live entries, revision and manifest untouched when the switch fails midway', () => {
    const c = open();
    c.lists.beginStaging('delta', 0);
    c.lists.stagePage({ tombstones: [], upserts: [makeEntry({ id: 'a' }), makeEntry({ id: 'b' })], revision: 5 });
    apply(c, 1, 5);
    c.lists.beginStaging('delta', 5);
    c.lists.stagePage({ tombstones: ['a'], upserts: [makeEntry({ id: 'c' })], revision: 6 });
    // The manifest write is the last step of the switch; make it fail after entries changed.
    c.db.exec("CREATE TRIGGER fail_manifest BEFORE INSERT ON manifest BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    assert.throws(() => apply(c, 2, 6), /disk full/);
    assert.deepEqual(c.lists.liveEntries().map((e) => e.id), ['a', 'b']);
    assert.equal(c.lists.revision(), 5);
    assert.equal(c.manifests.current()?.version, 1);
  });

  it('replaces every live entry when a full list was staged', () => {
    const c = open();
    c.lists.beginStaging('delta', 0);
    c.lists.stagePage({ tombstones: [], upserts: [makeEntry({ id: 'stale' })], revision: 3 });
    apply(c, 1, 3);
    c.lists.beginStaging('full', 0);
    c.lists.stagePage({ tombstones: [], upserts: [makeEntry({ id: 'fresh' })], revision: 4 });
    apply(c, 2, 4);
    assert.deepEqual(c.lists.liveEntries().map((e) => e.id), ['fresh']);
  });

  it('takes entries down from live and staging at once, and a late upsert does not bring them back', () => {
    const c = open();
    c.lists.beginStaging('delta', 0);
    c.lists.stagePage({ tombstones: [], upserts: [makeEntry({ id: 'a' }), makeEntry({ id: 'b' })], revision: 1 });
    apply(c, 1, 1);
    c.lists.beginStaging('delta', 1);
    c.lists.stagePage({ tombstones: [], upserts: [makeEntry({ id: 'c' })], revision: 2 });
    assert.equal(c.lists.takedown(['a', 'c', 'unknown'], 3, NOW), 1);
    assert.deepEqual(c.lists.liveEntries().map((e) => e.id), ['b']);
    assert.deepEqual(c.lists.stagedRefs(sha256Hex), []);
    // A page computed before the withdrawal arrives afterwards and re-sends 'a'.
    c.lists.stagePage({ tombstones: [], upserts: [makeEntry({ id: 'a' })], revision: 2 });
    assert.equal(c.lists.maxTakedownRevision(), 3);
    apply(c, 2, 2);
    assert.deepEqual(c.lists.liveEntries().map((e) => e.id), ['b']);
    // Once the lists reach the takedown's revision, the record is no longer needed.
    c.lists.beginStaging('delta', 2);
    c.lists.stagePage({ tombstones: ['a', 'c'], upserts: [], revision: 3 });
    apply(c, 3, 3);
    assert.equal(c.lists.maxTakedownRevision(), 0);
  });

  it('removes entries from live alone, leaving staging, revision and takedowns as they were', () => {
    const c = open();
    c.lists.beginStaging('delta', 0);
    c.lists.stagePage({ tombstones: [], upserts: [makeEntry({ id: 'a' }), makeEntry({ id: 'b' })], revision: 1 });
    apply(c, 1, 1);
    c.lists.beginStaging('delta', 1);
    c.lists.stagePage({ tombstones: ['a'], upserts: [makeEntry({ id: 'c' })], revision: 2 });
    assert.equal(c.lists.removeLive(['a', 'unknown']), 1);
    assert.deepEqual(c.lists.liveEntries().map((e) => e.id), ['b']);
    assert.equal(c.lists.revision(), 1);
    assert.equal(c.lists.stagedRefs(sha256Hex).length, 2);
    assert.equal(c.lists.maxTakedownRevision(), 0);
  });

  it('forgets contradicted takedowns in the switch, but not one renewed since', () => {
    const c = open();
    c.lists.beginStaging('delta', 0);
    c.lists.stagePage({ tombstones: [], upserts: [makeEntry({ id: 'a' }), makeEntry({ id: 'b' })], revision: 1 });
    apply(c, 1, 1);
    c.lists.takedown(['a', 'b'], 99, NOW);
    const contradicted = c.lists.rememberedTakedowns();
    c.lists.takedown(['b'], 100, NOW + 1);
    c.lists.beginStaging('full', 0);
    c.lists.stagePage({ tombstones: [], upserts: [makeEntry({ id: 'a' }), makeEntry({ id: 'b' })], revision: 2 });
    c.applySync({ manifestVersion: 2, signedManifestJson: '{"v":2}', listRevision: 2, appliedAt: NOW, contradictedTakedowns: contradicted });
    assert.deepEqual(c.lists.rememberedTakedowns(), [{ id: 'b', revision: 100, receivedAt: NOW + 1 }]);
    assert.deepEqual(c.lists.liveEntries().map((e) => e.id), ['a'], "'b' is still held back by the renewed takedown");
  });

  it('skips a corrupt live row instead of showing it', () => {
    const c = open();
    c.db.prepare("INSERT INTO entries (id, list, body, hash, expires_at) VALUES ('bad', 'red', '{not json', 'h', 1)").run();
    assert.deepEqual(c.lists.liveEntries(), []);
  });
});

describe('player cache clock', () => {
  it('keeps the latest time seen across reopening, and never lowers it', () => {
    const c = open();
    assert.equal(c.clock.seenAt(), 0);
    c.clock.recordSeen(NOW + 0.7);
    c.clock.recordSeen(NOW - 86_400_000);
    assert.equal(c.clock.seenAt(), NOW);
    c.lists.beginStaging('delta', 0);
    c.applySync({ manifestVersion: 1, signedManifestJson: '{"v":1}', listRevision: 0, appliedAt: NOW + 5_000 });
    cache?.close();
    assert.equal(open().clock.seenAt(), NOW + 5_000, 'a successful sync is time seen');
  });
});

describe('player cache assets', () => {
  it('stores an asset under its SHA-256 only after verifying it', async () => {
    const c = open();
    const { bytes, sha256 } = slideBytes();
    await c.assets.putBytes(sha256, bytes, NOW);
    assert.ok(existsSync(join(dir.path, 'assets', sha256)));
    assert.ok(c.assets.isIndexed(sha256));
    assert.deepEqual(new Uint8Array((await c.assets.readVerified(sha256)) ?? []), bytes);
    assert.deepEqual(readdirSync(c.assets.partialDir), []);
  });

  it('never keeps bytes whose hash does not match', async () => {
    const c = open();
    const { bytes } = slideBytes();
    const claimed = 'f'.repeat(64);
    await assert.rejects(c.assets.putBytes(claimed, bytes, NOW), (error: unknown) => isPlayerError(error, 'asset-hash-mismatch'));
    assert.equal(existsSync(join(dir.path, 'assets', claimed)), false);
    assert.equal(c.assets.isIndexed(claimed), false);
    assert.deepEqual(readdirSync(c.assets.partialDir), []);
  });

  it('refuses a partial download of the wrong size without naming it complete', async () => {
    const c = open();
    const { bytes, sha256 } = slideBytes();
    writeFileSync(c.assets.partialPathOf(sha256), bytes.subarray(0, 10));
    await assert.rejects(c.assets.commitPartial(sha256, bytes.byteLength, NOW), (error: unknown) => isPlayerError(error, 'asset-size-mismatch'));
    assert.equal(existsSync(c.assets.pathOf(sha256)), false);
  });

  it('forgets a cached file that was corrupted on disk so it is downloaded again', async () => {
    const c = open();
    const { bytes, sha256 } = slideBytes();
    await c.assets.putBytes(sha256, bytes, NOW);
    writeFileSync(c.assets.pathOf(sha256), 'corrupted');
    assert.equal(await c.assets.readVerified(sha256), null);
    assert.equal(c.assets.isIndexed(sha256), false);
    assert.equal(existsSync(c.assets.pathOf(sha256)), false);
  });

  it('removes unreferenced assets and abandoned partial downloads after a switch', async () => {
    const c = open();
    const kept = slideBytes({ title: '保留' });
    const dropped = slideBytes({ title: '删除' });
    await c.assets.putBytes(kept.sha256, kept.bytes, NOW);
    await c.assets.putBytes(dropped.sha256, dropped.bytes, NOW);
    writeFileSync(c.assets.partialPathOf('e'.repeat(64)), 'half');
    assert.equal(await c.assets.retainOnly(new Set([kept.sha256])), 1);
    assert.ok(c.assets.isIndexed(kept.sha256));
    assert.equal(existsSync(c.assets.pathOf(dropped.sha256)), false);
    assert.deepEqual(readdirSync(c.assets.partialDir), []);
  });

  it('refuses a name that is not a SHA-256, so nothing escapes the assets folder', () => {
    const c = open();
    assert.throws(() => c.assets.pathOf('../../etc/passwd'), (error: unknown) => isPlayerError(error, 'invalid-payload'));
  });
});
