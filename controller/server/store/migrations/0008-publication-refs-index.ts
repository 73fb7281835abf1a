// Every manifest digest reads the live publication refs in entry order (publishedRefs). A covering
// index gives that read its own compact, ordered pages: at 100,000 entries it no longer depends on
// the order the rows happened to be inserted in, which older stores have random (see publishing/store.ts).

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX publication_live_refs ON publication(entry_id, hash) WHERE deleted = 0`.execute(db);
}
