// Who did it, by name: lists of changes and notices carry user ids, and people read names.

import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';

/** id → display name for the users among these ids that exist; nulls and unknown ids are left out. */
export async function displayNamesOf(db: Kysely<Database>, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.id, row.displayName]));
}
