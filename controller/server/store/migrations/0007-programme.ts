// Playlists, schedules and the default playlist, and each screen's time zone.
// A playlist or schedule keeps the version screens play (approved_json) apart from a change
// awaiting review (pending_json): editing never takes the approved one off the screens.

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const reviewable = (table: string) =>
    sql.raw(`CREATE TABLE ${table} (
      id TEXT PRIMARY KEY, name TEXT NOT NULL,
      approved_json TEXT, approved_by TEXT REFERENCES users(id), approved_at INTEGER,
      pending_json TEXT, pending_by TEXT REFERENCES users(id), pending_at INTEGER,
      review_comment TEXT,
      created_by TEXT NOT NULL REFERENCES users(id), created_at INTEGER NOT NULL,
      retired_at INTEGER, retired_by TEXT REFERENCES users(id),
      CHECK ((pending_json IS NULL) = (pending_by IS NULL)),
      CHECK ((approved_json IS NULL) = (approved_by IS NULL))) STRICT`);
  const statements = [
    reviewable('playlists'),
    reviewable('schedules'),
    // null: the built-in rotation plays when no schedule is on
    sql`CREATE TABLE programme_settings (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      default_playlist_id TEXT REFERENCES playlists(id), set_by TEXT REFERENCES users(id), set_at INTEGER) STRICT`,
    sql`INSERT INTO programme_settings (singleton) VALUES (1)`,
    // null: the controller's default zone
    sql`ALTER TABLE screens ADD COLUMN time_zone TEXT`,
  ];
  for (const statement of statements) await statement.execute(db);
}
