// The first schema: users and sessions, change sets and list entries, the public projection
// that players receive, manifests, slides and assets, screens, and the hash-chained audit log.

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE users (
      id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,
      password_hash TEXT NOT NULL, roles TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL) STRICT`,
    sql`CREATE TABLE sessions (
      token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id),
      created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL) STRICT`,
    sql`CREATE TABLE change_sets (
      id TEXT PRIMARY KEY, kind TEXT NOT NULL, list TEXT NOT NULL, category TEXT,
      source_name TEXT NOT NULL, submitted_by TEXT NOT NULL REFERENCES users(id), submitted_at INTEGER NOT NULL,
      status TEXT NOT NULL, reviewed_by TEXT REFERENCES users(id), reviewed_at INTEGER, review_comment TEXT,
      row_count INTEGER NOT NULL, accepted_count INTEGER NOT NULL, rejected_count INTEGER NOT NULL,
      warning_count INTEGER NOT NULL, report_json TEXT NOT NULL) STRICT`,
    sql`CREATE INDEX change_sets_status ON change_sets(status, submitted_at)`,
    sql`CREATE TABLE entries (
      id TEXT PRIMARY KEY, change_set_id TEXT NOT NULL REFERENCES change_sets(id),
      list TEXT NOT NULL, category TEXT NOT NULL, subject_type TEXT NOT NULL, subject_name TEXT NOT NULL,
      credit_code TEXT, id_number TEXT, legal_representative TEXT, reason TEXT NOT NULL,
      authority TEXT NOT NULL, basis TEXT, listed_on TEXT NOT NULL, valid_until TEXT NOT NULL,
      source_ref TEXT, source_line INTEGER, birth_date TEXT, status TEXT NOT NULL, warnings_json TEXT,
      subject_key TEXT NOT NULL, created_at INTEGER NOT NULL, approved_at INTEGER,
      withdrawn_at INTEGER, withdrawn_by TEXT, withdrawal_reason TEXT, withdrawal_note TEXT) STRICT`,
    sql`CREATE INDEX entries_change_set ON entries(change_set_id)`,
    sql`CREATE INDEX entries_status ON entries(status, list)`,
    sql`CREATE INDEX entries_subject_key ON entries(subject_key, status)`,
    sql`CREATE TABLE category_policies (
      category TEXT PRIMARY KEY, name_display TEXT NOT NULL, id_keep_start INTEGER NOT NULL,
      id_keep_end INTEGER NOT NULL, updated_at INTEGER NOT NULL) STRICT`,
    sql`CREATE TABLE publication (
      entry_id TEXT PRIMARY KEY, list TEXT NOT NULL, revision INTEGER NOT NULL,
      deleted INTEGER NOT NULL, body_json TEXT NOT NULL, hash TEXT NOT NULL) STRICT`,
    sql`CREATE INDEX publication_revision ON publication(revision, entry_id)`,
    sql`CREATE TABLE publication_state (
      id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL, manifest_version INTEGER NOT NULL) STRICT`,
    sql`INSERT INTO publication_state (id, revision, manifest_version) VALUES (1, 0, 0)`,
    sql`CREATE TABLE manifests (
      version INTEGER PRIMARY KEY, list_revision INTEGER NOT NULL, signed_json TEXT NOT NULL,
      created_at INTEGER NOT NULL) STRICT`,
    sql`CREATE TABLE assets (
      sha256 TEXT PRIMARY KEY, bytes INTEGER NOT NULL, media_type TEXT NOT NULL, created_at INTEGER NOT NULL) STRICT`,
    sql`CREATE TABLE content (
      id TEXT PRIMARY KEY, kind TEXT NOT NULL, title TEXT NOT NULL, document_json TEXT NOT NULL,
      asset_sha256 TEXT NOT NULL REFERENCES assets(sha256), status TEXT NOT NULL, position INTEGER NOT NULL,
      submitted_by TEXT NOT NULL REFERENCES users(id), submitted_at INTEGER NOT NULL,
      reviewed_by TEXT REFERENCES users(id), reviewed_at INTEGER, review_comment TEXT) STRICT`,
    sql`CREATE TABLE screens (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, device_id TEXT NOT NULL,
      paired_at INTEGER NOT NULL, paired_by TEXT NOT NULL, revoked_at INTEGER, last_seen_at INTEGER,
      manifest_version INTEGER NOT NULL DEFAULT 0, list_revision INTEGER NOT NULL DEFAULT 0,
      last_heartbeat_json TEXT, last_error TEXT) STRICT`,
    sql`CREATE TABLE audit_events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
      target TEXT NOT NULL, details_json TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)`,
  ];
  for (const statement of statements) await statement.execute(db);
}
