// The history of when each screen applied each list revision (migration 9), written as screens ack
// and read by the takedown report. This feature owns the table; screens own their current state.

import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { reusableQuery } from '../../store/reusable-query.ts';

type Db = Kysely<Database>;

export interface ListAck {
  screenId: string;
  listRevision: number;
  ackedAt: number;
}

/** 3 columns a row: far below SQLite's bound-parameter limit. */
const INSERT_CHUNK = 300;

/**
 * More than a year: an annual audit reaches back through the whole previous year. Older takedowns
 * still show which screens hold them now, without the time.
 */
export const ACK_HISTORY_RETENTION_MS = 400 * 24 * 60 * 60 * 1000;

/** The first report of a revision wins: a screen re-acking after a reconnect does not move its time. */
export async function recordListAcks(db: Db, acks: readonly ListAck[]): Promise<void> {
  if (acks.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < acks.length; i += INSERT_CHUNK) {
      await trx.insertInto('screenListAcks').values(acks.slice(i, i + INSERT_CHUNK)).onConflict((oc) => oc.columns(['screenId', 'listRevision']).doNothing()).execute();
    }
  });
}

export async function pruneListAcks(db: Db, now: number): Promise<number> {
  const result = await db.deleteFrom('screenListAcks').where('ackedAt', '<', now - ACK_HISTORY_RETENTION_MS).executeTakeFirst();
  return Number(result.numDeletedRows);
}

// Reusable: asked once per screen of the fleet for one takedown.
const firstAckQuery = reusableQuery((db: Db, screenId: string, listRevision: number) =>
  db.selectFrom('screenListAcks').select('ackedAt').where('screenId', '=', screenId).where('listRevision', '>=', listRevision).orderBy('listRevision').limit(1),
);

/** When each screen first applied this list revision or a later one; screens without a recorded ack are absent. */
export async function firstAcksAtOrAfter(db: Db, screenIds: readonly string[], listRevision: number): Promise<Map<string, number>> {
  const acks = new Map<string, number>();
  for (const screenId of screenIds) {
    const [row] = await firstAckQuery(db, screenId, listRevision);
    if (row) acks.set(screenId, row.ackedAt);
  }
  return acks;
}
