// The signed manifest the player currently plays, kept as received so its signature can be re-checked.

import type Database from 'better-sqlite3';

export interface StoredManifest {
  version: number;
  /** the signed manifest exactly as the controller sent it (JSON) */
  signedJson: string;
  appliedAt: number;
}

interface ManifestRow {
  version: number;
  signed_json: string;
  applied_at: number;
}

export class ManifestStore {
  readonly #select;
  readonly #replace;

  constructor(db: Database.Database) {
    this.#select = db.prepare<[], ManifestRow>('SELECT version, signed_json, applied_at FROM manifest WHERE singleton = 1');
    this.#replace = db.prepare<[version: number, signedJson: string, appliedAt: number]>(
      'INSERT OR REPLACE INTO manifest (singleton, version, signed_json, applied_at) VALUES (1, ?, ?, ?)',
    );
  }

  current(): StoredManifest | null {
    const row = this.#select.get();
    return row ? { version: row.version, signedJson: row.signed_json, appliedAt: row.applied_at } : null;
  }

  /** Part of the atomic switch: call inside PlayerCache.applySync's transaction. */
  replace(manifest: StoredManifest): void {
    this.#replace.run(manifest.version, manifest.signedJson, manifest.appliedAt);
  }
}
