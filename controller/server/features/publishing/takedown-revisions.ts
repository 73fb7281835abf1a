// When entries left the screens: the list revision that tombstoned each one, and the first signed
// manifest that carried that revision to the screens. Read-only; for reports.

import type { Kysely } from 'kysely';
import { chunks } from '../../store/chunks.ts';
import type { Database } from '../../store/schema.ts';

export type PublicationStatus =
  /** published once, then tombstoned at this list revision */
  | { state: 'taken-down'; listRevision: number }
  /** still in the published list: its takedown publish has not happened (or failed) */
  | { state: 'live'; listRevision: number }
  /** never reached the published list (withdrawn before approval, refused, expired first) */
  | { state: 'never-published' };

export async function publicationStatusOf(db: Kysely<Database>, entryIds: readonly string[]): Promise<Map<string, PublicationStatus>> {
  const found = new Map<string, PublicationStatus>();
  for (const ids of chunks(entryIds)) {
    const rows = await db.selectFrom('publication').select(['entryId', 'revision', 'deleted']).where('entryId', 'in', ids).execute();
    for (const r of rows) found.set(r.entryId, r.deleted ? { state: 'taken-down', listRevision: r.revision } : { state: 'live', listRevision: r.revision });
  }
  return new Map(entryIds.map((id) => [id, found.get(id) ?? { state: 'never-published' }]));
}

export interface CarryingManifest {
  version: number;
  createdAt: number;
}

/** The first manifest pinning this list revision or a later one: the publish that told screens of the change. */
export async function firstManifestAtRevision(db: Kysely<Database>, listRevision: number): Promise<CarryingManifest | null> {
  const row = await db.selectFrom('manifests').select(['version', 'createdAt']).where('listRevision', '>=', listRevision).orderBy('version').limit(1).executeTakeFirst();
  return row ?? null;
}
