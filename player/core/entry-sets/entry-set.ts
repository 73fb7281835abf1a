// A list's entries as the display is served them: pages of the compact form (entry-page.ts) in
// display order, named by a hash of their content. Built once per change of the entries and then
// served as the same bytes to every request, instead of serialising and hashing them per request.

import { createHash } from 'node:crypto';
import { decodeEntryPage, encodeEntryPage } from '../../../shared/display/entry-page.ts';
import type { PublicEntry } from '../../../shared/lists/list-entry.ts';
import { isEntryShowable } from '../../../shared/lists/validity.ts';

/**
 * The first page is small, so a screen paints its first rows before the rest has arrived: more
 * rows than the tallest window a scrolling list keeps (two screenfuls of the smallest rows on a
 * portrait screen, about 180) or a page of a paged table shows.
 */
export const FIRST_PAGE_ENTRIES = 256;
/**
 * Later pages: about 300 kB each, which the display parses and checks between two frames (it
 * waits for a paint after each) without a long task on a 2-core screen.
 */
export const PAGE_ENTRIES = 4_096;

export interface EntrySetPage {
  /** the page as served: UTF-8 JSON */
  bytes: Buffer;
  count: number;
  /** the earliest expiresAt on the page: until then, no entry of it can expire */
  minExpiresAt: number;
  /** SHA-256 of bytes, base64url */
  hash: string;
}

export interface EntrySet {
  /** names the content: equal ids, equal entries in equal order */
  id: string;
  pages: readonly EntrySetPage[];
  count: number;
}

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('base64url');

/** A page from its stored bytes and figures (checked by the caller against `hash`). */
export function storedPage(bytes: Buffer, count: number, minExpiresAt: number): EntrySetPage {
  return { bytes, count, minExpiresAt, hash: sha256(bytes) };
}

function pageOf(entries: readonly PublicEntry[]): EntrySetPage {
  const minExpiresAt = entries.reduce((earliest, entry) => Math.min(earliest, entry.expiresAt), Infinity);
  return storedPage(Buffer.from(encodeEntryPage(entries), 'utf8'), entries.length, minExpiresAt);
}

export function entrySetOf(pages: readonly EntrySetPage[]): EntrySet {
  // 22 characters of base64url: 132 bits, in a URL path.
  const id = sha256(pages.map((page) => page.hash).join('.')).slice(0, 22);
  return { id, pages, count: pages.reduce((sum, page) => sum + page.count, 0) };
}

/** The entries, in the order given, as a set of pages. */
export function buildEntrySet(entries: readonly PublicEntry[]): EntrySet {
  const pages: EntrySetPage[] = [];
  for (let start = 0; start < entries.length; ) {
    const size = pages.length === 0 ? FIRST_PAGE_ENTRIES : PAGE_ENTRIES;
    pages.push(pageOf(entries.slice(start, start + size)));
    start += size;
  }
  return entrySetOf(pages);
}

export class EntrySetError extends Error {
  readonly code = 'entry-set-page-unreadable';
}

/** The entries of one of our own pages. */
export function pageEntries(page: EntrySetPage): PublicEntry[] {
  const entries = decodeEntryPage(JSON.parse(page.bytes.toString('utf8')));
  // Our own bytes, written from checked entries: a page that does not decode is a bug, not input.
  if (entries === null) throw new EntrySetError('an entry set page does not decode');
  return entries as unknown as PublicEntry[];
}

/** Every entry of the set, in order. */
export function setEntries(set: EntrySet): PublicEntry[] {
  return set.pages.flatMap(pageEntries);
}

/**
 * The set without the entries `keep` refuses. Only pages `mayDrop` says could lose an entry are
 * read; pages that lose none keep their bytes, and a set that loses none is returned as it was.
 */
export function filterEntrySet(set: EntrySet, keep: (entry: PublicEntry) => boolean, mayDrop: (page: EntrySetPage) => boolean = () => true): EntrySet {
  let changed = false;
  const pages: EntrySetPage[] = [];
  for (const page of set.pages) {
    if (!mayDrop(page)) {
      pages.push(page);
      continue;
    }
    const entries = pageEntries(page);
    const kept = entries.filter(keep);
    if (kept.length === entries.length) {
      pages.push(page);
      continue;
    }
    changed = true;
    if (kept.length > 0) pages.push(pageOf(kept));
  }
  return changed ? entrySetOf(pages) : set;
}

/** The set without entries expired at nowMs; only pages holding one are read. */
export function withoutExpired(set: EntrySet, nowMs: number): EntrySet {
  return filterEntrySet(set, (entry) => isEntryShowable(entry, nowMs), (page) => !isEntryShowable({ expiresAt: page.minExpiresAt }, nowMs));
}

/** When the next entry of the set expires; Infinity when none will. */
export function nextExpiryOf(set: EntrySet): number {
  return set.pages.reduce((earliest, page) => Math.min(earliest, page.minExpiresAt), Infinity);
}
