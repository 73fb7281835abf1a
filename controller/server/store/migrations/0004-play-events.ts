// Proof of play: one row per play event a screen uploaded. The player's UUIDv7 is the primary key,
// so a batch re-sent after a lost ack inserts nothing twice (INSERT ... ON CONFLICT(id) DO NOTHING).
// Version 3 is left to the screen-health migration being written alongside; the runner allows gaps.
// `kind` has no CHECK: a new content kind must not need a table rebuild; zod bounds it on arrival.

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE play_events (
      id TEXT PRIMARY KEY, screen_id TEXT NOT NULL REFERENCES screens(id),
      kind TEXT NOT NULL, content_id TEXT NOT NULL,
      content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
      manifest_version INTEGER NOT NULL, list_revision INTEGER NOT NULL,
      started_at INTEGER NOT NULL, ended_at INTEGER NOT NULL CHECK (ended_at >= started_at),
      received_at INTEGER NOT NULL) STRICT`,
    // The auditor's queries: by time alone, by screen, by content; (started_at, id) is also the page order.
    sql`CREATE INDEX play_events_started ON play_events(started_at, id)`,
    sql`CREATE INDEX play_events_screen ON play_events(screen_id, started_at, id)`,
    sql`CREATE INDEX play_events_content ON play_events(content_id, started_at, id)`,
  ];
  for (const statement of statements) await statement.execute(db);
}
