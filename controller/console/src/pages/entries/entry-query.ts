// The entry list's search as the address holds it (?q=…&list=…&page=…), and as the API takes it.
// In the address, a search survives a reload and the way back from an entry's page.

import { ENTRY_STATUSES, LIST_KINDS, type EntryStatus, type ListKind } from '../../../../../shared/lists/list-entry.ts';

export const SORT_KEYS = ['createdAt', 'name', 'validUntil'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = 'asc' | 'desc';

/** "Expiring soon" choices, in days. */
export const EXPIRING_WITHIN_DAYS = [30, 90, 180] as const;

export const PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;

/**
 * The server answers pages only this far into a search (MAX_RESULT_WINDOW in
 * controller/server/features/entries/search-plan.ts): beyond, the search must be narrowed.
 */
export const MAX_RESULT_WINDOW = 5_000;

export interface EntryQuery {
  q: string;
  list: ListKind | null;
  status: EntryStatus | null;
  category: string;
  /** division code prefix: 2, 4 or 6 digits */
  region: string;
  expiringWithinDays: number | null;
  sort: SortKey | null;
  order: SortOrder | null;
  /** 1-based */
  page: number;
  pageSize: number;
}

const oneOf = <T extends string>(values: readonly T[], raw: string | null): T | null => (values as readonly string[]).includes(raw ?? '') ? (raw as T) : null;

function positiveInt(raw: string | null): number | null {
  if (raw === null || !/^\d{1,7}$/.test(raw)) return null;
  const n = Number(raw);
  return n > 0 ? n : null;
}

export const isRegionPrefix = (text: string): boolean => /^\d{2}(\d{2}){0,2}$/.test(text);

/** Whatever the address holds, a valid query: unknown values fall back to "any". */
export function queryFromParams(params: URLSearchParams): EntryQuery {
  const region = params.get('region') ?? '';
  const pageSize = positiveInt(params.get('pageSize'));
  const expiring = positiveInt(params.get('expiringWithinDays'));
  return {
    q: params.get('q') ?? '',
    list: oneOf(LIST_KINDS, params.get('list')),
    status: oneOf(ENTRY_STATUSES, params.get('status')),
    category: params.get('category') ?? '',
    region: isRegionPrefix(region) ? region : '',
    expiringWithinDays: expiring !== null && (EXPIRING_WITHIN_DAYS as readonly number[]).includes(expiring) ? expiring : null,
    sort: oneOf(SORT_KEYS, params.get('sort')),
    order: oneOf(['asc', 'desc'] as const, params.get('order')),
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSize !== null && (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** Only what differs from the defaults, so a plain list has a plain address. */
export function paramsFromQuery(query: EntryQuery): Record<string, string> {
  const params: Record<string, string> = {};
  if (query.q.trim() !== '') params.q = query.q;
  if (query.list) params.list = query.list;
  if (query.status) params.status = query.status;
  if (query.category.trim() !== '') params.category = query.category.trim();
  if (query.region !== '') params.region = query.region;
  if (query.expiringWithinDays !== null) params.expiringWithinDays = String(query.expiringWithinDays);
  if (query.sort) params.sort = query.sort;
  if (query.order) params.order = query.order;
  if (query.page !== 1) params.page = String(query.page);
  if (query.pageSize !== DEFAULT_PAGE_SIZE) params.pageSize = String(query.pageSize);
  return params;
}

/** A changed filter starts again at page 1: page 7 of the old results means nothing in the new. */
export function withFilters(query: EntryQuery, change: Partial<Omit<EntryQuery, 'page'>>): EntryQuery {
  return { ...query, ...change, page: 1 };
}

/** The last page the server will answer, however many matches there are. */
export function lastReachablePage(pageSize: number): number {
  return Math.floor(MAX_RESULT_WINDOW / pageSize);
}

/** GET /api/v1/entries parameters; a page past the reachable window asks for the last one it can. */
export function apiQuery(query: EntryQuery): Record<string, string | number | undefined> {
  const page = Math.min(query.page, lastReachablePage(query.pageSize));
  return {
    q: query.q.trim() || undefined,
    list: query.list ?? undefined,
    status: query.status ?? undefined,
    category: query.category.trim() || undefined,
    region: query.region || undefined,
    expiringWithinDays: query.expiringWithinDays ?? undefined,
    sort: query.sort ?? undefined,
    order: query.sort ? (query.order ?? undefined) : undefined,
    limit: query.pageSize,
    offset: (page - 1) * query.pageSize,
  };
}

/** True when the search has any filter beyond the text. */
export function hasFilters(query: EntryQuery): boolean {
  return query.list !== null || query.status !== null || query.category.trim() !== '' || query.region !== '' || query.expiringWithinDays !== null;
}
