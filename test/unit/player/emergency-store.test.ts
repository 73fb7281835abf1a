// The player cache's emergency and screen-group stores, and migration 4 on a seeded version-3 cache.

import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { MIGRATIONS, migrate, schemaVersion } from '../../../player/core/cache/migrations.ts';
import { openPlayerCache, type PlayerCache } from '../../../player/core/cache/player-cache.ts';
import { NOW, tempDir } from './fixtures.ts';

let dir: ReturnType<typeof tempDir>;
let cache: PlayerCache;

beforeEach(() => {
  dir = tempDir();
  cache = openPlayerCache(dir.path);
});
afterEach(() => {
  cache.close();
  dir.remove();
});

const stored = (id: string, issuedAt = NOW) => ({ id, signedJson: `{"id":"${id}"}`, issuedAt });

describe('player cache: emergencies', () => {
  it('migration 4 applies to a seeded version-3 cache and keeps its rows', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 3));
    db.prepare("INSERT INTO play_events VALUES ('p1', 'list', 'list-red', ?, 1, 1, 10, 20, 0)").run('a'.repeat(64));
    assert.deepEqual(migrate(db, MIGRATIONS.slice(0, 4)), { from: 3, to: 4 });
    assert.equal(schemaVersion(db), 4);
    assert.deepEqual(db.prepare('SELECT id FROM play_events').all(), [{ id: 'p1' }]);
    assert.deepEqual(db.prepare('SELECT count(*) AS n FROM emergencies').get(), { n: 0 });
    db.close();
  });

  it('keeps an active emergency across reopening, until its end', () => {
    assert.equal(cache.emergencies.activate(stored('e1'), NOW), true);
    assert.equal(cache.emergencies.activate(stored('e1'), NOW), false, 'a resend is not new');
    cache.close();
    cache = openPlayerCache(dir.path);
    assert.deepEqual(cache.emergencies.active(), [stored('e1')]);
    assert.equal(cache.emergencies.end('e1', NOW + 1), true);
    assert.deepEqual(cache.emergencies.active(), []);
  });

  it('never activates one whose end arrived first', () => {
    assert.equal(cache.emergencies.end('late', NOW), false);
    assert.equal(cache.emergencies.activate(stored('late'), NOW + 1), false);
    assert.deepEqual(cache.emergencies.active(), []);
  });

  it('stores the screen groups, replacing the previous set', () => {
    assert.deepEqual(cache.screenGroups.groupIds(), []);
    cache.screenGroups.replace(['station', 'airport'], NOW);
    cache.screenGroups.replace(['hall'], NOW + 1);
    assert.deepEqual(cache.screenGroups.groupIds(), ['hall']);
  });

  it('migration 5 keeps a version-4 cache\'s screen groups, with no zone until a controller sends one', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 4));
    db.prepare("INSERT INTO screen_groups VALUES (1, '[\"hall\"]', 10)").run();
    assert.deepEqual(migrate(db), { from: 4, to: MIGRATIONS.length });
    assert.deepEqual(db.prepare('SELECT group_ids, time_zone FROM screen_groups').get(), { group_ids: '["hall"]', time_zone: null });
    db.close();
  });

  it('keeps the screen\'s time zone when a controller that sends none replaces the groups', () => {
    assert.equal(cache.screenGroups.timeZone(), null);
    cache.screenGroups.replace(['hall'], NOW, 'Asia/Urumqi');
    cache.screenGroups.replace(['hall', 'station'], NOW + 1);
    assert.equal(cache.screenGroups.timeZone(), 'Asia/Urumqi');
    cache.screenGroups.replace(['hall'], NOW + 2, 'Asia/Shanghai');
    assert.equal(cache.screenGroups.timeZone(), 'Asia/Shanghai');
  });
});
