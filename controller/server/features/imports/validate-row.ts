// Pure check of one normalised row: either a staged entry (perhaps with warnings) or every reason it is refused.

import { checkCreditCode } from '../../../../shared/codes/credit-code.ts';
import { checkResidentId } from '../../../../shared/codes/resident-id.ts';
import { formatCalendarDate, parseLooseCalendarDate, type CalendarDate } from '../../../../shared/dates/calendar-date.ts';
import type { ListKind, SubjectType } from '../../../../shared/lists/list-entry.ts';
import { ADULT_AGE, maskIdNumber } from '../../../../shared/masking/masking.ts';
import { headerKey } from './header-map.ts';
import { subjectKeyOf, type ImportField, type ImportIssue, type ImportIssueCode, type StagedEntry } from './import-report.ts';
import type { NormalisedRow } from './normalise.ts';

export interface RowContext {
  list: ListKind;
  /** normalised; replaces the file's category on every row */
  categoryOverride?: string;
  today: CalendarDate;
  /** how issues name each column (see ColumnMap.label) */
  labels: Record<ImportField, string>;
  newId: () => string;
  /**
   * Memo of date text → date for one file. Dates repeat on almost every row, and sharing one string
   * per date keeps a 100,000-row import from holding 200,000 copies of the same ten characters.
   */
  dates?: Map<string, CalendarDate | null>;
}

export type RowVerdict =
  | { accepted: true; entry: StagedEntry }
  | { accepted: false; rejections: ImportIssue[]; warnings: ImportIssue[]; subjectKey: string | null; keyField: 'creditCode' | 'idNumber' };

const SUBJECT_TYPES_BY_KEY = new Map<string, SubjectType>([
  ['法人', 'legal-person'],
  ['legalperson', 'legal-person'],
  ['非法人组织', 'unincorporated'],
  ['其他组织', 'unincorporated'],
  ['unincorporated', 'unincorporated'],
  ['unincorporatedorganisation', 'unincorporated'],
  ['unincorporatedorganization', 'unincorporated'],
  ['个体工商户', 'individual-business'],
  ['个体户', 'individual-business'],
  ['individualbusiness', 'individual-business'],
  ['自然人', 'natural-person'],
  ['naturalperson', 'natural-person'],
]);

// The limits of publicEntrySchema (shared/lists/list-entry.ts): longer text could never be published.
const LENGTH_LIMITS = {
  subjectName: 200,
  legalRepresentative: 100,
  category: 100,
  reason: 2000,
  authority: 200,
  basis: 500,
  sourceRef: 200,
} as const satisfies Partial<Record<ImportField, number>>;

const EXCEL_PRECISION_HINT = '；该单元格被 Excel 存为数字，15 位以后的数字已丢失，请把该列设为“文本”后重新录入';

export function parseSubjectType(text: string): SubjectType | null {
  // Nearly every row spells it exactly as the template does, which spares headerKey's NFKC and regex.
  return SUBJECT_TYPES_BY_KEY.get(text) ?? SUBJECT_TYPES_BY_KEY.get(headerKey(text)) ?? null;
}

/** What one row has collected so far; module-level helpers write into it (no closures per row on a 100,000-row path). */
interface Findings {
  row: NormalisedRow;
  line: number;
  context: RowContext;
  rejections: ImportIssue[];
  warnings: ImportIssue[];
}

interface Person {
  idNumber: string;
  birthDate: CalendarDate;
}

