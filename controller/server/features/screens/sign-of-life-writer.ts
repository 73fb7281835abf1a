// Signs of life from screens (connects, heartbeats, applied syncs) written in batches: everything
// heard within a short window goes into one transaction, so ten thousand screens acking a publish
// cost a few statements rather than ten thousand transactions.

import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { SignOfLife } from './health-store.ts';
import { recordSignsOfLife } from './service.ts';

/** A bound on one transaction, so a flood never holds the store for long at a stretch. */
export const MAX_SIGNS_PER_BATCH = 2_000;
/**
 * How long the first sign waits for others. A fleet's acks of one publish arrive over a few hundred
 * milliseconds; flushed every turn of the event loop they made batches of a dozen, each paying for
 * its own statements. 20 ms is nothing beside a screen's sync and gathers them by the hundred.
 */
export const FLUSH_WINDOW_MS = 20;

export interface SignOfLifeWriter {
  /** resolves once the sign is committed (a sync:applied is acked only then) */
  record(sign: SignOfLife): Promise<void>;
}

export function createSignOfLifeWriter(db: Kysely<Database>): SignOfLifeWriter {
  let pending: Array<{ sign: SignOfLife; done: () => void; failed: (error: unknown) => void }> = [];
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    const batch = pending.slice(0, MAX_SIGNS_PER_BATCH);
    pending = pending.slice(batch.length);
    if (pending.length > 0) schedule();
    recordSignsOfLife(
      db,
      batch.map((p) => p.sign),
    ).then(
      () => {
        for (const p of batch) p.done();
      },
      (error: unknown) => {
        for (const p of batch) p.failed(error);
      },
    );
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setTimeout(flush, FLUSH_WINDOW_MS);
  }

  return {
    record(sign) {
      return new Promise((done, failed) => {
        pending.push({ sign, done, failed });
        schedule();
      });
    },
  };
}
