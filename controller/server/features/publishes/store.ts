// Reads the publish history: each manifest version, when it was signed and the list revision it pins.

import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';

export interface ManifestRecord {
  version: number;
  createdAt: number;
  listRevision: number;
}

/** Newest first. Only the small columns: a signed manifest's JSON is not needed to count screens. */
export async function recentManifests(db: Kysely<Database>, limit: number): Promise<ManifestRecord[]> {
  return db.selectFrom('manifests').select(['version', 'createdAt', 'listRevision']).orderBy('version', 'desc').limit(limit).execute();
}

export async function manifestRecord(db: Kysely<Database>, version: number): Promise<ManifestRecord | undefined> {
  return db.selectFrom('manifests').select(['version', 'createdAt', 'listRevision']).where('version', '=', version).executeTakeFirst();
}
