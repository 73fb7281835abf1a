// How an entry search is answered at a million entries: which set drives the query, and how far
// matches are counted. Pure; the costs were measured with `npm run bench -- search` (see README).

/**
 * Counting every match of a broad search costs a pass over all of them (700,000 company names
 * contain 有限公司), so counts stop at a cap and say so (`totalIsExact: false`, "10000+"). Filters
 * by list, status and category alone are exact at any size: entry_search_counts holds them (which
 * "every approved black-list entry" needs). Beyond ten thousand, a number is no help in finding an entry.
 */
export const COUNT_CAP = 10_000;

/**
 * A search of 1 or 2 characters is one token of entry_search_grams, whose doclist lists its
 * matches without positions: 25,000 of them count in about a millisecond. Counting them further
 * gives an exact total for a common surname, and lets a set that size drive a sort by name
 * instead of a walk past 700,000 company names that sort before 王.
 */
export const GRAM_COUNT_CAP = 50_000;

/**
 * A phrase of several common trigrams costs FTS5 about 9 µs a match to confirm (the positions of
 * every trigram): 1150303MA, most of a credit code's common start, matches 7,700 codes in 70 ms.
 * From 5 characters on, counting stops sooner; the page itself needs only its own matches.
 */
export const LONG_PHRASE_COUNT_CAP = 2_000;
export const LONG_PHRASE_LENGTH = 5;

/** How far a text's FTS matches are counted: by the table that answers it, and the phrase's length. */
export function textCountCap(text: { table: 'entry_search_text' | 'entry_search_grams'; text: string }): number {
  if (text.table === 'entry_search_grams') return GRAM_COUNT_CAP;
  return [...text.text].length >= LONG_PHRASE_LENGTH ? LONG_PHRASE_COUNT_CAP : COUNT_CAP;
}

/**
 * With many text and many filter matches, the count joins the text's matches to their rows: at
 * most this many, so that a common word and a filter that rarely meet cannot join 700,000. If it
 * stops short, the count found is a lower bound (`totalIsExact: false`).
 */
export const TEXT_SCAN_LIMIT = 5_000;

/**
 * A page may end at most this far into the results. A walk in sort order passes over the
 * non-matching entries before the page as well, so a deep page of a thin result costs a scan of
 * the store; past a hundred pages of 50, narrowing the search is the way on.
 */
export const MAX_RESULT_WINDOW = 5_000;

/** Below this many text matches the text drives at once: cheaper than weighing the other plans. */
export const FEW_TEXT_MATCHES = 2_000;

/**
 * Up to this many filter matches the filters drive a search with text at once, before the text is
 * counted, and the total is exact: with the store read through a memory map, checking the text on
 * 10,000 rows costs about 20 ms, where counting a common character under the list and region
 * tokens (物 AND l=black AND r=15) costs 28 ms and a walk with its separate count 35 more.
 */
export const FEW_FILTER_MATCHES = 10_000;

/** CPU µs a row, measured at 1,000,000 entries on the 2-core bench machine while it was busy (best of 5). */
export const ROW_COST_US = {
  /** an FTS match joined to its search row and its filters checked */
  textMatch: 0.7,
  /** the same, kept and sorted up to the page's end, and counted */
  textDriven: 1.3,
  /** a search row read out of order (by rowid) and checked: filters, and LIKE on the name and codes */
  rowCheck: 1.5,
  /** a search row read in rowid order and its filters checked */
  rowInOrder: 0.2,
  /** an index entry checked without reading its row */
  indexEntry: 0.12,
  /** the same, kept and sorted up to the page's end, and counted */
  indexDriven: 0.5,
} as const;

/** CPU a walk in order may spend before it gives up on filling the page and a set drives instead. */
export const WALK_BUDGET_US = 15_000;

/** What one step of a walk in this order costs: an FTS match, a copy in rowid order, or an index entry (and its row, with text). */
export function walkStepCost(sort: SortKey, hasText: boolean): number {
  if (sort === 'createdAt') return hasText ? ROW_COST_US.textMatch : ROW_COST_US.rowInOrder;
  return hasText ? ROW_COST_US.rowCheck : ROW_COST_US.indexEntry;
}

/** How many entries a walk may pass. */
export function walkBudget(sort: SortKey, hasText: boolean): number {
  return Math.round(WALK_BUDGET_US / walkStepCost(sort, hasText));
}

export type SearchPlan =
  /** every FTS match joined to its search row and filtered; sorted up to the page, counted in one pass */
  | 'by-text'
  /** every match of the filters' narrowing index, text checked on the row; sorted and counted in one pass */
  | 'by-filters'
  /** a walk in the order until the page is full (newest first with text: along the FTS doclist); counted apart */
  | 'in-order';

