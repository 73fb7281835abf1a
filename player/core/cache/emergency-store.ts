// Active emergency overrides as received (signed JSON, re-verified on load) and the ids of ended ones.

import type Database from 'better-sqlite3';

/** Ended ids are kept this long: far longer than any resend of a start could lag behind its end. */
export const ENDED_EMERGENCY_RETENTION_MS = 90 * 86_400_000;

export interface StoredEmergency {
  id: string;
  signedJson: string;
  issuedAt: number;
}

export class EmergencyStore {
  readonly #active;
  readonly #isEnded;
  readonly #insert;
  readonly #delete;
  readonly #markEnded;
  readonly #prune;
  readonly #end;

  constructor(db: Database.Database) {
    this.#active = db.prepare<[], { id: string; signed_json: string; issued_at: number }>('SELECT id, signed_json, issued_at FROM emergencies ORDER BY issued_at, id');
    this.#isEnded = db.prepare<[id: string], { id: string }>('SELECT id FROM ended_emergencies WHERE id = ?');
    this.#insert = db.prepare<[id: string, signedJson: string, issuedAt: number, receivedAt: number]>(
      'INSERT INTO emergencies (id, signed_json, issued_at, received_at) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO NOTHING',
    );
    this.#delete = db.prepare<[id: string]>('DELETE FROM emergencies WHERE id = ?');
    this.#markEnded = db.prepare<[id: string, endedAt: number]>('INSERT INTO ended_emergencies (id, ended_at) VALUES (?, ?) ON CONFLICT(id) DO NOTHING');
    this.#prune = db.prepare<[before: number]>('DELETE FROM ended_emergencies WHERE ended_at < ?');
    this.#end = db.transaction((id: string, endedAt: number): boolean => {
      const removed = this.#delete.run(id).changes > 0;
      this.#markEnded.run(id, endedAt);
      this.#prune.run(endedAt - ENDED_EMERGENCY_RETENTION_MS);
      return removed;
    });
  }

  active(): StoredEmergency[] {
    return this.#active.all().map((row) => ({ id: row.id, signedJson: row.signed_json, issuedAt: row.issued_at }));
  }

  /** Stores a verified emergency; false when it already ended (or was already stored). */
  activate(emergency: StoredEmergency, receivedAt: number): boolean {
    if (this.#isEnded.get(emergency.id)) return false;
    return this.#insert.run(emergency.id, emergency.signedJson, emergency.issuedAt, receivedAt).changes > 0;
  }

  isEnded(id: string): boolean {
    return this.#isEnded.get(id) !== undefined;
  }

  /** Ends it for good (also one never received); true when it was on screen. */
  end(id: string, endedAt: number): boolean {
    return this.#end.immediate(id, endedAt);
  }
}
