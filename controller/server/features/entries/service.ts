// Searching list entries, reading one with its history, and withdrawing them (信用修复, objection
// upheld, error). A withdrawal takes effect on screens through the next publish, which the caller
// triggers at once.

import type { Kysely, Selectable } from 'kysely';
import type { CalendarDate } from '../../../../shared/dates/calendar-date.ts';
import type { EntryStatus, ListKind, WithdrawalReason } from '../../../../shared/lists/list-entry.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Store } from '../../store/database.ts';
import type { Database, EntriesTable } from '../../store/schema.ts';
import { appendAuditEvent } from '../audit/store.ts';
import { displayNamesOf } from '../users/display-names.ts';
import { indexQueuedEntries, queuedEntryCount } from './search-index.ts';
import { chooseSearchPlan, COUNT_CAP, countSide, fallbackPlan, FEW_FILTER_MATCHES, TEXT_SCAN_LIMIT, textCountCap, walkMayGiveUp, type PlanInput, type SortKey, type SortOrder } from './search-plan.ts';
import { ftsQueryOf, textQueryOf, type TextQuery } from './search-text.ts';
import {
  countByFacets, countFilterMatches, countLive, countTextAndFilterMatches, countTextMatches, entriesOfSubject, pageByFilters, pageByText, pageInOrder, pageLive,
  type EntryFilters, type EntryOrder, type IdPage, type PageWindow,
} from './store.ts';

export interface EntrySearch {
  q?: string;
  list?: ListKind;
  status?: EntryStatus;
  category?: string;
  /** division code prefix: 2, 4 or 6 digits */
  region?: string;
  /** in force today and ending within this many days */
  expiringWithinDays?: number;
  sort: SortKey;
  /** default: newest first for createdAt, ascending otherwise */
  order?: SortOrder;
  limit: number;
  offset: number;
}

export type EntryItem = Omit<Selectable<EntriesTable>, 'warningsJson'> & { warnings: unknown };

export interface EntrySearchResult {
  /** matches; when `totalIsExact` is false, at least this many (the count stopped at a cap) */
  total: number;
  totalIsExact: boolean;
  limit: number;
  offset: number;
  items: EntryItem[];
}

const DEFAULT_ORDER: Record<SortKey, SortOrder> = { createdAt: 'desc', name: 'asc', validUntil: 'asc' };

/**
 * A search indexes a queue of at most this many entries before answering (a withdrawal, an
 * approval of a small change set: ~40 ms at most); a longer queue (an import just staged) is left
 * to the background indexer, and the search reads `entries` directly until it has caught up.
 */
const INDEX_ON_READ_LIMIT = 500;

interface Found {
  ids: string[];
  total: number;
  totalIsExact: boolean;
}

function addDays(date: CalendarDate, days: number): CalendarDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function filtersOf(search: EntrySearch, today: CalendarDate): EntryFilters {
  const filters: EntryFilters = {};
  if (search.list !== undefined) filters.list = search.list;
  if (search.status !== undefined) filters.status = search.status;
  if (search.category !== undefined) filters.category = search.category;
  if (search.region !== undefined) filters.region = search.region;
  if (search.expiringWithinDays !== undefined) {
    filters.validUntilFrom = today;
    filters.validUntilTo = addDays(today, search.expiringWithinDays);
  }
  return filters;
}

function capped(count: number, cap: number): Pick<Found, 'total' | 'totalIsExact'> {
  return { total: Math.min(count, cap), totalIsExact: count <= cap };
}

/** A page past the last match counted nothing; the first row of the same query carries the count. */
async function withTotal(pending: Promise<IdPage>, window: PageWindow, again: () => Promise<IdPage>): Promise<Found> {
  const page = await pending;
  const total = page.total ?? (window.offset === 0 ? 0 : ((await again()).total ?? 0));
  return { ids: page.ids, total, totalIsExact: true };
}

