// Live list entries, the staging area that a sync fills before the atomic switch, and takedowns.

import type Database from 'better-sqlite3';
import { canonicalJson } from '../../../shared/canonical-json.ts';
import type { EntryHashRef } from '../../../shared/lists/list-digest.ts';
import { nodeSha256Hex } from '../sync/node-sha256.ts';
import { publicEntrySchema, type PublicEntry } from '../../../shared/lists/list-entry.ts';

export type StagingMode = 'delta' | 'full';

export interface StagingState {
  /** 'full' replaces every live entry at apply; 'delta' patches them */
  mode: StagingMode;
  baseRevision: number;
  /** the revision reached once the staged changes are applied */
  revision: number;
}

/** A staged change as the digest sees it: an upsert by the hash of its stored body. */
export type StagedRef = { id: string; op: 'upsert'; hash: string } | { id: string; op: 'tombstone' };

/** A withdrawal pushed by 'entries:takedown', remembered until a sync reaches its revision. */
export interface RememberedTakedown {
  id: string;
  revision: number;
  receivedAt: number;
}

interface EntryRow {
  id: string;
  body: string;
}
interface StagedRow {
  id: string;
  op: 'upsert' | 'tombstone';
  body: string | null;
}
interface TakedownRow {
  id: string;
  revision: number;
  received_at: number;
}
interface StagingRow {
  mode: StagingMode;
  base_revision: number;
  revision: number;
}

