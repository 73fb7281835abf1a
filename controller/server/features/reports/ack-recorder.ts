// Listens to the player hub's 'applied' events and writes each screen's first ack of a list revision
// to the ack history in batches: a fleet acking one publish costs one transaction, not thousands.

import type { EventEmitter } from 'node:events';
import type { Kysely } from 'kysely';
import type { Logger } from '../../logger.ts';
import type { Database } from '../../store/schema.ts';
import { pruneListAcks, recordListAcks, type ListAck } from './ack-history.ts';

/** A publish's acks arrive over a few hundred milliseconds; a quarter second gathers them by the hundred. */
export const ACK_FLUSH_WINDOW_MS = 250;
const PRUNE_INTERVAL_MS = 60 * 60 * 1000;

export interface AckRecorder {
  /** writes what is pending and stops listening */
  stop(): Promise<void>;
}

export function startAckRecorder(deps: { db: Kysely<Database>; events: EventEmitter; now: () => number; logger: Logger }): AckRecorder {
  let pending = new Map<string, ListAck>();
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();
  let lastPrune = 0;

  function flush(): void {
    timer = null;
    const batch = [...pending.values()];
    pending = new Map();
    const now = deps.now();
    const prune = now - lastPrune >= PRUNE_INTERVAL_MS;
    if (prune) lastPrune = now;
    writing = writing
      .then(async () => {
        await recordListAcks(deps.db, batch);
        if (prune) await pruneListAcks(deps.db, now);
      })
      .catch((error: unknown) => deps.logger.error({ err: error, acks: batch.length }, 'recording list acks failed'));
  }

  const onApplied = (event: { screenId: string; listRevision: number }): void => {
    const key = `${event.screenId}\u0000${event.listRevision}`;
    if (!pending.has(key)) pending.set(key, { screenId: event.screenId, listRevision: event.listRevision, ackedAt: deps.now() });
    timer ??= setTimeout(flush, ACK_FLUSH_WINDOW_MS);
  };
  deps.events.on('applied', onApplied);

  return {
    async stop() {
      deps.events.off('applied', onApplied);
      if (timer) clearTimeout(timer);
      flush();
      await writing;
    },
  };
}
