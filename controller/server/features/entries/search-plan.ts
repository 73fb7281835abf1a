// How an entry search is answered at a million entries: which set drives the query, and how far
// matches are counted. Pure; the numbers were set with `npm run bench -- search` (see README).

/**
 * Counting every match of a broad search costs a pass over all of them (700,000 company names
 * contain 有限公司: 140 ms for the FTS doclist alone), so counts stop at a cap and say so
 * (`totalIsExact: false`, "10000+"). Filters alone are counted from one index without reading rows,
 * about 60 ns a match, so they count further; a search with text reads a row for each match.
 */
export const FILTER_COUNT_CAP = 100_000;
export const TEXT_COUNT_CAP = 10_000;

/** At or below this many FTS matches, the text drives: its matches are joined, filtered and sorted. */
export const FEW_TEXT_MATCHES = 10_000;

/** At or below this many filter matches, the filters' index drives, and the text is checked per row. */
export const FEW_FILTER_MATCHES = 20_000;

/**
 * With many text and many filter matches, the count walks the text's matches: at most this many,
 * so that text and filters that rarely meet (a common word and a rare region) cannot walk 700,000.
 * If the walk stops short, the count found is a lower bound (`totalIsExact: false`).
 */
export const TEXT_SCAN_LIMIT = 30_000;

/**
 * A page may end at most this far into the results. A walk in sort order passes over the
 * non-matching entries before the page as well, so a deep page of a thin result costs a scan of
 * the store; past a hundred pages of 50, narrowing the search is the way on.
 */
export const MAX_RESULT_WINDOW = 5_000;

export type SearchPlan =
  /** FTS matches joined to their search rows, filtered, sorted, counted in one pass */
  | 'by-text'
  /** the narrowing index's matches, text checked per row, sorted, counted in one pass */
  | 'by-filters'
  /** a walk along the sort order's index until the page is full; counted separately */
  | 'in-order';

/** `null` where the search has no text, or no filters. Counts are capped just above the thresholds. */
export function chooseSearchPlan(matches: { text: number | null; filters: number | null }): SearchPlan {
  if (matches.text !== null && matches.text <= FEW_TEXT_MATCHES) return 'by-text';
  if (matches.filters !== null && matches.filters <= FEW_FILTER_MATCHES) return 'by-filters';
  return 'in-order';
}
