// Remote commands: one row per command a technician sent a screen, with its delivery status and
// result. Version 5 belongs to the groups-and-emergencies migration written alongside; the runner allows gaps.
// A screenshot's PNG lives in a file under the data dir; only its hash and size are here.

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE screen_commands (
      id TEXT PRIMARY KEY, screen_id TEXT NOT NULL REFERENCES screens(id),
      kind TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'succeeded', 'failed', 'expired')),
      requested_by TEXT NOT NULL REFERENCES users(id), requested_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL CHECK (expires_at > requested_at),
      sent_at INTEGER, attempts INTEGER NOT NULL DEFAULT 0, completed_at INTEGER,
      result_json TEXT, error_code TEXT, error_message TEXT,
      screenshot_sha256 TEXT, screenshot_bytes INTEGER) STRICT`,
    // The connect path's "what is pending for this screen", and each screen's history, newest first.
    sql`CREATE INDEX screen_commands_pending ON screen_commands(screen_id, status, requested_at)`,
    sql`CREATE INDEX screen_commands_history ON screen_commands(screen_id, requested_at, id)`,
  ];
  for (const statement of statements) await statement.execute(db);
}
