// The screen's groups as the controller last told them, for evaluating schedules while offline.

import type Database from 'better-sqlite3';

export class ScreenGroupStore {
  readonly #select;
  readonly #replace;

  constructor(db: Database.Database) {
    this.#select = db.prepare<[], { group_ids: string }>('SELECT group_ids FROM screen_groups WHERE singleton = 1');
    this.#replace = db.prepare<[groupIds: string, updatedAt: number]>(
      'INSERT INTO screen_groups (singleton, group_ids, updated_at) VALUES (1, ?, ?) ON CONFLICT(singleton) DO UPDATE SET group_ids = excluded.group_ids, updated_at = excluded.updated_at',
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

  replace(groupIds: readonly string[], now: number): void {
    this.#replace.run(JSON.stringify([...groupIds].sort()), now);
  }
}
