// Reads an import file (CSV in any common encoding, or XLSX) into staged entries and a report of every bad row, without a store.

import { checkRows, type CheckRowsOptions } from './check-rows.ts';
import { importLimits, type ImportLimits } from './import-limits.ts';
import type { ImportReport, StagedEntry } from './import-report.ts';
import { readSheet } from './read-sheet.ts';

export interface ReadImportOptions extends CheckRowsOptions {
  /** tests shrink these; production uses IMPORT_LIMITS */
  limits?: Partial<ImportLimits>;
}

export interface ReadImportResult {
  report: ImportReport;
  entries: StagedEntry[];
}

/** Throws AppError('import.empty' | 'import.unreadable' | 'import.missing-columns' | 'import.too-large' | 'import.too-many-rows'). */
export async function readImportFile(bytes: Uint8Array, fileName: string, options: ReadImportOptions): Promise<ReadImportResult> {
  const limits = importLimits(options.limits);
  const sheet = await readSheet(bytes, fileName, limits);
  const entries: StagedEntry[] = [];
  const report = checkRows(sheet, options, limits, (entry) => entries.push(entry));
  return { report, entries };
}
