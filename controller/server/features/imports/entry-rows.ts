// Accepted entries as one flat array of column values per batch: what crosses from the check worker to the inserts.

import type { StagedEntry } from './import-report.ts';

/**
 * Values of consecutive entries, ENTRY_ROW_WIDTH per entry, in the order of ENTRY_ROW_COLUMNS.
 * Flat rather than an array of objects: cloning 2,000 objects between threads repeats eighteen
 * property names per entry and took as long as inserting them; a flat array of strings does not.
 */
export type EntryRows = (string | number | null)[];

export const ENTRY_ROW_COLUMNS = [
  'id', 'list', 'category', 'subject_type', 'subject_name', 'credit_code', 'id_number', 'legal_representative', 'reason',
  'authority', 'basis', 'listed_on', 'valid_until', 'source_ref', 'source_line', 'birth_date', 'warnings_json', 'subject_key',
] as const;
export const ENTRY_ROW_WIDTH = ENTRY_ROW_COLUMNS.length;
/** where warnings_json sits in a row: non-null when the approver must confirm something */
export const WARNINGS_COLUMN = ENTRY_ROW_COLUMNS.indexOf('warnings_json');

export function appendEntryRow(rows: EntryRows, entry: StagedEntry): void {
  rows.push(
    entry.id, entry.list, entry.category, entry.subjectType, entry.subjectName, entry.creditCode, entry.idNumber, entry.legalRepresentative, entry.reason,
    // Most entries have no warnings: null, not '[]', and no JSON.stringify on the way.
    entry.authority, entry.basis, entry.listedOn, entry.validUntil, entry.sourceRef, entry.line, entry.birthDate, entry.warnings.length > 0 ? JSON.stringify(entry.warnings) : null, entry.subjectKey,
  );
}

export function toEntryRows(entries: readonly StagedEntry[]): EntryRows {
  const rows: EntryRows = [];
  for (const entry of entries) appendEntryRow(rows, entry);
  return rows;
}
