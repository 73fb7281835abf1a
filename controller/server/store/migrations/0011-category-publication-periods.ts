// A publication period per category (公示期, in months from the listing date): entries of that
// category leave the screens at the period's end even when their valid-until date is later. Null,
// as every existing policy gets, keeps today's rule: the valid-until date alone.
// Version 10 belongs to the entry-search migration written alongside; the runner allows gaps.

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE category_policies ADD COLUMN publication_months INTEGER
    CHECK (publication_months IS NULL OR publication_months BETWEEN 1 AND 120)`.execute(db);
}
