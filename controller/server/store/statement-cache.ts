// Kysely's SQLite driver prepares every query anew; compiling the SQL cost more than running it on
// the hot paths (a reconnecting fleet's token checks and greetings, ten thousand a minute). This
// hands the dialect a database whose prepare() reuses compiled statements, keyed by their SQL.

import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct SQL texts kept compiled; beyond it the least recently used goes (IN lists vary in length). */
export const STATEMENTS_KEPT = 500;

export function withStatementCache(sqlite: BetterSqlite3.Database, capacity = STATEMENTS_KEPT): SqliteDatabase {
  const kept = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      kept.clear();
      sqlite.close();
    },
    prepare(sql: string) {
      const known = kept.get(sql);
      if (known) {
        // Re-inserted to mark it recently used: Map iteration follows insertion order.
        kept.delete(sql);
        kept.set(sql, known);
        return known;
      }
      const statement = sqlite.prepare(sql);
      kept.set(sql, statement);
      if (kept.size > capacity) kept.delete(kept.keys().next().value as string);
      return statement;
    },
  };
}