async function searchIndexed(db: Kysely<Database>, text: TextQuery | null, filters: EntryFilters, order: EntryOrder, window: PageWindow): Promise<Found> {
  const first: PageWindow = { limit: 1, offset: 0 };
  const driven = (plan: 'by-text' | 'by-filters'): Promise<Found> => plan === 'by-text'
    ? withTotal(pageByText(db, text!, filters, order, window), window, () => pageByText(db, text!, filters, order, first))
    : withTotal(pageByFilters(db, text, filters, order, window), window, () => pageByFilters(db, text, filters, order, first));
  // Filters the FTS query holds itself (see ftsQueryOf) are in the text's count; the rest are weighed.
  const residual = text === null ? filters : ftsQueryOf(text, filters).residual;
  let filterMatches: number | null = null;
  let filterCap = Infinity;
  if (Object.keys(residual).length > 0) {
    filterMatches = await countByFacets(db, filters);
    if (filterMatches === null) {
      // Alone, the filters' count is the total; with text, it is counted only as far as choosing needs.
      filterCap = text === null ? COUNT_CAP : FEW_FILTER_MATCHES;
      filterMatches = await countFilterMatches(db, filters, null, filterCap + 1);
    }
    if (text !== null && filterMatches <= Math.min(filterCap, FEW_FILTER_MATCHES)) return driven('by-filters');
  }
  const entries = (await countByFacets(db, {})) ?? 0;
  const textCap = text === null ? 0 : textCountCap(text);
  const textMatches = text === null ? null : await countTextMatches(db, text, filters, textCap + 1);
  const input: PlanInput = { entries, textMatches, textCap, filterMatches, filterCap, windowEnd: window.offset + window.limit, sort: order.sort };
  const plan = chooseSearchPlan(input);
  if (plan !== 'in-order') return driven(plan);
  const candidates = order.sort !== 'createdAt' || text === null ? entries : textMatches! <= textCap ? textMatches! : Infinity;
  const ids = await pageInOrder(db, text, filters, order, window, { candidates, mayGiveUp: walkMayGiveUp(input) });
  if (ids === null) return driven(fallbackPlan(input));
  if (text === null) return { ids, ...capped(filterMatches ?? entries, filterCap) };
  if (filterMatches === null) return { ids, ...capped(textMatches!, textCap) };
  if (countSide(input) === 'filters') return { ids, ...capped(await countFilterMatches(db, filters, text, COUNT_CAP + 1), COUNT_CAP) };
  const { count, complete } = await countTextAndFilterMatches(db, text, filters, COUNT_CAP + 1, Math.min(TEXT_SCAN_LIMIT, textCap));
  return { ids, total: Math.min(count, COUNT_CAP), totalIsExact: complete && count <= COUNT_CAP };
}

/**
 * While the indexer catches up (an import just staged), filters alone are counted this far, so that
 * a list's total stays exact as entry_search_counts keeps it once indexed, for any city-sized list.
 */
const LIVE_FILTER_COUNT_CAP = 100_000;

async function searchLive(db: Kysely<Database>, text: TextQuery | null, filters: EntryFilters, order: EntryOrder, window: PageWindow): Promise<Found> {
  const cap = text === null ? LIVE_FILTER_COUNT_CAP : COUNT_CAP;
  const ids = await pageLive(db, text, filters, order, window);
  return { ids, ...capped(await countLive(db, text, filters, cap + 1), cap) };
}

/** True when the search copy is current, after indexing a short queue on the spot. */
async function searchIndexIsCurrent(store: Pick<Store, 'db' | 'sqlite'>): Promise<boolean> {
  let queued = await queuedEntryCount(store.db, INDEX_ON_READ_LIMIT + 1);
  if (queued > 0 && queued <= INDEX_ON_READ_LIMIT) {
    await indexQueuedEntries(store, INDEX_ON_READ_LIMIT);
    queued = await queuedEntryCount(store.db, 1);
  }
  return queued === 0;
}

function toItem({ warningsJson, ...rest }: Selectable<EntriesTable>): EntryItem {
  return { ...rest, warnings: JSON.parse(warningsJson ?? '[]') as unknown };
}

async function entryItems(db: Kysely<Database>, ids: readonly string[]): Promise<EntryItem[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('entries').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toItem(row)] : [];
  });
}

export async function searchEntries(store: Pick<Store, 'db' | 'sqlite'>, search: EntrySearch, today: CalendarDate): Promise<EntrySearchResult> {
  const text = search.q === undefined ? null : textQueryOf(search.q);
  const filters = filtersOf(search, today);
  const order: EntryOrder = { sort: search.sort, order: search.order ?? DEFAULT_ORDER[search.sort] };
  const window: PageWindow = { limit: search.limit, offset: search.offset };
  const found = (await searchIndexIsCurrent(store)) ? await searchIndexed(store.db, text, filters, order, window) : await searchLive(store.db, text, filters, order, window);
  return { total: found.total, totalIsExact: found.totalIsExact, limit: search.limit, offset: search.offset, items: await entryItems(store.db, found.ids) };
}

export type EntryHistoryAction = 'submitted' | 'approved' | 'rejected' | 'withdrawn';

export interface EntryHistoryEvent {
  at: number;
  action: EntryHistoryAction;
  /** the entry of the subject that the event concerns (this one, or an earlier or later listing) */
  entryId: string;
  changeSetId: string;
  actorId: string | null;
  actorName: string | null;
  /** the reviewer's comment (approved, rejected) */
  comment: string | null;
  /** withdrawn: credit-repair | objection-upheld | error */
  reason: string | null;
  note: string | null;
}

