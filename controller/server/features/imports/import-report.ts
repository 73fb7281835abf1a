// The vocabulary of an import: fields, issues (line, column, code, message), the report and staged entries.

import type { CalendarDate } from '../../../../shared/dates/calendar-date.ts';
import type { ImportIssue } from '../../../../shared/lists/import-report.ts';
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

// The wire half (issues, report) lives in shared/ so that the console reads the same types.
export type { ImportIssue, ImportIssueCode, ImportReport } from '../../../../shared/lists/import-report.ts';

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
