// An import's dry run at the controller: the report the import would give today, live duplicates
// included, with the rows to show beside it; nothing is written.

import type { CalendarDate } from '../../../../shared/dates/calendar-date.ts';
import type { ImportPreview } from '../../../../shared/lists/import-report.ts';
import type { ListKind } from '../../../../shared/lists/list-entry.ts';
import type { Store } from '../../store/database.ts';
import { startCheckInWorker } from './check-in-worker.ts';
import { importLimits, type ImportLimits } from './import-limits.ts';
import { PREVIEW_SAMPLE_SIZE } from './preview-sample.ts';
import { loadLiveSubjectKeys } from './store.ts';

export interface PreviewInput {
  bytes: Uint8Array;
  /** the caller will not read `bytes` again: they move to the worker */
  handOverBytes?: boolean;
  fileName: string;
  list: ListKind;
  category?: string;
  today: CalendarDate;
  limits?: Partial<ImportLimits>;
}

/**
 * Throws what an import throws for a file it cannot read whole. The check runs in the background
 * worker, as an import's does, so a large file does not stall the controller's players.
 */
export async function previewImport(store: Store, input: PreviewInput): Promise<ImportPreview> {
  const liveSubjectKeys = await loadLiveSubjectKeys(store, input.today, input.list);
  const run = await startCheckInWorker({
    bytes: input.bytes,
    ...(input.handOverBytes === true ? { handOverBytes: true } : {}),
    fileName: input.fileName,
    list: input.list,
    today: input.today,
    limits: importLimits(input.limits),
    liveSubjectKeys,
    sample: PREVIEW_SAMPLE_SIZE,
    ...(input.category !== undefined ? { category: input.category } : {}),
  });
  try {
    await run.sheetRead;
    // The accepted entries are only counted, in the report.
    const report = await run.stageInto(() => undefined);
    return { report, sample: run.sample() ?? { header: [], rows: [], size: PREVIEW_SAMPLE_SIZE } };
  } catch (error) {
    run.cancel();
    throw error;
  }
}
