// The screen's groups and time zone as the controller last told them, for evaluating schedules while offline.

import type Database from 'better-sqlite3';

export class ScreenGroupStore {
  readonly #select;
  readonly #replace;

  constructor(db: Database.Database) {
    this.#select = db.prepare<[], { group_ids: string; time_zone: string | null }>('SELECT group_ids, time_zone FROM screen_groups WHERE singleton = 1');
    // A controller that does not send a zone leaves the one already known in place.
    this.#replace = db.prepare<[groupIds: string, timeZone: string | null, updatedAt: number]>(
      `INSERT INTO screen_groups (singleton, group_ids, time_zone, updated_at) VALUES (1, ?, ?, ?)
       ON CONFLICT(singleton) DO UPDATE SET group_ids = excluded.group_ids, time_zone = coalesce(excluded.time_zone, time_zone), updated_at = excluded.updated_at`,
    );
  }

  groupIds(): string[] {
    const row = this.#select.get();
    if (!row) return [];
    try {
      const parsed: unknown = JSON.parse(row.group_ids);
      return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
    } catch {
      return [];
    }
  }

  /** The screen's IANA zone, or null if no controller has told it yet. */
  timeZone(): string | null {
    return this.#select.get()?.time_zone ?? null;
  }

  replace(groupIds: readonly string[], now: number, timeZone?: string): void {
    this.#replace.run(JSON.stringify([...groupIds].sort()), timeZone ?? null, now);
  }
}
