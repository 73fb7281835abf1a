// Opens the controller's SQLite store through Kysely, so a PostgreSQL dialect can replace it
// for city-scale deployments without rewriting the queries.

import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from './migrate.ts';
import { withStatementCache } from './statement-cache.ts';
import type { Database } from './schema.ts';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer.ts';

// After a checkpoint the WAL file is reused; this trims what a big import left behind.
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Reads through a memory map of the file (SQLite caps it at 2 GiB): a console search at a million
 * entries reads thousands of scattered pages, and each through read() cost 3-5 µs against well
 * under one mapped (an entry search with filters: 48 ms read, 23 ms mapped). The mapped pages are
 * the OS's file cache, shared and reclaimable, not the process's own memory.
 */
const MMAP_SIZE_BYTES = 2 * 1024 * 1024 * 1024;

export interface Store {
  db: Kysely<Database>;
  /** the raw handle, for bulk paths that must avoid per-row promise overhead */
  sqlite: BetterSqlite3.Database;
  /** absent on a read-only open */
  checkpointer?: WalCheckpointer;
  close(): Promise<void>;
}

export async function openStore(path: string, now: number, options: { readonly?: boolean } = {}): Promise<Store> {
  const sqlite = new BetterSqlite3(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`mmap_size = ${MMAP_SIZE_BYTES}`);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), plugins: [new CamelCasePlugin()] });
  // A read-only open (audit verification) must not change the file it inspects.
  if (options.readonly) return { db, sqlite, close: () => db.destroy() };
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  try {
    await migrateToLatest(db, now);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const checkpointer = startWalCheckpointer(sqlite, path);
  return {
    db,
    sqlite,
    checkpointer,
    close: async () => {
      await checkpointer.stop();
      await db.destroy();
    },
  };
}
