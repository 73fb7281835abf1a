// Cleans raw cells the way people type them: full-width characters, stray spaces, Excel dates and numbers.

import { excelSerialToCalendarDate, formatCalendarDate } from '../../../../shared/dates/calendar-date.ts';
import type { ColumnMap } from './header-map.ts';
import { IMPORT_FIELDS, type ImportField } from './import-report.ts';

/** A cell as a reader hands it over: CSV gives strings, XLSX also numbers, booleans and dates. */
export type RawCell = string | number | boolean | Date | null | undefined;

export interface NormalisedRow {
  /** every field, '' when absent or blank */
  values: Record<ImportField, string>;
  /** code fields that the spreadsheet stored as numbers: beyond 15 digits Excel has already lost precision */
  codesStoredAsNumbers: ImportField[] | null;
}

// Copy-paste from web pages and Word leaves zero-width characters that look like nothing.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
const WHITESPACE_RUN = /\s+/g;
// Exports often write dates as "2024-03-05 00:00:00".
const TIME_SUFFIX = /[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/;
// `="110101…"` and a leading apostrophe are the usual tricks to stop Excel turning a code into a number.
const EXCEL_TEXT_WRAPPER = /^="(.*)"$/;

const CODE_FIELDS: ReadonlySet<ImportField> = new Set(['creditCode', 'idNumber']);
const DATE_FIELDS: ReadonlySet<ImportField> = new Set(['listedOn', 'validUntil']);

// Chinese prose is written with these full-width marks (GB/T 15834); NFKC would turn 「有限公司（分公司）」
// into 「有限公司(分公司)」 and 「…，…」 into 「…,…」 on a public screen, so free text keeps them.
const CHINESE_PROSE_PUNCTUATION = /[！（），：；？…]/;
const RUNS_BETWEEN_PROSE_PUNCTUATION = /[^！（），：；？…]+/g;

/**
 * Free text: NFKC folds full-width letters, digits and symbols (Ａ１２３％ → A123%) and the
 * ideographic space, except the Chinese prose punctuation above; whitespace runs become one space.
 */
export function normaliseText(raw: string): string {
  if (isAlreadyNormal(raw)) return raw;
  const folded = CHINESE_PROSE_PUNCTUATION.test(raw) ? raw.replace(RUNS_BETWEEN_PROSE_PUNCTUATION, (run) => run.normalize('NFKC')) : raw.normalize('NFKC');
  return folded.replace(INVISIBLE, '').replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * True for text that NFKC and the whitespace rules would leave as it is: printable ASCII and CJK
 * Unified Ideographs (U+4E00–U+9FFF, which NFKC never changes) with single inner spaces. Most cells
 * are like this, and a charCode scan is several times cheaper than normalize() plus two regexes,
 * which adds up over the million cells of a 100,000-row file.
 */
function isAlreadyNormal(text: string): boolean {
  let afterSpace = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (afterSpace) return false;
      afterSpace = true;
    } else if (c < 0x20 || (c > 0x7e && c < 0x4e00) || c > 0x9fff) {
      return false;
    } else {
      afterSpace = false;
    }
  }
  return !afterSpace || text.length === 0;
}

function isPlainCode(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a))) return false;
  }
  return true;
}

/** Codes and ID numbers: upper case, no spaces at all, Excel's text wrappers removed. */
export function normaliseCode(raw: string): string {
  if (isPlainCode(raw)) return raw;
  let code = raw.normalize('NFKC').replace(INVISIBLE, '').replace(WHITESPACE_RUN, '').toUpperCase();
  const wrapped = EXCEL_TEXT_WRAPPER.exec(code);
  if (wrapped) code = wrapped[1] ?? '';
  if (code.startsWith("'")) code = code.slice(1);
  return code;
}

/** Date text ready for parseLooseCalendarDate: ２０２４／３／５ becomes 2024/3/5, a midnight time is dropped. */
export function normaliseDateText(raw: string): string {
  const text = isAlreadyNormal(raw) ? raw : raw.normalize('NFKC').replace(INVISIBLE, '').replace(WHITESPACE_RUN, ' ').trim();
  return text.includes(':') ? text.replace(TIME_SUFFIX, '') : text;
}

/** exceljs gives a date-formatted cell as a Date at UTC midnight of the serial's day, so its UTC parts are the date. */
export function dateCellToCalendarDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  return formatCalendarDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

// Workbooks saved with the 1904 date system (old Mac Excel) count days from 1904-01-01: 1462 days later.
const DATE_1904_OFFSET_DAYS = 1462;

function cellValue(cell: RawCell, field: ImportField, date1904: boolean): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') {
    if (CODE_FIELDS.has(field)) return normaliseCode(cell);
    if (DATE_FIELDS.has(field)) return normaliseDateText(cell);
    return normaliseText(cell);
  }
  if (cell instanceof Date) return DATE_FIELDS.has(field) ? dateCellToCalendarDate(cell) : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') {
    // A number under 10000 in a date column is a typed year or a slip, not a serial; left as text it is reported as a bad date.
    if (DATE_FIELDS.has(field)) return (cell >= 10_000 ? excelSerialToCalendarDate(date1904 ? cell + DATE_1904_OFFSET_DAYS : cell) : null) ?? String(cell);
    // BigInt prints every digit that survived ("110101198001011000"), not "1.10101198001011e+17".
    if (CODE_FIELDS.has(field) && Number.isInteger(cell)) return BigInt(cell).toString();
    return String(cell);
  }
  return String(cell);
}

function isBlankCell(cell: RawCell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && normaliseText(cell) === '');
}

/** Null for a blank row (every cell empty), which importers skip without counting. */
export function normaliseRow(cells: readonly RawCell[], columns: ColumnMap, options: { date1904?: boolean } = {}): NormalisedRow | null {
  const values = {} as Record<ImportField, string>;
  let codesStoredAsNumbers: ImportField[] | null = null;
  let anyValue = false;
  for (const field of IMPORT_FIELDS) {
    const index = columns.index[field];
    const cell = index === -1 ? undefined : cells[index];
    const value = cellValue(cell, field, options.date1904 === true);
    values[field] = value;
    if (value !== '') anyValue = true;
    if (typeof cell === 'number' && CODE_FIELDS.has(field)) (codesStoredAsNumbers ??= []).push(field);
  }
  if (!anyValue && cells.every(isBlankCell)) return null;
  return { values, codesStoredAsNumbers };
}
