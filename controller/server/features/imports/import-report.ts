// The vocabulary of an import: fields, issues (line, column, code, message), the report and staged entries.

import type { CalendarDate } from '../../../../shared/dates/calendar-date.ts';
import type { ListKind, SubjectType } from '../../../../shared/lists/list-entry.ts';

export const IMPORT_FIELDS = [
  'subjectName',
  'subjectType',
  'creditCode',
  'idNumber',
  'legalRepresentative',
  'category',
  'reason',
  'authority',
  'basis',
  'listedOn',
  'validUntil',
  'sourceRef',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Stable codes: clients translate on these, so never rename one. */
export type ImportIssueCode =
  // rejections
  | 'missing-field'
  | 'bad-subject-type'
  | 'bad-credit-code'
  | 'bad-id-number'
  | 'minor'
  | 'bad-date'
  | 'valid-until-before-listed'
  | 'already-expired'
  | 'too-long'
  | 'duplicate-in-file'
  | 'duplicate-of-live'
  // warnings
  | 'credit-code-checksum'
  | 'listed-in-future'
  | 'field-ignored'
  | 'category-overridden'
  | 'unknown-column'
  | 'duplicate-column';

export interface ImportIssue {
  /** as a spreadsheet user counts: the header is line 1 */
  line: number;
  /** the header text as it appears in the file (or the standard Chinese name if the column is absent) */
  column: string;
  code: ImportIssueCode;
  message: string;
}

export interface ImportReport {
  /** non-blank data rows */
  rows: number;
  accepted: number;
  /** one item per problem; a rejected row may have several */
  rejected: ImportIssue[];
  warnings: ImportIssue[];
  /** how the bytes were decoded (CSV only) */
  encoding?: string;
}

export interface StagedEntry {
  id: string;
  line: number;
  list: ListKind;
  category: string;
  subjectType: SubjectType;
  subjectName: string;
  creditCode: string | null;
  idNumber: string | null;
  legalRepresentative: string | null;
  reason: string;
  authority: string;
  basis: string | null;
  listedOn: CalendarDate;
  validUntil: CalendarDate;
  sourceRef: string | null;
  birthDate: CalendarDate | null;
  /** list|category|code: two live entries may not share it */
  subjectKey: string;
  /** what the approver must confirm (e.g. a credit-code checksum mismatch) */
  warnings: ImportIssue[];
}

export function subjectKeyOf(list: ListKind, category: string, code: string): string {
  // join() builds one flat string; a template literal leaves a rope of three, and 100,000 of them stay in memory.
  return [list, category, code].join('|');
}
