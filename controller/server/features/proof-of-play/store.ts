// Play-event queries: idempotent inserts from screens, and the auditor's filtered, paged reads.

import type { Kysely } from 'kysely';
import { MAX_PLAY_EVENT_SPAN_MS, type PlayEvent } from '../../../../shared/protocol/proof-of-play.ts';
import type { Database, PlayEventsTable } from '../../store/schema.ts';

export type PlayEventRow = PlayEventsTable;

/** Rows per INSERT: 10 columns each keeps a statement far below SQLite's bound-parameter limit. */
const INSERT_CHUNK = 100;

/** Position after the last row of a page, in the page order (startedAt, id). */
export interface PlayEventPosition {
  startedAt: number;
  id: string;
}

export interface PlayEventFilter {
  screenId?: string;
  contentId?: string;
  /** events on screen at or after this instant (epoch ms) */
  from?: number;
  /** events that started before this instant (epoch ms) */
  to?: number;
  after?: PlayEventPosition;
  limit: number;
}

/**
 * Inserts a screen's events in one transaction and returns how many were new. An id already
 * stored is skipped, never overwritten: a re-sent batch changes nothing, and one screen cannot
 * rewrite another's events by reusing their ids.
 */
export async function insertPlayEvents(db: Kysely<Database>, screenId: string, events: readonly PlayEvent[], receivedAt: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let inserted = 0;
    for (let start = 0; start < events.length; start += INSERT_CHUNK) {
      const rows = events.slice(start, start + INSERT_CHUNK).map((e) => ({ ...e, screenId, receivedAt }));
      const result = await trx.insertInto('playEvents').values(rows).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
      inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
    }
    return inserted;
  });
}

export async function listPlayEvents(db: Kysely<Database>, filter: PlayEventFilter): Promise<PlayEventRow[]> {
  let query = db.selectFrom('playEvents').selectAll();
  if (filter.screenId !== undefined) query = query.where('screenId', '=', filter.screenId);
  if (filter.contentId !== undefined) query = query.where('contentId', '=', filter.contentId);
  if (filter.from !== undefined) {
    // Overlap with [from, to): the bound on an event's span lets the index on started_at do the work.
    query = query.where('endedAt', '>=', filter.from).where('startedAt', '>=', filter.from - MAX_PLAY_EVENT_SPAN_MS);
  }
  if (filter.to !== undefined) query = query.where('startedAt', '<', filter.to);
  const after = filter.after;
  if (after) {
    query = query.where((eb) => eb.or([eb('startedAt', '>', after.startedAt), eb.and([eb('startedAt', '=', after.startedAt), eb('id', '>', after.id)])]));
  }
  return query.orderBy('startedAt').orderBy('id').limit(filter.limit).execute();
}
