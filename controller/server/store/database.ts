// Opens the controller's SQLite store through Kysely, so a PostgreSQL dialect can replace it
// for city-scale deployments without rewriting the queries.

import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';

export interface Store {
  db: Kysely<Database>;
  /** the raw handle, for bulk paths that must avoid per-row promise overhead */
  sqlite: BetterSqlite3.Database;
  close(): Promise<void>;
}

export async function openStore(path: string, now: number): Promise<Store> {
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
  try {
    await migrateToLatest(db, now);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, sqlite, close: () => db.destroy() };
}
