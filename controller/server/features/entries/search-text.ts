// What an operator types into the entry search, turned into FTS5 queries and LIKE patterns, and the
// character grams the indexer writes for short searches. Pure.

import { normaliseText } from '../imports/normalise.ts';

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
}

/** null when nothing searchable is left (blank, or only invisible characters). */
export function textQueryOf(raw: string): TextQuery | null {
  const text = normaliseText(raw);
  if (text === '') return null;
  // Inside an FTS5 string every character is literal but the double quote, which is doubled.
  const match = `"${text.replaceAll('"', '""')}"`;
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return { text, table: [...text].length >= TRIGRAM_LENGTH ? 'entry_search_text' : 'entry_search_grams', match, like };
}

const WHITESPACE = /\s/u;

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
