// Play events in the player cache: migration 3, open/checkpoint/close, crash recovery, deletion only on
// ack, and the core's recorder writing them from the page's reports.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { MIGRATIONS, migrate } from '../../../player/core/cache/migrations.ts';
import { openPlayerCache, type PlayerCache } from '../../../player/core/cache/player-cache.ts';
import type { PlayEvent } from '../../../shared/protocol/proof-of-play.ts';
import { startProofOfPlay } from '../../../player/core/proof-of-play/proof-of-play.ts';
import { NOW, makeEntry, makeManifest, silentLogger, tempDir } from './fixtures.ts';

const event = (id: string, startedAt: number, endedAt = startedAt): PlayEvent => ({
  id,
  kind: 'list',
  contentId: 'list-red',
  contentHash: 'c'.repeat(64),
  manifestVersion: 3,
  listRevision: 8,
  startedAt,
  endedAt,
});

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
  cache?.close();
  cache = openPlayerCache(dir.path);
  return cache;
}

describe('player cache migration 3 (proof of play)', () => {
  it('adds the play_events table to a version-2 cache and keeps its rows', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 2));
    db.prepare('INSERT INTO clock_state (singleton, seen_at) VALUES (1, ?) ON CONFLICT (singleton) DO UPDATE SET seen_at = excluded.seen_at').run(NOW);
    assert.deepEqual(migrate(db), { from: 2, to: MIGRATIONS.length });
    assert.deepEqual(db.prepare('SELECT seen_at FROM clock_state').get(), { seen_at: NOW });
    assert.deepEqual(db.prepare('SELECT count(*) AS n FROM play_events').get(), { n: 0 });
    db.close();
  });

  it('holds at most one open play, and refuses times and hashes that break the contract', () => {
    const db = new Database(':memory:');
    migrate(db);
    const insert = db.prepare('INSERT INTO play_events VALUES (?, ?, ?, ?, 1, 0, ?, ?, ?)');
    insert.run('a', 'list', 'list-red', 'c'.repeat(64), NOW, NOW, 1);
    assert.throws(() => insert.run('b', 'slide', 'slide-1', 'c'.repeat(64), NOW, NOW, 1), /UNIQUE/);
    assert.throws(() => insert.run('c', 'slide', 'slide-1', 'c'.repeat(64), NOW, NOW - 1, 0), /CHECK/);
    assert.throws(() => insert.run('e', 'slide', 's', 'short', NOW, NOW, 0), /CHECK/);
    db.close();
  });
});

describe('play event store', () => {
  it('uploads only closed plays, oldest first, and keeps each until it is acknowledged', () => {
    const { playEvents } = open();
    playEvents.apply([{ op: 'open', event: event('p2', NOW + 10) }, { op: 'close', id: 'p2', endedAt: NOW + 20 }]);
    playEvents.apply([{ op: 'open', event: event('p1', NOW) }, { op: 'close', id: 'p1', endedAt: NOW + 10 }]);
    playEvents.apply([{ op: 'open', event: event('p3', NOW + 20) }]);
    assert.deepEqual(playEvents.pending(10), [event('p1', NOW, NOW + 10), event('p2', NOW + 10, NOW + 20)]);
    assert.equal(playEvents.pendingCount(), 2);
    assert.equal(playEvents.removeAcked(['p1', 'p3']), 1, 'an open play is never deleted');
    assert.deepEqual(playEvents.pending(10).map((e) => e.id), ['p2']);
  });

  it('never moves an end backwards, and ignores writes to a play already closed', () => {
    const { playEvents } = open();
    playEvents.apply([{ op: 'open', event: event('p', NOW) }, { op: 'checkpoint', id: 'p', endedAt: NOW + 30_000 }, { op: 'checkpoint', id: 'p', endedAt: NOW + 5_000 }]);
    playEvents.apply([{ op: 'close', id: 'p', endedAt: NOW + 40_000 }, { op: 'checkpoint', id: 'p', endedAt: NOW + 90_000 }]);
    assert.deepEqual(playEvents.pending(1), [event('p', NOW, NOW + 40_000)]);
  });

  it('applies a step\'s writes all or nothing', () => {
    const { playEvents } = open();
    assert.throws(() => playEvents.apply([{ op: 'open', event: event('x', NOW) }, { op: 'open', event: event('y', NOW) }]), /UNIQUE/);
    assert.equal(playEvents.pendingCount(), 0);
    assert.equal(playEvents.closeInterrupted(), 0, 'the first open rolled back too');
  });

  it('after a crash, ends the play that was open at its last checkpoint and makes it uploadable', () => {
    const first = open();
    first.playEvents.apply([{ op: 'open', event: event('crashed', NOW) }, { op: 'checkpoint', id: 'crashed', endedAt: NOW + 30_000 }]);
    // No close: the process died. Reopen the same data folder, as a restarted player does.
    const second = open();
    assert.equal(second.playEvents.pendingCount(), 0);
    assert.equal(second.playEvents.closeInterrupted(), 1);
    assert.deepEqual(second.playEvents.pending(10), [event('crashed', NOW, NOW + 30_000)]);
  });
});

describe('proof of play in the core', () => {
  it('records the page\'s scenes, re-attributes the open play when the list revision changes, and ends it at close', () => {
    const manifest = makeManifest({ version: 4, revision: 2, entries: [makeEntry({ id: 'e1' })] });
    let now = NOW;
    let listRevision = 2;
    const { playEvents } = open();
    const proofOfPlay = startProofOfPlay({ store: playEvents, now: () => now, manifest: () => manifest, listRevision: () => listRevision, logger: silentLogger });
    proofOfPlay.displayShowing({ kind: 'list', id: 'black-list' });
    now += 10_000;
    proofOfPlay.displayShowing({ kind: 'list', id: 'red-list' });
    now += 10_000;
    listRevision = 3;
    proofOfPlay.contentChanged();
    assert.equal(proofOfPlay.onScreen()?.listRevision, 3);
    now += 5_000;
    proofOfPlay.close();
    const recorded = playEvents.pending(10).map((e) => [e.contentId, e.listRevision, e.startedAt - NOW, e.endedAt - NOW]);
    assert.deepEqual(recorded, [
      ['black-list', 2, 0, 10_000],
      ['red-list', 2, 10_000, 20_000],
      ['red-list', 3, 20_000, 25_000],
    ]);
  });
});
