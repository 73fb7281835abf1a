// Forward-only schema migrations for the player cache, versioned with PRAGMA user_version.

import type Database from 'better-sqlite3';
import { PlayerError } from '../errors.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// Singleton tables use `singleton INTEGER PRIMARY KEY CHECK (singleton = 1)` so a second row
// cannot exist by mistake. Bodies are canonical JSON so sha256(body) is the entry's hash.
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial cache',
    sql: `
      CREATE TABLE identity (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        device_id TEXT NOT NULL,
        screen_id TEXT,
        token TEXT,
        controller_public_key TEXT,
        screen_name TEXT,
        controller_url TEXT,
        paired_at INTEGER
      ) STRICT;
      CREATE TABLE list_state (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        revision INTEGER NOT NULL CHECK (revision >= 0),
        updated_at INTEGER
      ) STRICT;
      INSERT INTO list_state (singleton, revision, updated_at) VALUES (1, 0, NULL);
      CREATE TABLE entries (
        id TEXT PRIMARY KEY,
        list TEXT NOT NULL CHECK (list IN ('red', 'black')),
        body TEXT NOT NULL,
        hash TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE staging (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        mode TEXT NOT NULL CHECK (mode IN ('delta', 'full')),
        base_revision INTEGER NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE staged_changes (
        id TEXT PRIMARY KEY,
        op TEXT NOT NULL CHECK (op IN ('upsert', 'tombstone')),
        list TEXT CHECK (list IN ('red', 'black')),
        body TEXT,
        hash TEXT,
        expires_at INTEGER,
        CHECK (op = 'tombstone' OR (list IS NOT NULL AND body IS NOT NULL AND hash IS NOT NULL AND expires_at IS NOT NULL))
      ) STRICT;
      CREATE TABLE takedowns (
        id TEXT PRIMARY KEY,
        revision INTEGER NOT NULL,
        received_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE manifest (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        version INTEGER NOT NULL,
        signed_json TEXT NOT NULL,
        applied_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE assets (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        bytes INTEGER NOT NULL CHECK (bytes >= 0),
        path TEXT NOT NULL,
        stored_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'clock high-water mark',
    // Seeded from the last successful sync, the latest time an older cache has recorded.
    sql: `
      CREATE TABLE clock_state (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        seen_at INTEGER NOT NULL
      ) STRICT;
      INSERT INTO clock_state (singleton, seen_at)
        SELECT 1, max(coalesce((SELECT updated_at FROM list_state WHERE singleton = 1), 0),
                      coalesce((SELECT applied_at FROM manifest WHERE singleton = 1), 0));
    `,
  },
  {
    version: 3,
    name: 'proof of play',
    // Kept until the controller acks them (invariant 7). The play on screen now is one `open` row
    // whose ended_at is checkpointed, so a crash loses only the tail since the last checkpoint; the
    // partial unique index makes a second open row impossible. `kind` has no CHECK: new content
    // kinds must not need a table rebuild; the protocol's schema bounds it where events leave.
    sql: `
      CREATE TABLE play_events (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        content_id TEXT NOT NULL,
        content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
        manifest_version INTEGER NOT NULL,
        list_revision INTEGER NOT NULL CHECK (list_revision >= 0),
        started_at INTEGER NOT NULL,
        ended_at INTEGER NOT NULL CHECK (ended_at >= started_at),
        open INTEGER NOT NULL CHECK (open IN (0, 1))
      ) STRICT;
      CREATE UNIQUE INDEX play_events_one_open ON play_events (open) WHERE open = 1;
      CREATE INDEX play_events_closed ON play_events (started_at, id) WHERE open = 0;
    `,
  },
  {
    version: 4,
    name: 'emergencies and screen groups',
    // Active emergencies are kept as received (signed JSON) and re-verified on load, so a restart
    // while offline keeps showing one and a cache edited on disk cannot add one. Ended ids are
    // remembered so a start that arrives after its end (a late resend) is not shown. The screen's
    // groups are kept for evaluating schedules offline.
    sql: `
      CREATE TABLE emergencies (
        id TEXT PRIMARY KEY,
        signed_json TEXT NOT NULL,
        issued_at INTEGER NOT NULL,
        received_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE ended_emergencies (
        id TEXT PRIMARY KEY,
        ended_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE screen_groups (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        group_ids TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: 'screen time zone',
    // The zone schedules are read in; null until a controller that sends it has been heard from.
    sql: `ALTER TABLE screen_groups ADD COLUMN time_zone TEXT;`,
  },
  {
    version: 6,
    name: 'display entry pages',
    // The display's entry sets as last built (display-page-store.ts): derived from the live
    // entries, deleted with any change to them. An older cache starts without any.
    sql: `
      CREATE TABLE display_pages (
        list TEXT NOT NULL CHECK (list IN ('red', 'black')),
        page INTEGER NOT NULL CHECK (page >= 0),
        set_id TEXT NOT NULL,
        entries INTEGER NOT NULL CHECK (entries > 0),
        min_expires_at INTEGER NOT NULL,
        hash TEXT NOT NULL,
        body BLOB NOT NULL,
        PRIMARY KEY (list, page)
      ) STRICT;
    `,
  },
];

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Runs the pending migrations in one transaction. A database written by a newer player is
 * refused rather than guessed at: its tables may mean things this code does not know.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) throw new Error(`migrations must be numbered 1..n; found ${m.version} at ${index}`);
  });
  const latest = migrations.length;
  const from = schemaVersion(db);
  if (from > latest) {
    throw new PlayerError(
      'cache-schema-too-new',
      `player cache schema version ${from} is newer than this player supports (${latest}); upgrade the player or clear its data folder`,
      { found: from, supported: latest },
    );
  }
  if (from === latest) return { from, to: latest };
  db.transaction(() => {
    for (const m of migrations.slice(from)) {
      db.exec(m.sql);
      // user_version lives in the database header and rolls back with the transaction.
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return { from, to: latest };
}
