// Imports a file as one change set pending approval: checks it against live entries, stages the good rows.

import { randomUUID } from 'node:crypto';
import type { CalendarDate } from '../../../../shared/dates/calendar-date.ts';
import type { ListKind } from '../../../../shared/lists/list-entry.ts';
import type { Store } from '../../store/database.ts';
import { startCheckInWorker } from './check-in-worker.ts';
import { importLimits, type ImportLimits } from './import-limits.ts';
import type { ImportReport } from './import-report.ts';
import { normaliseText } from './normalise.ts';
import { loadLiveSubjectKeys, stageImport } from './store.ts';

export interface ImportFileInput {
  bytes: Uint8Array;
  /** the caller will not read `bytes` again: they move to the import worker, 24 MB fewer for a 100,000-row CSV */
  handOverBytes?: boolean;
  fileName: string;
  list: ListKind;
  category?: string;
  submittedBy: string;
  now: number;
  today: CalendarDate;
  /** tests shrink these; production uses IMPORT_LIMITS */
  limits?: Partial<ImportLimits>;
}

/**
 * Throws AppError('import.empty' | 'import.unreadable' | 'import.missing-columns' |
 * 'import.too-large' | 'import.too-many-rows') and writes nothing when the file cannot be read
 * whole; otherwise stages the accepted rows, if any.
 */
export async function importFile(store: Store, input: ImportFileInput): Promise<{ changeSetId: string | null; report: ImportReport }> {
  return oneImportAtATime(store, () => checkAndStage(store, input));
}

// Two uploads of overlapping files could both read the live keys before either stages, and both
// pass the duplicate check; imports into one store therefore run one after another.
const importQueues = new WeakMap<Store, Promise<unknown>>();

async function oneImportAtATime<T>(store: Store, run: () => Promise<T>): Promise<T> {
  const previous = importQueues.get(store) ?? Promise.resolve();
  const current = previous.then(run, run);
  importQueues.set(store, current.catch(() => undefined));
  return current;
}

async function checkAndStage(store: Store, input: ImportFileInput): Promise<{ changeSetId: string | null; report: ImportReport }> {
  const limits = importLimits(input.limits);
  const liveSubjectKeys = await loadLiveSubjectKeys(store, input.today, input.list);
  const changeSetId = randomUUID();
  const category = input.category === undefined ? null : normaliseText(input.category) || null;
  const header = { changeSetId, list: input.list, category, sourceName: input.fileName, submittedBy: input.submittedBy, submittedAt: input.now };
  const file = {
    bytes: input.bytes,
    ...(input.handOverBytes === true ? { handOverBytes: true } : {}),
    fileName: input.fileName,
    list: input.list,
    today: input.today,
    limits,
    liveSubjectKeys,
    ...(input.category !== undefined ? { category: input.category } : {}),
  };
  // The worker reads and checks while this thread inserts what it has accepted so far: on two
  // cores the halves overlap, and the event loop is free between batches. The transaction opens
  // only once the file is read whole, so an unreadable file writes nothing and holds nothing.
  const run = await startCheckInWorker(file);
  let staging;
  try {
    await run.sheetRead;
    staging = await stageImport(store, header, (stage) => run.stageInto(stage));
  } catch (error) {
    run.cancel();
    throw error;
  }
  const { report, staged } = staging;
  return { changeSetId: staged ? changeSetId : null, report };
}
