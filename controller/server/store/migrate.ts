// Runs pending migrations in one transaction and refuses a database written by newer code
// (running old code on it could silently drop what the newer schema means).

import { sql, type Kysely } from 'kysely';
import { AppError } from '../errors.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';
import type { Database } from './schema.ts';

export async function migrateToLatest(db: Kysely<Database>, now: number, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT`.execute(db);
  const applied = await db.selectFrom('schemaMigrations').select('version').execute();
  const appliedVersions = new Set(applied.map((r) => r.version));
  const newestKnown = Math.max(0, ...migrations.map((m) => m.version));
  const newestApplied = Math.max(0, ...appliedVersions);
  if (newestApplied > newestKnown) {
    throw new AppError('store.newer-schema', `The database has schema version ${newestApplied}, newer than this Gongshi (${newestKnown}). Upgrade Gongshi instead of opening it with an older release.`, { newestApplied, newestKnown });
  }
  const pending = migrations.filter((m) => !appliedVersions.has(m.version)).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return [];
  await db.transaction().execute(async (trx) => {
    for (const migration of pending) {
      await migration.up(trx as unknown as Kysely<unknown>);
      await trx.insertInto('schemaMigrations').values({ version: migration.version, name: migration.name, appliedAt: now }).execute();
    }
  });
  return pending.map((m) => m.version);
}
