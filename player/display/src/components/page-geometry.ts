// How many rows a flipping page holds, how tall each is and how large its type: pure, from the measured space.
import type { EntryTableVariant } from './EntryTable.tsx';

/** Line height of a row's text, as in rolling-list.css (.entry-row). */
export const ROW_LINE_HEIGHT = 1.3;
/** A row's top and bottom padding together, in em: room between the text and the row rules. */
export const ROW_PADDING_EM = 0.5;
/**
 * Lines a row must have room for besides a name's two: the compact variant puts the code under
 * the name. Names get two lines, as in the scrolling table: cutting a company name short after a
 * dozen characters could leave a reader unsure which company is listed.
 */
const NAME_LINES = 2;
const EXTRA_LINES: Record<EntryTableVariant, number> = { full: 0, compact: 1 };

// Column widths from rolling-list.css, in em of the row font.
const FULL_FIXED_COLUMNS_EM = 11.8 + 5.6;
const CODE_COLUMN_EM = 11.8;
/** Share of the row the full table's fixed columns (code, date) may take: the rest is for name, reason and authority. */
const FULL_FIXED_SHARE = 0.45;
/** The compact table's left column (name over code): 11fr of 20. */
const COMPACT_LEFT_SHARE = 11 / 20;

/**
 * The largest row type the width allows. The code column widens with the type, because an
 * 18-character code must stay on one line; past this, names would get too few characters a line.
 */
export function maxRowFontPx(variant: EntryTableVariant, contentWidth: number): number {
  return variant === 'compact' ? (contentWidth * COMPACT_LEFT_SHARE) / CODE_COLUMN_EM : (contentWidth * FULL_FIXED_SHARE) / FULL_FIXED_COLUMNS_EM;
}

/** A row's height in em of its font: a name's two lines (and the compact variant's extra one) and the padding. */
export function rowEmOf(variant: EntryTableVariant): number {
  return (NAME_LINES + EXTRA_LINES[variant]) * ROW_LINE_HEIGHT + ROW_PADDING_EM;
}

export interface PageGeometryInput {
  /** the height the rows may fill, px */
  availableHeight: number;
  /** the view's rowsPerPage */
  rowsPerPage: number;
  /** the legible minimum for row text on this screen (the scrolling table's row size), px */
  minFontPx: number;
  /** see maxRowFontPx */
  maxFontPx: number;
  variant: EntryTableVariant;
}

export interface PageGeometry {
  rowsPerPage: number;
  rowHeight: number;
  fontPx: number;
}

/**
 * Rows share the height evenly (rowHeight = available / rows) and the type is sized to the row:
 * as large as the row's lines allow, within what the width allows, and never below `minFontPx`.
 * When the rows asked for would need smaller type, a page holds fewer rows (and there are more
 * pages): legibility at ten metres wins over the operator's row count.
 */
export function pageGeometry({ availableHeight, rowsPerPage, minFontPx, maxFontPx, variant }: PageGeometryInput): PageGeometry {
  const height = Math.max(1, availableHeight);
  const minFont = Math.max(1, minFontPx);
  const rowEm = rowEmOf(variant);
  const mostRowsLegible = Math.max(1, Math.floor(height / (minFont * rowEm)));
  const rows = Math.max(1, Math.min(Math.floor(rowsPerPage), mostRowsLegible));
  const rowHeight = height / rows;
  const fontPx = Math.max(minFont, Math.min(maxFontPx, rowHeight / rowEm));
  return { rowsPerPage: rows, rowHeight, fontPx };
}

/** How many pages `count` rows make, at least one (an empty list is one empty page). */
export function pageCountOf(count: number, rowsPerPage: number): number {
  return Math.max(1, Math.ceil(count / Math.max(1, rowsPerPage)));
}
