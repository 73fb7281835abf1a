// When each screen applied each list revision (first report wins), so a takedown report can say
// when every screen dropped a withdrawn entry; the screens table keeps only the current revision.
// No foreign key to screens: the history outlives a revoked screen's row changes and is pruned by age.

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // (screen, revision) is the question asked ("first ack at or after revision R"); rows are tiny, so no rowid.
    sql`CREATE TABLE screen_list_acks (
      screen_id TEXT NOT NULL, list_revision INTEGER NOT NULL, acked_at INTEGER NOT NULL,
      PRIMARY KEY (screen_id, list_revision)) STRICT, WITHOUT ROWID`,
    sql`CREATE INDEX screen_list_acks_age ON screen_list_acks(acked_at)`,
  ];
  for (const statement of statements) await statement.execute(db);
}
