// Screen health: each screen's recorded presence (online/offline), the history of its presence
// changes, and a sampled history of its heartbeats, both trimmed by the screen-presence job.

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // 'offline' until a screen is next heard from: at migration time nobody is connected.
    sql`ALTER TABLE screens ADD COLUMN presence TEXT NOT NULL DEFAULT 'offline' CHECK (presence IN ('online', 'offline'))`,
    sql`ALTER TABLE screens ADD COLUMN presence_changed_at INTEGER`,
    sql`CREATE TABLE screen_presence_changes (
      id INTEGER PRIMARY KEY, screen_id TEXT NOT NULL REFERENCES screens(id), at INTEGER NOT NULL,
      presence TEXT NOT NULL CHECK (presence IN ('online', 'offline')), reason TEXT NOT NULL,
      last_seen_at INTEGER) STRICT`,
    sql`CREATE INDEX screen_presence_changes_screen_at ON screen_presence_changes(screen_id, at)`,
    // Retention deletes by time across all screens.
    sql`CREATE INDEX screen_presence_changes_at ON screen_presence_changes(at)`,
    sql`CREATE TABLE screen_heartbeats (
      id INTEGER PRIMARY KEY, screen_id TEXT NOT NULL REFERENCES screens(id), at INTEGER NOT NULL,
      heartbeat_json TEXT NOT NULL) STRICT`,
    sql`CREATE INDEX screen_heartbeats_screen_at ON screen_heartbeats(screen_id, at)`,
    sql`CREATE INDEX screen_heartbeats_at ON screen_heartbeats(at)`,
  ];
  for (const statement of statements) await statement.execute(db);
}
