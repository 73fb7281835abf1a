// Indexes on entries only where queries need them. Imports insert pending rows by the hundred
// thousand; indexing them by status and by random subject key cost about half of each import's
// insert time, while the queries that need those indexes (publishing, the live-duplicate check
// at approval) only ever look for approved rows. Pending rows are found by their change set.

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`DROP INDEX entries_status`,
    sql`DROP INDEX entries_subject_key`,
    sql`CREATE INDEX entries_approved ON entries(list, valid_until) WHERE status = 'approved'`,
    sql`CREATE INDEX entries_approved_subject ON entries(subject_key) WHERE status = 'approved'`,
  ];
  for (const statement of statements) await statement.execute(db);
}
