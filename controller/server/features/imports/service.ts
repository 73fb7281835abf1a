// Imports a file as one change set pending approval: checks it against live entries, stages the good rows.

import { randomUUID } from 'node:crypto';
import type { CalendarDate } from '../../../../shared/dates/calendar-date.ts';
import type { ListKind } from '../../../../shared/lists/list-entry.ts';
import type { Store } from '../../store/database.ts';
import { checkRows } from './check-rows.ts';
import { importLimits, type ImportLimits } from './import-limits.ts';
import type { ImportReport } from './import-report.ts';
import { normaliseText } from './normalise.ts';
import { readSheet } from './read-sheet.ts';
import { loadLiveSubjectKeys, stageImport } from './store.ts';

export interface ImportFileInput {
  bytes: Uint8Array;
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
  // Unzipping and decoding come first, outside the transaction: only the row check runs inside it.
  const sheet = await readSheet(input.bytes, input.fileName, limits);
  const live = await loadLiveSubjectKeys(store, input.today, input.list);
  const changeSetId = randomUUID();
  const category = input.category === undefined ? null : normaliseText(input.category) || null;
  const header = { changeSetId, list: input.list, category, sourceName: input.fileName, submittedBy: input.submittedBy, submittedAt: input.now };
  const options = {
    list: input.list,
    today: input.today,
    isLive: (subjectKey: string) => live.has(subjectKey),
    ...(input.category !== undefined ? { category: input.category } : {}),
  };
  const { report, staged } = await stageImport(store, header, (stage) => checkRows(sheet, options, limits, stage));
  return { changeSetId: staged ? changeSetId : null, report };
}
