// Cleans raw cells the way people type them: full-width characters, stray spaces, Excel dates and numbers.

import { excelSerialToCalendarDate, formatCalendarDate } from '../../../../shared/dates/calendar-date.ts';
import type { ColumnMap } from './header-map.ts';
import type { ImportField } from './import-report.ts';

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

// Chinese prose is written with these full-width marks (GB/T 15834); NFKC would turn 「有限公司（分公司）」
// into 「有限公司(分公司)」 and 「…，…」 into 「…,…」 on a public screen, so free text keeps them.
const CHINESE_PROSE_PUNCTUATION = /[！（），：；？…]/;
const RUNS_BETWEEN_PROSE_PUNCTUATION = /[^！（），：；？…]+/g;

/**
 * Free text: NFKC folds full-width letters, digits and symbols (Ａ１２３％ → A123%) and the
 * ideographic space, except the Chinese prose punctuation above; whitespace runs become one space.
 */
export function normaliseText(raw: string): string {
  if (isAlreadyNormal(raw, true)) return raw;
  const folded = CHINESE_PROSE_PUNCTUATION.test(raw) ? raw.replace(RUNS_BETWEEN_PROSE_PUNCTUATION, (run) => run.normalize('NFKC')) : raw.normalize('NFKC');
  return folded.replace(INVISIBLE, '').replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * True for text that NFKC and the whitespace rules would leave as it is: printable ASCII, CJK
 * Unified Ideographs (U+4E00–U+9FFF) and the CJK punctuation that NFKC never changes, with single
 * inner spaces; in free text also the prose punctuation that normaliseText keeps. Most cells are
 * like this, and a charCode scan is several times cheaper than normalize() plus two regexes,
 * which adds up over the million cells of a 100,000-row file. Case numbers such as
 * 「（2025）蒙03执1号」 and 「乌税稽罚〔2025〕1号」 are on nearly every row, so they must pass too
 * (for that one column the slow path took about an eighth of the time of reading the whole file).
 */
function isAlreadyNormal(text: string, keepProsePunctuation: boolean): boolean {
  let afterSpace = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (afterSpace) return false;
      afterSpace = true;
      continue;
    }
    afterSpace = false;
    if ((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff)) continue;
    if (isNfkcStablePunctuation(c)) continue;
    if (keepProsePunctuation && isProsePunctuation(c)) continue;
    return false;
  }
  return !afterSpace || text.length === 0;
}

/** 、。〈〉《》「」『』【】〔〕〖〗 ‘’“” · —: none has a compatibility decomposition or combines with a neighbour. */
function isNfkcStablePunctuation(c: number): boolean {
  return c === 0x3001 || c === 0x3002 || (c >= 0x3008 && c <= 0x3017) || c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d || c === 0xb7 || c === 0x2014;
}

/** The characters of CHINESE_PROSE_PUNCTUATION. */
function isProsePunctuation(c: number): boolean {
  return c === 0xff01 || c === 0xff08 || c === 0xff09 || c === 0xff0c || c === 0xff1a || c === 0xff1b || c === 0xff1f || c === 0x2026;
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
  const text = isAlreadyNormal(raw, false) ? raw : raw.normalize('NFKC').replace(INVISIBLE, '').replace(WHITESPACE_RUN, ' ').trim();
  return text.includes(':') ? text.replace(TIME_SUFFIX, '') : text;
}

/** exceljs gives a date-formatted cell as a Date at UTC midnight of the serial's day, so its UTC parts are the date. */
export function dateCellToCalendarDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  return formatCalendarDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

// Workbooks saved with the 1904 date system (old Mac Excel) count days from 1904-01-01: 1462 days later.
const DATE_1904_OFFSET_DAYS = 1462;
// Five-digit serials only, as parseLooseCalendarDate reads them: 10000 is 1927-05-18, 99999 is 2173-10-13.
const MIN_DATE_SERIAL = 10_000;
const MAX_DATE_SERIAL = 99_999;

function textCell(cell: RawCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return normaliseText(cell);
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}

function codeCell(cell: RawCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return normaliseCode(cell);
  // BigInt prints every digit that survived ("110101198001011000"), not "1.10101198001011e+17".
  if (typeof cell === 'number' && Number.isInteger(cell)) return BigInt(cell).toString();
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}

function dateCell(cell: RawCell, date1904: boolean): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return normaliseDateText(cell);
  if (cell instanceof Date) return dateCellToCalendarDate(cell);
  if (typeof cell === 'number') {
    // A number outside five digits in a date column is a typed year, a compact date or a slip, not
    // a serial; left as text it is read as a compact date (20240305) or reported as a bad date.
    const serial = cell >= MIN_DATE_SERIAL && cell < MAX_DATE_SERIAL + 1 ? excelSerialToCalendarDate(date1904 ? cell + DATE_1904_OFFSET_DAYS : cell) : null;
    return serial ?? String(cell);
  }
  return String(cell);
}

function isBlankCell(cell: RawCell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && normaliseText(cell) === '');
}

const cellAt = (cells: readonly RawCell[], index: number): RawCell => (index === -1 ? undefined : cells[index]);

/** Null for a blank row (every cell empty), which importers skip without counting. */
export function normaliseRow(cells: readonly RawCell[], columns: ColumnMap, options: { date1904?: boolean } = {}): NormalisedRow | null {
  const at = columns.index;
  const date1904 = options.date1904 === true;
  const creditCode = cellAt(cells, at.creditCode);
  const idNumber = cellAt(cells, at.idNumber);
  // One object literal in IMPORT_FIELDS order: V8 gives every row the same shape at once, where
  // assigning twelve computed keys one by one cost more than reading the cells.
  const values: Record<ImportField, string> = {
    subjectName: textCell(cellAt(cells, at.subjectName)),
    subjectType: textCell(cellAt(cells, at.subjectType)),
    creditCode: codeCell(creditCode),
    idNumber: codeCell(idNumber),
    legalRepresentative: textCell(cellAt(cells, at.legalRepresentative)),
    category: textCell(cellAt(cells, at.category)),
    reason: textCell(cellAt(cells, at.reason)),
    authority: textCell(cellAt(cells, at.authority)),
    basis: textCell(cellAt(cells, at.basis)),
    listedOn: dateCell(cellAt(cells, at.listedOn), date1904),
    validUntil: dateCell(cellAt(cells, at.validUntil), date1904),
    sourceRef: textCell(cellAt(cells, at.sourceRef)),
  };
  let codesStoredAsNumbers: ImportField[] | null = null;
  if (typeof creditCode === 'number') (codesStoredAsNumbers ??= []).push('creditCode');
  if (typeof idNumber === 'number') (codesStoredAsNumbers ??= []).push('idNumber');
  if (!hasAnyValue(values) && cells.every(isBlankCell)) return null;
  return { values, codesStoredAsNumbers };
}

function hasAnyValue(v: Record<ImportField, string>): boolean {
  // Spelled out: a loop over field names reads a different key each time, which V8 cannot specialise.
  return (
    v.subjectName !== '' || v.subjectType !== '' || v.creditCode !== '' || v.idNumber !== '' || v.legalRepresentative !== '' || v.category !== '' ||
    v.reason !== '' || v.authority !== '' || v.basis !== '' || v.listedOn !== '' || v.validUntil !== '' || v.sourceRef !== ''
  );
}
