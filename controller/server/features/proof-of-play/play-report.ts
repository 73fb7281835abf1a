// What the auditor's proof-of-play page and export read: plays with screen and content named,
// totals per screen and content, and every matching play as CSV rows.

import type { Kysely } from 'kysely';
import type { PlayRecord, PlayTotals } from '../../../../shared/reports/proof-of-play-report.ts';
import { csvInstant, csvLine, utcOffsetLabel } from '../../http/csv-export.ts';
import type { Database } from '../../store/schema.ts';
import { loadPlayLabels, type PlayLabels } from './play-labels.ts';
import { assertPlayWindow, queryPlayEvents, type PlayEventPage, type PlayEventQuery } from './service.ts';
import type { PlayEventRow } from './store.ts';
import { MAX_TOTALS_ROWS, playTotals, type PlayTotalsFilter } from './summary-store.ts';

function labelled(row: PlayEventRow, labels: PlayLabels): PlayRecord {
  return { ...row, screenName: labels.screenName(row.screenId), contentTitle: labels.contentTitle(row.contentId) };
}

export async function labelledPlayEvents(db: Kysely<Database>, query: PlayEventQuery): Promise<Omit<PlayEventPage, 'items'> & { items: PlayRecord[] }> {
  const [page, labels] = await Promise.all([queryPlayEvents(db, query), loadPlayLabels(db)]);
  return { ...page, items: page.items.map((row) => labelled(row, labels)) };
}

export async function playTotalsReport(db: Kysely<Database>, filter: PlayTotalsFilter): Promise<PlayTotals> {
  assertPlayWindow(filter);
  const [rows, labels] = await Promise.all([playTotals(db, filter), loadPlayLabels(db)]);
  return {
    items: rows.map((row) => ({ ...row, screenName: labels.screenName(row.screenId), contentTitle: labels.contentTitle(row.contentId) })),
    plays: rows.reduce((sum, r) => sum + r.plays, 0),
    shownMs: rows.reduce((sum, r) => sum + r.shownMs, 0),
    truncated: rows.length >= MAX_TOTALS_ROWS,
  };
}

/** Rows read per page while streaming an export: memory stays flat however long the period. */
const EXPORT_PAGE = 2_000;

export function playEventCsvHeader(utcOffsetMinutes: number): string {
  const zone = `UTC${utcOffsetLabel(utcOffsetMinutes)}`;
  return csvLine([
    `开始时间 started (${zone})`, `结束时间 ended (${zone})`, '时长(秒) seconds', '屏幕 screen', '屏幕ID screen id',
    '内容 content', '内容ID content id', '类型 kind', '清单版本 manifest version', '名单修订 list revision', '内容摘要 content sha-256', '记录ID event id',
  ]);
}

export function playEventCsvRow(row: PlayRecord, utcOffsetMinutes: number): string {
  return csvLine([
    csvInstant(row.startedAt, utcOffsetMinutes), csvInstant(row.endedAt, utcOffsetMinutes), ((row.endedAt - row.startedAt) / 1000).toFixed(1),
    row.screenName, row.screenId, row.contentTitle, row.contentId, row.kind, row.manifestVersion, row.listRevision, row.contentHash, row.id,
  ]);
}

/** Every play matching the filters, oldest first, as CSV lines after a header. */
export async function* playEventCsvLines(db: Kysely<Database>, filter: Omit<PlayEventQuery, 'limit' | 'cursor'>, utcOffsetMinutes: number): AsyncGenerator<string> {
  const labels = await loadPlayLabels(db);
  yield playEventCsvHeader(utcOffsetMinutes);
  let cursor: string | undefined;
  do {
    const page = await queryPlayEvents(db, { ...filter, limit: EXPORT_PAGE, ...(cursor !== undefined ? { cursor } : {}) });
    yield page.items.map((row) => playEventCsvRow(labelled(row, labels), utcOffsetMinutes)).join('');
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
