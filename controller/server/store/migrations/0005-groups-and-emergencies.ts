// Screen groups (what schedules and emergencies target), emergency overrides, and each target screen's ack of one.
// Version 6 is left to the remote-commands migration being written alongside; the runner allows gaps.

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE screen_groups (
      id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL, created_by TEXT NOT NULL) STRICT`,
    sql`CREATE TABLE screen_group_members (
      group_id TEXT NOT NULL REFERENCES screen_groups(id), screen_id TEXT NOT NULL REFERENCES screens(id),
      PRIMARY KEY (group_id, screen_id)) STRICT`,
    // A screen's groups, read at every connect.
    sql`CREATE INDEX screen_group_members_screen ON screen_group_members(screen_id)`,
    sql`CREATE TABLE emergencies (
      id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('text', 'slide')), title TEXT NOT NULL,
      content_id TEXT, target_json TEXT NOT NULL, signed_json TEXT NOT NULL,
      started_at INTEGER NOT NULL, started_by TEXT NOT NULL,
      ended_at INTEGER, ended_by TEXT, end_signed_json TEXT,
      CHECK ((ended_at IS NULL) = (end_signed_json IS NULL))) STRICT`,
    // The active ones are read at every connect; there are only ever a few.
    sql`CREATE INDEX emergencies_active ON emergencies(started_at) WHERE ended_at IS NULL`,
    sql`CREATE INDEX emergencies_ended ON emergencies(ended_at) WHERE ended_at IS NOT NULL`,
    // One row per target screen from the start (or from its first connect after it): acked_at NULL is pending.
    sql`CREATE TABLE emergency_screens (
      emergency_id TEXT NOT NULL REFERENCES emergencies(id), screen_id TEXT NOT NULL REFERENCES screens(id),
      added_at INTEGER NOT NULL, acked_at INTEGER,
      PRIMARY KEY (emergency_id, screen_id)) STRICT`,
    sql`CREATE INDEX emergency_screens_screen ON emergency_screens(screen_id)`,
  ];
  for (const statement of statements) await statement.execute(db);
}
