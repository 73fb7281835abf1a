// Proof-of-play events in the player cache: written as plays open, checkpoint and close; deleted only once the controller acks them.

import type Database from 'better-sqlite3';
import type { PlayEvent, PlayKind } from '../../../shared/protocol/proof-of-play.ts';

/** One change to the table; a recorder step's changes are applied together, in one transaction. */
export type PlayWrite =
  | { op: 'open'; event: PlayEvent }
  | { op: 'checkpoint'; id: string; endedAt: number }
  | { op: 'close'; id: string; endedAt: number };

interface PlayEventRow {
  id: string;
  kind: PlayKind;
  content_id: string;
  content_hash: string;
  manifest_version: number;
  list_revision: number;
  started_at: number;
  ended_at: number;
}

const COLUMNS = 'id, kind, content_id, content_hash, manifest_version, list_revision, started_at, ended_at';

function toEvent(row: PlayEventRow): PlayEvent {
  return {
    id: row.id,
    kind: row.kind,
    contentId: row.content_id,
    contentHash: row.content_hash,
    manifestVersion: row.manifest_version,
    listRevision: row.list_revision,
    startedAt: row.started_at,
    endedAt: row.ended_at,
  };
}

export class PlayEventStore {
  readonly #apply: (writes: readonly PlayWrite[]) => void;
  readonly #removeAcked: (ids: readonly string[]) => number;
  readonly #statements;

  constructor(db: Database.Database) {
    const s = {
      open: db.prepare<[id: string, kind: string, contentId: string, contentHash: string, manifestVersion: number, listRevision: number, startedAt: number, endedAt: number]>(
        `INSERT INTO play_events (${COLUMNS}, open) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)`,
      ),
      // Times only move forward: a late or repeated write cannot shorten what was already recorded.
      checkpoint: db.prepare<[endedAt: number, id: string]>('UPDATE play_events SET ended_at = max(ended_at, ?) WHERE id = ? AND open = 1'),
      close: db.prepare<[endedAt: number, id: string]>('UPDATE play_events SET ended_at = max(ended_at, ?), open = 0 WHERE id = ? AND open = 1'),
      closeInterrupted: db.prepare<[]>('UPDATE play_events SET open = 0 WHERE open = 1'),
      pending: db.prepare<[limit: number], PlayEventRow>(`SELECT ${COLUMNS} FROM play_events WHERE open = 0 ORDER BY started_at, id LIMIT ?`),
      pendingCount: db.prepare<[], { count: number }>('SELECT count(*) AS count FROM play_events WHERE open = 0'),
      remove: db.prepare<[id: string]>('DELETE FROM play_events WHERE id = ? AND open = 0'),
    };
    this.#statements = s;
    this.#apply = db.transaction((writes: readonly PlayWrite[]) => {
      for (const write of writes) {
        if (write.op === 'open') {
          const e = write.event;
          s.open.run(e.id, e.kind, e.contentId, e.contentHash, e.manifestVersion, e.listRevision, e.startedAt, e.endedAt);
        } else if (write.op === 'checkpoint') s.checkpoint.run(write.endedAt, write.id);
        else s.close.run(write.endedAt, write.id);
      }
    });
    this.#removeAcked = db.transaction((ids: readonly string[]) => {
      let removed = 0;
      for (const id of ids) removed += s.remove.run(id).changes;
      return removed;
    });
  }

  apply(writes: readonly PlayWrite[]): void {
    if (writes.length > 0) this.#apply(writes);
  }

  /**
   * At boot: a play still open was cut short by a crash or power loss. It ends at its last
   * checkpoint, the latest moment it is known to have been on screen, and becomes uploadable.
   */
  closeInterrupted(): number {
    return this.#statements.closeInterrupted.run().changes;
  }

  /** Closed events, oldest first: what the next upload batch sends. */
  pending(limit: number): PlayEvent[] {
    return this.#statements.pending.all(limit).map(toEvent);
  }

  pendingCount(): number {
    return this.#statements.pendingCount.get()?.count ?? 0;
  }

  /** After the controller's ok ack, and only then (invariant 7). */
  removeAcked(ids: readonly string[]): number {
    return ids.length === 0 ? 0 : this.#removeAcked(ids);
  }
}