export const SORT_KEYS = ['createdAt', 'name', 'validUntil'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = 'asc' | 'desc';

export interface PlanInput {
  /** entries in the index */
  entries: number;
  /** FTS matches of the text (exact up to `textCap`), or null without text */
  textMatches: number | null;
  textCap: number;
  /** matches of the filters alone (exact up to `filterCap`), or null without filters */
  filterMatches: number | null;
  filterCap: number;
  /** offset + limit */
  windowEnd: number;
  sort: SortKey;
}

const known = (count: number | null, cap: number): count is number => count !== null && count <= cap;

/** A match of the filters' narrowing index, kept and sorted: the row is read only to check text. */
const filterDrivenCost = (text: number | null): number => (text === null ? ROW_COST_US.indexDriven : ROW_COST_US.rowCheck + ROW_COST_US.indexDriven);

/** The cheaper way to count text and filter matches for a walk: joining the text's matches, or checking the text on the filters' matches. */
export function countSide(input: PlanInput): 'text' | 'filters' {
  const { textMatches: text, filterMatches: filters } = input;
  const byText = Math.min(text ?? 0, TEXT_SCAN_LIMIT, input.textCap) * ROW_COST_US.textMatch;
  return known(filters, input.filterCap) && filters * ROW_COST_US.rowCheck < byText ? 'filters' : 'text';
}

/** Estimated CPU µs of each plan; Infinity where a plan does not apply. */
export function planCosts(input: PlanInput): Record<SearchPlan, number> {
  const { entries, textMatches: text, filterMatches: filters, windowEnd, sort } = input;
  const all = Math.max(1, entries);
  // A plan drives only from a set it knows whole: a capped count says too little of the cost.
  const byText = known(text, input.textCap) ? text * ROW_COST_US.textDriven : Infinity;
  const byFilters = known(filters, input.filterCap) ? filters * filterDrivenCost(text) : Infinity;
  // Matches spread evenly along the order, text and filters independent: a walk passes
  // windowEnd / density entries, and never more than there are. A walk the budget cannot finish
  // costs the budget, and then the set that drives instead.
  const textShare = text === null ? 1 : text / all;
  const filterShare = filters === null ? 1 : filters / all;
  const steps = sort === 'createdAt' && text !== null ? Math.min(text, windowEnd / filterShare) : Math.min(all, windowEnd / Math.max(1 / all, textShare * filterShare));
  const budget = walkBudget(sort, text !== null);
  const walk = steps <= budget ? steps * walkStepCost(sort, text !== null) : WALK_BUDGET_US + Math.min(byText, byFilters, 1_000_000);
  // The other plans count as they go; a walk with text and filters counts apart.
  const count = text !== null && filters !== null ? Math.min(Math.min(text, TEXT_SCAN_LIMIT, input.textCap) * ROW_COST_US.textMatch, known(filters, input.filterCap) ? filters * ROW_COST_US.rowCheck : Infinity) : 0;
  return { 'by-text': byText, 'by-filters': byFilters, 'in-order': walk + count };
}

/**
 * Whether a walk should give up at its budget: only when there is a set to drive from instead. With
 * a broad text and no set known whole, walking on costs less than sorting a set of unknown size:
 * 540,000 names contain 司第, and in name order they lie a few hundred thousand names along.
 */
export function walkMayGiveUp(input: PlanInput): boolean {
  // Without text, the filters' narrowing index bounds a drive from them, whatever their count.
  return input.textMatches === null || known(input.textMatches, input.textCap) || known(input.filterMatches, input.filterCap);
}

/**
 * When a walk stopped at its budget with the page short (the matches lie far along the order), the
 * set to drive from instead: the filters' when there is no text, or when they are known and cheaper.
 */
export function fallbackPlan(input: PlanInput): Exclude<SearchPlan, 'in-order'> {
  const { textMatches: text, filterMatches: filters } = input;
  if (text === null) return 'by-filters';
  if (!known(filters, input.filterCap)) return 'by-text';
  // A text count at its cap is the least the text's set can cost.
  return filters * filterDrivenCost(text) < text * ROW_COST_US.textDriven ? 'by-filters' : 'by-text';
}

export function chooseSearchPlan(input: PlanInput): SearchPlan {
  if (input.textMatches !== null && input.textMatches <= FEW_TEXT_MATCHES) return 'by-text';
  const costs = planCosts(input);
  return (Object.keys(costs) as SearchPlan[]).reduce((best, plan) => (costs[plan] < costs[best] ? plan : best));
}