/**
 * One entry, the change set that brought it (who submitted and who reviewed it), its withdrawal,
 * and the history of its subject on this list and category: every listing of the same subject
 * key, and what happened to each, oldest first.
 */
export async function entryDetail(db: Kysely<Database>, entryId: string) {
  const entry = await db.selectFrom('entries').selectAll().where('id', '=', entryId).executeTakeFirst();
  if (!entry) throw notFound('entry', entryId);
  const code = entry.creditCode ?? entry.idNumber;
  const versions = code === null ? [entry] : await entriesOfSubject(db, entry.subjectKey, code);
  if (!versions.some((v) => v.id === entry.id)) versions.push(entry);
  const changeSets = await db.selectFrom('changeSets')
    .select(['id', 'kind', 'sourceName', 'status', 'submittedBy', 'submittedAt', 'reviewedBy', 'reviewedAt', 'reviewComment'])
    .where('id', 'in', [...new Set(versions.map((v) => v.changeSetId))])
    .execute();
  const changeSetById = new Map(changeSets.map((c) => [c.id, c]));
  const names = await displayNamesOf(db, [...changeSets.flatMap((c) => [c.submittedBy, c.reviewedBy]), ...versions.map((v) => v.withdrawnBy)]);
  const nameOf = (id: string | null): string | null => (id === null ? null : (names.get(id) ?? null));

  const history: EntryHistoryEvent[] = [];
  const event = (e: Omit<EntryHistoryEvent, 'actorName' | 'comment' | 'reason' | 'note'> & Partial<EntryHistoryEvent>): void => {
    history.push({ comment: null, reason: null, note: null, ...e, actorName: nameOf(e.actorId) });
  };
  for (const version of versions) {
    const changeSet = changeSetById.get(version.changeSetId);
    if (changeSet) {
      event({ at: changeSet.submittedAt, action: 'submitted', entryId: version.id, changeSetId: changeSet.id, actorId: changeSet.submittedBy });
      if ((changeSet.status === 'approved' || changeSet.status === 'rejected') && changeSet.reviewedAt !== null) {
        event({ at: changeSet.reviewedAt, action: changeSet.status, entryId: version.id, changeSetId: changeSet.id, actorId: changeSet.reviewedBy, comment: changeSet.reviewComment });
      }
    }
    if (version.withdrawnAt !== null) {
      event({ at: version.withdrawnAt, action: 'withdrawn', entryId: version.id, changeSetId: version.changeSetId, actorId: version.withdrawnBy, reason: version.withdrawalReason, note: version.withdrawalNote });
    }
  }
  history.sort((a, b) => a.at - b.at || a.entryId.localeCompare(b.entryId));

  const changeSet = changeSetById.get(entry.changeSetId) ?? null;
  return {
    entry: toItem(entry),
    changeSet: changeSet && { ...changeSet, sourceLine: entry.sourceLine, submittedByName: nameOf(changeSet.submittedBy), reviewedByName: nameOf(changeSet.reviewedBy) },
    withdrawal: entry.withdrawnAt === null ? null : { at: entry.withdrawnAt, by: entry.withdrawnBy, byName: nameOf(entry.withdrawnBy), reason: entry.withdrawalReason, note: entry.withdrawalNote },
    versions: versions.map((v) => ({ id: v.id, changeSetId: v.changeSetId, status: v.status, listedOn: v.listedOn, validUntil: v.validUntil, createdAt: v.createdAt, approvedAt: v.approvedAt, withdrawnAt: v.withdrawnAt, current: v.id === entry.id })),
    history,
  };
}

export async function withdrawEntry(db: Kysely<Database>, input: { entryId: string; reason: WithdrawalReason; note: string; actorId: string; now: number }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const entry = await trx.selectFrom('entries').select(['id', 'status']).where('id', '=', input.entryId).executeTakeFirst();
    if (!entry) throw notFound('entry', input.entryId);
    if (entry.status === 'withdrawn') throw new AppError('entries.already-withdrawn', '该条目已撤下 (already withdrawn)', null, 409);
    await trx.updateTable('entries').set({ status: 'withdrawn', withdrawnAt: input.now, withdrawnBy: input.actorId, withdrawalReason: input.reason, withdrawalNote: input.note }).where('id', '=', input.entryId).execute();
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.actorId}`, action: 'entry.withdraw', target: `entry:${input.entryId}`, details: { reason: input.reason, note: input.note, previousStatus: entry.status } });
  });
}