export function validateRow(row: NormalisedRow, line: number, context: RowContext): RowVerdict {
  const v = row.values;
  const f: Findings = { row, line, context, rejections: [], warnings: [] };

  // Field by field rather than a loop over field names: this runs for every row of a large file.
  if (v.subjectName === '') missing(f, 'subjectName');
  if (v.reason === '') missing(f, 'reason');
  if (v.authority === '') missing(f, 'authority');

  let category = v.category;
  if (context.categoryOverride !== undefined) {
    if (category !== '' && category !== context.categoryOverride) {
      issue(f.warnings, f, 'category', 'category-overridden', `文件中的类别「${category}」已按导入选项改为「${context.categoryOverride}」 (category replaced by the import option)`);
    }
    category = context.categoryOverride;
  }
  if (category === '') missing(f, 'category');
  checkLength(f, 'category', category, LENGTH_LIMITS.category);
  checkLength(f, 'subjectName', v.subjectName, LENGTH_LIMITS.subjectName);
  checkLength(f, 'legalRepresentative', v.legalRepresentative, LENGTH_LIMITS.legalRepresentative);
  checkLength(f, 'reason', v.reason, LENGTH_LIMITS.reason);
  checkLength(f, 'authority', v.authority, LENGTH_LIMITS.authority);
  checkLength(f, 'basis', v.basis, LENGTH_LIMITS.basis);
  checkLength(f, 'sourceRef', v.sourceRef, LENGTH_LIMITS.sourceRef);

  // Organisations are known by their credit code, people by their ID number.
  const subjectType = parseSubjectType(v.subjectType);
  let creditCode: string | null = null;
  let person: Person | null = null;
  if (v.subjectType === '') missing(f, 'subjectType');
  else if (subjectType === null) reject(f, 'subjectType', 'bad-subject-type', `主体类型「${v.subjectType}」无法识别，应为 法人、非法人组织、个体工商户 或 自然人 (unknown subject type)`);
  else if (subjectType === 'legal-person' || subjectType === 'unincorporated') {
    if (v.creditCode === '') missing(f, 'creditCode', `${subjectType === 'legal-person' ? '法人' : '非法人组织'}须填写「${context.labels.creditCode}」 (an organisation needs its credit code)`);
    else creditCode = readCreditCode(f);
    if (v.idNumber !== '' && v.idNumber !== v.creditCode) {
      issue(f.warnings, f, 'idNumber', 'field-ignored', `组织按统一社会信用代码公示，「${context.labels.idNumber}」已忽略 (ignored for an organisation)`);
    }
  } else if (subjectType === 'natural-person') {
    if (v.idNumber === '') missing(f, 'idNumber', `自然人须填写「${context.labels.idNumber}」 (a natural person needs an ID number)`);
    else person = readIdNumber(f);
    if (v.creditCode !== '' && v.creditCode !== v.idNumber) {
      issue(f.warnings, f, 'creditCode', 'field-ignored', `自然人按证件号码公示，「${context.labels.creditCode}」已忽略 (ignored for a natural person)`);
    }
  } else {
    if (v.creditCode === '' && v.idNumber === '') {
      missing(f, 'creditCode', `个体工商户须填写「${context.labels.creditCode}」或「${context.labels.idNumber}」 (an individual business needs a credit code or an ID number)`);
    }
    if (v.creditCode !== '') creditCode = readCreditCode(f);
    if (v.idNumber !== '') person = readIdNumber(f);
  }

  const listedOn = readDate(f, 'listedOn');
  const validUntil = readDate(f, 'validUntil');
  if (listedOn !== null && validUntil !== null && validUntil < listedOn) {
    reject(f, 'validUntil', 'valid-until-before-listed', `有效期至 ${validUntil} 早于列入日期 ${listedOn} (valid-until is before the listed date)`);
  }
  if (validUntil !== null && validUntil < context.today) {
    reject(f, 'validUntil', 'already-expired', `有效期至 ${validUntil} 已过（今天是 ${context.today}），过期信息不得公示 (already expired)`);
  }
  if (listedOn !== null && listedOn > context.today) {
    issue(f.warnings, f, 'listedOn', 'listed-in-future', `列入日期 ${listedOn} 晚于今天（${context.today}），请核实 (listed date is in the future)`);
  }

  const code = creditCode ?? person?.idNumber ?? null;
  const subjectKey = code !== null && category !== '' ? subjectKeyOf(context.list, category, code) : null;
  if (f.rejections.length > 0 || subjectType === null || subjectKey === null || listedOn === null || validUntil === null) {
    return { accepted: false, rejections: f.rejections, warnings: f.warnings, subjectKey, keyField: creditCode !== null ? 'creditCode' : 'idNumber' };
  }
  return {
    accepted: true,
    entry: {
      id: context.newId(),
      line,
      list: context.list,
      category,
      subjectType,
      subjectName: v.subjectName,
      creditCode,
      idNumber: person?.idNumber ?? null,
      legalRepresentative: nullIfEmpty(v.legalRepresentative),
      reason: v.reason,
      authority: v.authority,
      basis: nullIfEmpty(v.basis),
      listedOn,
      validUntil,
      sourceRef: nullIfEmpty(v.sourceRef),
      birthDate: person?.birthDate ?? null,
      subjectKey,
      warnings: f.warnings,
    },
  };
}

function issue(to: ImportIssue[], f: Findings, field: ImportField, code: ImportIssueCode, message: string): void {
  to.push({ line: f.line, column: f.context.labels[field], code, message });
}

function reject(f: Findings, field: ImportField, code: ImportIssueCode, message: string): void {
  issue(f.rejections, f, field, code, message);
}

function missing(f: Findings, field: ImportField, message = `缺少必填项「${f.context.labels[field]}」 (required)`): void {
  reject(f, field, 'missing-field', message);
}

function checkLength(f: Findings, field: ImportField, text: string, max: number): void {
  if (text.length > max) reject(f, field, 'too-long', `「${f.context.labels[field]}」过长：最多 ${max} 个字符，实为 ${text.length} 个 (too long)`);
}

function precisionHint(f: Findings, field: ImportField): string {
  return f.row.codesStoredAsNumbers?.includes(field) === true ? EXCEL_PRECISION_HINT : '';
}

