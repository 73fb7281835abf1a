// `gongshi import FILE --dry-run`: the report an import would give, without a controller or a store.

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CalendarDate } from '../../../../shared/dates/calendar-date.ts';
import type { ListKind } from '../../../../shared/lists/list-entry.ts';
import type { ImportReport } from './import-report.ts';
import { readImportFile } from './read-import-file.ts';

/** Duplicates within the file are found; duplicates of live entries need the store, so they are not. */
export async function importDryRun(options: { filePath: string; list: ListKind; category?: string; today: CalendarDate }): Promise<ImportReport> {
  const bytes = await readFile(options.filePath);
  const { report } = await readImportFile(bytes, basename(options.filePath), {
    list: options.list,
    today: options.today,
    // No entry is written, so any stable id will do.
    newId: () => '',
    ...(options.category !== undefined ? { category: options.category } : {}),
  });
  return report;
}
