// Proof of play rules: record what screens upload (idempotently) and answer the auditor's queries page by page.

import type { Kysely } from 'kysely';
import type { PlayEventBatch, PlayEventsAccepted } from '../../../../shared/protocol/proof-of-play.ts';
import { AppError } from '../../errors.ts';
import type { Database } from '../../store/schema.ts';
import { insertPlayEvents, listPlayEvents, type PlayEventPosition, type PlayEventRow } from './store.ts';

export interface PlayEventQuery {
  screenId?: string;
  contentId?: string;
  from?: number;
  to?: number;
  limit: number;
  cursor?: string;
}

export interface PlayEventPage {
  items: PlayEventRow[];
  /** pass back as `cursor` for the next page; null on the last one */
  nextCursor: string | null;
}

const CURSOR = /^(\d{1,16}):([0-9a-f-]{36})$/;

/** The cursor is the last row's place in the page order; opaque to callers, readable in logs. */
export function encodePlayEventCursor(position: PlayEventPosition): string {
  return `${position.startedAt}:${position.id}`;
}

export function decodePlayEventCursor(cursor: string): PlayEventPosition | null {
  const match = CURSOR.exec(cursor);
  if (!match?.[1] || !match[2]) return null;
  const startedAt = Number(match[1]);
  return Number.isSafeInteger(startedAt) ? { startedAt, id: match[2] } : null;
}

/** The screen comes from the authenticated socket, never from the payload: a screen vouches only for itself. */
export async function recordPlayEvents(db: Kysely<Database>, screenId: string, batch: PlayEventBatch, now: number): Promise<PlayEventsAccepted> {
  const accepted = await insertPlayEvents(db, screenId, batch.events, now);
  return { accepted };
}

/** A window that ends before it starts is a mistake to point out, not an empty answer. */
export function assertPlayWindow(window: { from?: number | undefined; to?: number | undefined }): void {
  if (window.from !== undefined && window.to !== undefined && window.from > window.to) {
    throw new AppError('proof-of-play.bad-range', '开始时间晚于结束时间 (from is after to)', { from: window.from, to: window.to });
  }
}

export async function queryPlayEvents(db: Kysely<Database>, query: PlayEventQuery): Promise<PlayEventPage> {
  assertPlayWindow(query);
  const after = query.cursor === undefined ? undefined : decodePlayEventCursor(query.cursor);
  if (after === null) throw new AppError('proof-of-play.bad-cursor', '分页游标无效 (invalid cursor)', { cursor: query.cursor });
  // One row more than asked tells whether another page exists without a count query.
  const rows = await listPlayEvents(db, { screenId: query.screenId, contentId: query.contentId, from: query.from, to: query.to, after, limit: query.limit + 1 });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodePlayEventCursor(last) : null };
}