function readCreditCode(f: Findings): string | null {
  const raw = f.row.values.creditCode;
  const check = checkCreditCode(raw);
  if (check.outcome === 'invalid-format') {
    const shape = raw.length === 18 ? '含有不允许的字符（只用数字和除 I、O、S、V、Z 以外的大写字母）' : `应为 18 位，实为 ${raw.length} 位`;
    reject(f, 'creditCode', 'bad-credit-code', `统一社会信用代码「${raw}」格式错误：${shape}${precisionHint(f, 'creditCode')} (malformed credit code)`);
    return null;
  }
  if (check.outcome === 'checksum-mismatch') {
    // Some codes really issued by registries fail the GB 32100 checksum: an approver decides, never the importer.
    issue(f.warnings, f, 'creditCode', 'credit-code-checksum', `统一社会信用代码校验位错误：应为 ${check.expected}，实为 ${check.code.charAt(17)}，请审核人核实 (credit code check character mismatch: the approver must confirm)`);
  }
  return check.code;
}

function readIdNumber(f: Findings): Person | null {
  const check = checkResidentId(f.row.values.idNumber);
  if (check.outcome === 'invalid-format') {
    const length = check.id.length;
    const shape = length === 15 ? '15 位旧号码须换成 18 位号码' : length === 18 ? '只能是 17 位数字加 1 位数字或 X' : `应为 18 位，实为 ${length} 位`;
    reject(f, 'idNumber', 'bad-id-number', `证件号码「${shownId(check.id)}」格式错误：${shape}${precisionHint(f, 'idNumber')} (malformed ID number)`);
    return null;
  }
  if (check.outcome === 'invalid-birth-date') {
    reject(f, 'idNumber', 'bad-id-number', `证件号码「${shownId(check.id)}」中的出生日期（第 7–14 位）不存在 (the birth date in the ID number does not exist)`);
    return null;
  }
  if (check.outcome === 'checksum-mismatch') {
    reject(f, 'idNumber', 'bad-id-number', `证件号码「${shownId(check.id)}」校验位错误：应为 ${check.expected}，实为 ${check.id.charAt(17)}${precisionHint(f, 'idNumber')} (ID number check character mismatch)`);
    return null;
  }
  // Minors are never published (DESIGN invariant 2); refusing them here keeps their data out of the store.
  if (check.birthDate > latestAdultBirthDate(f.context.today)) {
    reject(f, 'idNumber', 'minor', `证件号码「${shownId(check.id)}」显示该人未满 ${ADULT_AGE} 周岁，未成年人信息不得公示 (a minor: never published)`);
  }
  return { idNumber: check.id, birthDate: sharedDate(f.context, check.birthDate) };
}

/** Messages never repeat a whole ID number: the report is kept with the change set, refused rows included. */
function shownId(id: string): string {
  return maskIdNumber(id, { idKeepStart: 6, idKeepEnd: 4 });
}

let adultCutoff: { today: CalendarDate; birthDate: CalendarDate } | null = null;

/**
 * The last birth date of someone who is ADULT_AGE or older today: the same day ADULT_AGE years
 * earlier, compared as 'YYYY-MM-DD' text. Equal to ageOn(birthDate, today) >= ADULT_AGE (a
 * 29 February birthday counts as reached on 1 March, as there), without splitting two dates per row.
 */
function latestAdultBirthDate(today: CalendarDate): CalendarDate {
  if (adultCutoff?.today !== today) {
    const [year, month, day] = today.split('-').map(Number) as [number, number, number];
    adultCutoff = { today, birthDate: formatCalendarDate(year - ADULT_AGE, month, day) };
  }
  return adultCutoff.birthDate;
}

function sharedDate(context: RowContext, date: CalendarDate): CalendarDate {
  const known = context.dates?.get(date);
  if (known) return known;
  context.dates?.set(date, date);
  return date;
}

function parseDate(context: RowContext, text: string): CalendarDate | null {
  if (context.dates === undefined) return parseLooseCalendarDate(text);
  let date = context.dates.get(text);
  if (date === undefined) {
    const parsed = parseLooseCalendarDate(text);
    date = parsed === null ? null : sharedDate(context, parsed);
    context.dates.set(text, date);
  }
  return date;
}

function readDate(f: Findings, field: 'listedOn' | 'validUntil'): CalendarDate | null {
  const text = f.row.values[field];
  if (text === '') {
    missing(f, field);
    return null;
  }
  const date = parseDate(f.context, text);
  if (date === null) reject(f, field, 'bad-date', `「${f.context.labels[field]}」的值「${text}」不是有效日期，可写作 2024-03-05、2024/3/5 或 2024年3月5日 (not a valid date)`);
  return date;
}

function nullIfEmpty(text: string): string | null {
  return text === '' ? null : text;
}
