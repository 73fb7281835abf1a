// What an operator types into the entry search, turned into FTS5 queries and LIKE patterns, and the
// character grams the indexer writes for short searches. Pure.

import type { CalendarDate } from '../../../../shared/dates/calendar-date.ts';
import type { EntryStatus, ListKind } from '../../../../shared/lists/list-entry.ts';
import { normaliseText } from '../imports/normalise.ts';

export interface EntryFilters {
  list?: ListKind;
  status?: EntryStatus;
  category?: string;
  /** a division code prefix of 2, 4 or 6 digits */
  region?: string;
  /** validUntil within [from, to] */
  validUntilFrom?: CalendarDate;
  validUntilTo?: CalendarDate;
}

/**
 * Trigrams need 3 characters. Shorter text is looked up as one token of entry_search_grams, which
 * holds every character and every pair of adjacent characters of an entry's name and codes.
 */
export const TRIGRAM_LENGTH = 3;

export interface TextQuery {
  /** the text as searched: normalised like imported names (full-width letters and digits folded) */
  text: string;
  /** the FTS5 table that answers it */
  table: 'entry_search_text' | 'entry_search_grams';
  /** an FTS5 phrase: the whole text, matched as a substring of a name or code */
  match: string;
  /** the same substring for LIKE … ESCAPE '\' (ASCII letters match either case, as in FTS) */
  like: string;
  /**
   * false when the text holds a character no code has (codes are letters and digits): then only
   * names can match, and a check on the row reads the name alone, which an index may hold.
   */
  mayBeCode: boolean;
}

const CODE_CHARACTERS = /^[0-9A-Za-z]+$/;

/** null when nothing searchable is left (blank, or only invisible characters). */
export function textQueryOf(raw: string): TextQuery | null {
  const text = normaliseText(raw);
  if (text === '') return null;
  // Inside an FTS5 string every character is literal but the double quote, which is doubled.
  const match = `"${text.replaceAll('"', '""')}"`;
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return { text, table: [...text].length >= TRIGRAM_LENGTH ? 'entry_search_text' : 'entry_search_grams', match, like, mayBeCode: CODE_CHARACTERS.test(text) };
}

const WHITESPACE = /\s/u;

/**
 * An entry's list, category and region as tokens of entry_search_grams (l=black, c=失信被执行人,
 * r=15 r=1503 r=150302), so that a search of 1 or 2 characters by those filters is a single FTS
 * query: a common character is no longer joined to a million rows to find the few on the red list.
 * They never change for an entry, unlike its status, which stays a filter on the search copy.
 * Longer than 2 characters, they cannot be mistaken for a character or pair.
 */
export function facetTokens(facets: { list: string | null; category: string | null; region: string | null }, regionPrefixes: 'every' | 'as-given'): string[] {
  const tokens: string[] = [];
  if (facets.list !== null) tokens.push(`l=${facets.list}`);
  // The tokenizer splits on spaces and controls: a category keeps one token with them replaced.
  if (facets.category !== null) tokens.push(`c=${facets.category.replace(/[\s\p{C}]/gu, '_')}`);
  if (facets.region !== null) {
    const prefixes = regionPrefixes === 'every' ? [2, 4, 6].map((n) => facets.region!.slice(0, n)) : [facets.region];
    for (const prefix of prefixes) tokens.push(`r=${prefix}`);
  }
  return tokens;
}

export interface FtsQuery {
  table: TextQuery['table'];
  /** an FTS5 query: the text's phrase, AND the filters the table holds as tokens */
  match: string;
  /** the filters left to check on the search copy */
  residual: EntryFilters;
}

/** The FTS query for a text under filters: on the grams table, list, category and region go into it. */
export function ftsQueryOf(text: TextQuery, filters: EntryFilters): FtsQuery {
  if (text.table !== 'entry_search_grams') return { table: text.table, match: text.match, residual: filters };
  const { list, category, region, ...residual } = filters;
  const tokens = facetTokens({ list: list ?? null, category: category ?? null, region: region ?? null }, 'as-given');
  return { table: text.table, match: [text.match, ...tokens.map((t) => `"${t.replaceAll('"', '""')}"`)].join(' AND '), residual };
}

/**
 * Each distinct character and pair of adjacent characters of the texts, separated by spaces: the
 * tokens of entry_search_grams. By code point, so a character outside the BMP stays whole; pairs
 * never span two texts or a space, as no search of 1 or 2 characters holds a space once trimmed.
 */
export function searchGrams(texts: ReadonlyArray<string | null>): string {
  const grams = new Set<string>();
  for (const text of texts) {
    if (text === null) continue;
    const chars = [...text];
    for (let i = 0; i < chars.length; i++) {
      const char = chars[i]!;
      if (WHITESPACE.test(char)) continue;
      grams.add(char);
      const next = chars[i + 1];
      if (next !== undefined && !WHITESPACE.test(next)) grams.add(char + next);
    }
  }
  return [...grams].join(' ');
}
