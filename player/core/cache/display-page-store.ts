// The display's entry sets as last built (entry-sets/), kept so that a core starting on a warm cache
// serves its first rows at once instead of reading, sorting and encoding every entry first. They
// are derived data: ListStore deletes them in the same transaction as any change to the live
// entries, so whatever is stored here was built from the live entries as they are.

import type Database from 'better-sqlite3';
import type { ListKind } from '../../../shared/lists/list-entry.ts';

export interface StoredDisplayPage {
  list: ListKind;
  /** its place in its list's set, from 0 */
  page: number;
  setId: string;
  entries: number;
  minExpiresAt: number;
  /** SHA-256 of body, base64url, as the set's id was computed from */
  hash: string;
  body: Buffer;
}

interface PageRow {
  list: ListKind;
  page: number;
  set_id: string;
  entries: number;
  min_expires_at: number;
  hash: string;
  body: Buffer;
}

export class DisplayPageStore {
  readonly #db: Database.Database;
  readonly #statements;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#statements = {
      all: db.prepare<[], PageRow>('SELECT list, page, set_id, entries, min_expires_at, hash, body FROM display_pages ORDER BY list, page'),
      clear: db.prepare<[]>('DELETE FROM display_pages'),
      insert: db.prepare<[list: ListKind, page: number, setId: string, entries: number, minExpiresAt: number, hash: string, body: Buffer]>(
        'INSERT INTO display_pages (list, page, set_id, entries, min_expires_at, hash, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
    };
  }

  /** Every stored page, by list and then in order. */
  load(): StoredDisplayPage[] {
    return this.#statements.all.all().map((row) => ({
      list: row.list,
      page: row.page,
      setId: row.set_id,
      entries: row.entries,
      minExpiresAt: row.min_expires_at,
      hash: row.hash,
      body: row.body,
    }));
  }

  /** Replaces every stored page. The caller makes sure the pages match the live entries now. */
  replace(pages: readonly StoredDisplayPage[]): void {
    const s = this.#statements;
    this.#db.transaction(() => {
      s.clear.run();
      for (const p of pages) s.insert.run(p.list, p.page, p.setId, p.entries, p.minExpiresAt, p.hash, p.body);
    })();
  }
}
