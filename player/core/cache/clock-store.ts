// The latest trusted time the player has seen, kept across restarts so a clock set back cannot revive expired entries.

import type Database from 'better-sqlite3';

export class ClockStore {
  readonly #select;
  readonly #raise;
  readonly #reset;

  constructor(db: Database.Database) {
    this.#select = db.prepare<[], { seen_at: number }>('SELECT seen_at FROM clock_state WHERE singleton = 1');
    // Only ever raised: the mark is a floor, and a floor that could be lowered would not be one.
    this.#raise = db.prepare<[seenAt: number]>(
      `INSERT INTO clock_state (singleton, seen_at) VALUES (1, ?)
       ON CONFLICT (singleton) DO UPDATE SET seen_at = max(seen_at, excluded.seen_at)`,
    );
    this.#reset = db.prepare<[seenAt: number]>(
      'INSERT INTO clock_state (singleton, seen_at) VALUES (1, ?) ON CONFLICT (singleton) DO UPDATE SET seen_at = excluded.seen_at',
    );
  }

  /** epoch ms; 0 when nothing was recorded yet */
  seenAt(): number {
    return this.#select.get()?.seen_at ?? 0;
  }

  /** The controller's time replaces the mark, also downwards: a mark set by a fast local clock was wrong. */
  resetTo(atMs: number): void {
    if (Number.isFinite(atMs)) this.#reset.run(Math.floor(atMs));
  }

  recordSeen(atMs: number): void {
    // STRICT INTEGER column: whole milliseconds only.
    if (Number.isFinite(atMs)) this.#raise.run(Math.floor(atMs));
  }
}
