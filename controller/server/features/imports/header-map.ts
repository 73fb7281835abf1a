// Maps a file's header cells to import fields, and refuses a file that lacks a required column.

import { AppError } from '../../errors.ts';
import { IMPORT_FIELDS, type ImportField, type ImportIssue } from './import-report.ts';

/** The standard Chinese header of each field: used in the template and when a column is absent. */
export const STANDARD_HEADERS: Record<ImportField, string> = {
  subjectName: '主体名称',
  subjectType: '主体类型',
  creditCode: '统一社会信用代码',
  idNumber: '证件号码',
  legalRepresentative: '法定代表人',
  category: '类别',
  reason: '列入原因',
  authority: '认定部门',
  basis: '认定依据',
  listedOn: '列入日期',
  validUntil: '有效期至',
  sourceRef: '来源编号',
};

// Spellings seen in credit-platform exports (行政相对人… is the 双公示 data standard's wording).
const ALIASES: Record<ImportField, readonly string[]> = {
  subjectName: ['主体名称', '名称', '企业名称', '姓名', '行政相对人名称', 'name', 'subject name'],
  subjectType: ['主体类型', '行政相对人类别', 'subject type'],
  creditCode: ['统一社会信用代码', 'credit code', 'uscc', 'unified social credit code'],
  idNumber: ['证件号码', '身份证号码', '身份证号', 'id number', 'id no'],
  legalRepresentative: ['法定代表人', '法定代表人（负责人）', '法定代表人/负责人', 'legal representative'],
  category: ['类别', '名单类别', 'category', 'list category'],
  reason: ['列入原因', '失信行为', '守信事由', 'reason'],
  authority: ['认定部门', '认定机关', 'authority'],
  basis: ['认定依据', '依据文号', 'basis'],
  listedOn: ['列入日期', '认定日期', 'listed on', 'listed date'],
  validUntil: ['有效期至', '有效截止日期', 'valid until'],
  sourceRef: ['来源编号', '数据编号', 'source ref', 'source reference'],
};

const ALWAYS_REQUIRED: readonly ImportField[] = ['subjectName', 'subjectType', 'reason', 'authority', 'listedOn', 'validUntil'];

/**
 * One spelling per header: NFKC folds full-width letters and brackets, case is ignored, and
 * spaces, underscores, hyphens and the asterisks templates use to mark required columns are
 * dropped, so "Subject_Name", "subjectName" and "＊主体 名称" all match.
 */
export function headerKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s_\-*]+/g, '');
}

const FIELD_BY_KEY = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) => ALIASES[field].map((alias) => [headerKey(alias), field] as const)),
);

/** A header cell as issues name its column: NFKC, single spaces, trimmed. */
export function headerLabel(cell: string): string {
  return cell.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** The field a header cell names, if any. */
export function fieldOfHeader(text: string): ImportField | undefined {
  return FIELD_BY_KEY.get(headerKey(text));
}

export interface ColumnMap {
  /** column index of each field, -1 when the file has no such column */
  index: Record<ImportField, number>;
  /** what issues name the column: the file's own header text, else the standard header */
  label: Record<ImportField, string>;
}

export function mapHeader(cells: readonly string[], options: { categoryOverride: boolean }): { columns: ColumnMap; warnings: ImportIssue[] } {
  const index = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, -1])) as Record<ImportField, number>;
  const label = { ...STANDARD_HEADERS };
  const warnings: ImportIssue[] = [];
  cells.forEach((cell, i) => {
    const text = headerLabel(cell);
    if (text === '') return;
    const field = fieldOfHeader(text);
    if (field === undefined) {
      warnings.push({ line: 1, column: text, code: 'unknown-column', message: `无法识别的列「${text}」，该列将被忽略 (unknown column, ignored)` });
    } else if (index[field] !== -1) {
      warnings.push({ line: 1, column: text, code: 'duplicate-column', message: `列「${text}」与「${label[field]}」是同一字段，只使用前一列 (duplicate column, the first one is used)` });
    } else {
      index[field] = i;
      label[field] = text;
    }
  });
  const required = (f: ImportField): boolean => ALWAYS_REQUIRED.includes(f) || (f === 'category' && !options.categoryOverride);
  // In template order, so the message reads like the header row it asks for.
  const missing = IMPORT_FIELDS.filter((f) => required(f) && index[f] === -1).map((f) => STANDARD_HEADERS[f]);
  if (missing.length > 0) {
    throw new AppError('import.missing-columns', `缺少必需的列：${missing.join('、')}（第 1 行须为表头） (missing required columns: the first line must be the header)`, { missing });
  }
  return { columns: { index, label }, warnings };
}