/** Parses a stored body; a row that no longer parses is corrupt and is treated as absent. */
function parseBody(body: string): PublicEntry | null {
  try {
    const parsed = publicEntrySchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export class ListStore {
  readonly #db: Database.Database;
  readonly #statements;
  /** bumped by every change to the live entries (see contentVersion) */
  #contentVersion = 0;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#statements = {
      listState: db.prepare<[], { revision: number; updated_at: number | null }>('SELECT revision, updated_at FROM list_state WHERE singleton = 1'),
      setListState: db.prepare<[revision: number, updatedAt: number]>('UPDATE list_state SET revision = ?, updated_at = ? WHERE singleton = 1'),
      // Never moves the mark back: a late confirmation must not age the data.
      confirmCurrent: db.prepare<[atMs: number]>('UPDATE list_state SET updated_at = max(coalesce(updated_at, 0), ?) WHERE singleton = 1 AND revision > 0'),
      liveEntries: db.prepare<[], EntryRow>('SELECT id, body FROM entries ORDER BY id'),
      deleteLive: db.prepare<[id: string]>('DELETE FROM entries WHERE id = ?'),
      staging: db.prepare<[], StagingRow>('SELECT mode, base_revision, revision FROM staging WHERE singleton = 1'),
      setStaging: db.prepare<[mode: StagingMode, baseRevision: number, revision: number]>(
        'INSERT OR REPLACE INTO staging (singleton, mode, base_revision, revision) VALUES (1, ?, ?, ?)',
      ),
      setStagingRevision: db.prepare<[revision: number]>('UPDATE staging SET revision = ? WHERE singleton = 1'),
      clearStaging: db.prepare<[]>('DELETE FROM staging'),
      clearStagedChanges: db.prepare<[]>('DELETE FROM staged_changes'),
      stagedChanges: db.prepare<[], StagedRow>('SELECT id, op, body FROM staged_changes ORDER BY id'),
      stageTombstone: db.prepare<[id: string]>(
        "INSERT OR REPLACE INTO staged_changes (id, op, list, body, hash, expires_at) VALUES (?, 'tombstone', NULL, NULL, NULL, NULL)",
      ),
      stageUpsert: db.prepare<[id: string, list: string, body: string, hash: string, expiresAt: number]>(
        "INSERT OR REPLACE INTO staged_changes (id, op, list, body, hash, expires_at) VALUES (?, 'upsert', ?, ?, ?, ?)",
      ),
      deleteStaged: db.prepare<[id: string]>('DELETE FROM staged_changes WHERE id = ?'),
      recordTakedown: db.prepare<[id: string, revision: number, receivedAt: number]>(
        `INSERT INTO takedowns (id, revision, received_at) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET revision = max(revision, excluded.revision), received_at = excluded.received_at`,
      ),
      maxTakedownRevision: db.prepare<[], { revision: number | null }>('SELECT max(revision) AS revision FROM takedowns'),
      takedowns: db.prepare<[], TakedownRow>('SELECT id, revision, received_at FROM takedowns ORDER BY id'),
      // Exact match: a row the controller refreshed since the snapshot (a newer takedown) stays.
      forgetTakedown: db.prepare<[id: string, revision: number, receivedAt: number]>('DELETE FROM takedowns WHERE id = ? AND revision = ? AND received_at = ?'),
      purgeTakedowns: db.prepare<[revision: number]>('DELETE FROM takedowns WHERE revision <= ?'),
      clearLive: db.prepare<[]>('DELETE FROM entries'),
      // The display's stored pages are built from the live entries: they go with any change to them.
      forgetDisplayPages: db.prepare<[]>('DELETE FROM display_pages'),
      applyTombstones: db.prepare<[]>("DELETE FROM entries WHERE id IN (SELECT id FROM staged_changes WHERE op = 'tombstone')"),
      // An upsert staged before a newer takedown arrived must not bring the entry back.
      applyUpserts: db.prepare<[reachedRevision: number]>(
        `INSERT OR REPLACE INTO entries (id, list, body, hash, expires_at)
         SELECT id, list, body, hash, expires_at FROM staged_changes
         WHERE op = 'upsert' AND id NOT IN (SELECT id FROM takedowns WHERE revision > ?)`,
      ),
    };
  }

  /**
   * A number that changes whenever the live entries change (this process only): whoever built
   * something from them can tell whether it still matches.
   */
  contentVersion(): number {
    return this.#contentVersion;
  }

  /** Inside the transaction that changed `changes` live rows. */
  #liveChanged(changes: number): void {
    if (changes === 0) return;
    this.#statements.forgetDisplayPages.run();
    this.#contentVersion += 1;
  }

  revision(): number {
    return this.#statements.listState.get()?.revision ?? 0;
  }

  /** epoch ms the lists were last known to be current: the last sync, or later while connected and in sync */
  updatedAt(): number | null {
    return this.#statements.listState.get()?.updated_at ?? null;
  }

  /** Records that the lists are still current (the player is connected and its last sync succeeded). */
  confirmCurrent(atMs: number): void {
    this.#statements.confirmCurrent.run(Math.floor(atMs));
  }

  liveEntries(): PublicEntry[] {
    const entries: PublicEntry[] = [];
    for (const row of this.#statements.liveEntries.iterate()) {
      const entry = parseBody(row.body);
      if (entry && entry.id === row.id) entries.push(entry);
    }
    return entries;
  }

  /**
   * (id, hash of the stored body) of every live entry, for the digest. Bodies are stored as the
   * canonical JSON the controller hashed, so hashing them as stored needs no parsing (100,000 zod
   * parses took seconds at every sync), and a body damaged on disk changes its hash and fails the
   * digest, which is what the check is for.
   */
  liveRefs(hash: (text: string) => string): EntryHashRef[] {
    const refs: EntryHashRef[] = [];
    for (const row of this.#statements.liveEntries.iterate()) refs.push({ id: row.id, hash: hash(row.body) });
    return refs;
  }

  /** The staged changes as liveRefs sees entries. */
  stagedRefs(hash: (text: string) => string): StagedRef[] {
    const refs: StagedRef[] = [];
    for (const row of this.#statements.stagedChanges.iterate()) {
      if (row.op === 'tombstone') refs.push({ id: row.id, op: 'tombstone' });
      // A staged upsert without a body is damaged: its id alone cannot match the digest.
      else refs.push({ id: row.id, op: 'upsert', hash: row.body === null ? '' : hash(row.body) });
    }
    return refs;
  }

  staging(): StagingState | null {
    const row = this.#statements.staging.get();
    return row ? { mode: row.mode, baseRevision: row.base_revision, revision: row.revision } : null;
  }

  beginStaging(mode: StagingMode, baseRevision: number): void {
    this.#db.transaction(() => {
      this.#statements.clearStagedChanges.run();
      this.#statements.setStaging.run(mode, baseRevision, baseRevision);
    })();
  }

  discardStaging(): void {
    this.#db.transaction(() => {
      this.#statements.clearStagedChanges.run();
      this.#statements.clearStaging.run();
    })();
  }

  /**
   * Stages one page. Tombstones go first so that, within a page, an upsert of the same id wins;
   * across pages the later page wins because rows are replaced by id.
   */
  stagePage(page: { tombstones: readonly string[]; upserts: readonly PublicEntry[]; revision: number }): void {
    const s = this.#statements;
    this.#db.transaction(() => {
      for (const id of page.tombstones) s.stageTombstone.run(id);
      for (const entry of page.upserts) {
        // The body is the canonical JSON the controller hashed; hashed once, with Node's SHA-256.
        const body = canonicalJson(entry);
        s.stageUpsert.run(entry.id, entry.list, body, nodeSha256Hex(body), entry.expiresAt);
      }
      s.setStagingRevision.run(page.revision);
    })();
  }

  /** Removes withdrawn entries at once, from live and staging, and remembers them until a sync catches up. */
  takedown(ids: readonly string[], revision: number, receivedAt: number): number {
    const s = this.#statements;
    return this.#db.transaction(() => {
      let removed = 0;
      for (const id of ids) {
        removed += s.deleteLive.run(id).changes;
        s.deleteStaged.run(id);
        s.recordTakedown.run(id, revision, receivedAt);
      }
      this.#liveChanged(removed);
      return removed;
    })();
  }

  /**
   * Removes entries from live only, at once: for tombstones pulled during a sync, which must not
   * wait for the atomic switch (a sync may yet fail). Staging and the revision are left alone, so
   * the next sync pulls the same tombstones again and its digest check still adds up.
   */
  removeLive(ids: readonly string[]): number {
    const s = this.#statements;
    return this.#db.transaction(() => {
      let removed = 0;
      for (const id of ids) removed += s.deleteLive.run(id).changes;
      this.#liveChanged(removed);
      return removed;
    })();
  }

  maxTakedownRevision(): number {
    return this.#statements.maxTakedownRevision.get()?.revision ?? 0;
  }

  rememberedTakedowns(): RememberedTakedown[] {
    return this.#statements.takedowns.all().map((row) => ({ id: row.id, revision: row.revision, receivedAt: row.received_at }));
  }

  /**
   * Must run inside the caller's transaction (see PlayerCache.applySync): it is half of the atomic switch.
   * `contradicted` are remembered takedowns the controller's converged, verified state has shown to be
   * wrong (see runSync); they are forgotten first, so they no longer hold back the entries they name.
   */
  applyStagingInTransaction(reachedRevision: number, appliedAt: number, contradicted: readonly RememberedTakedown[] = []): void {
    const s = this.#statements;
    if (!this.#db.inTransaction) throw new Error('applyStagingInTransaction needs an open transaction');
    const staging = this.staging();
    if (!staging) throw new Error('nothing staged');
    for (const t of contradicted) s.forgetTakedown.run(t.id, t.revision, t.receivedAt);
    let changes = staging.mode === 'full' ? s.clearLive.run().changes : 0;
    changes += s.applyTombstones.run().changes;
    changes += s.applyUpserts.run(reachedRevision).changes;
    this.#liveChanged(changes);
    s.setListState.run(reachedRevision, appliedAt);
    s.clearStagedChanges.run();
    s.clearStaging.run();
    s.purgeTakedowns.run(reachedRevision);
  }
}
