// Imports a file as one change set pending approval: checks it against live entries, stages the good rows.

import { randomUUID } from 'node:crypto';
import type { CalendarDate } from '../../../../shared/dates/calendar-date.ts';
import type { ListKind } from '../../../../shared/lists/list-entry.ts';
import type { Store } from '../../store/database.ts';
import type { ImportReport } from './import-report.ts';
import { normaliseText } from './normalise.ts';
import { readImportFile } from './read-import-file.ts';
import { loadLiveSubjectKeys, stageChangeSet } from './store.ts';

export interface ImportFileInput {
  bytes: Uint8Array;
  fileName: string;
  list: ListKind;
  category?: string;
  submittedBy: string;
  now: number;
  today: CalendarDate;
}

/**
 * Throws AppError('import.empty' | 'import.unreadable' | 'import.missing-columns') and writes
 * nothing when the file cannot be read at all; otherwise stages the accepted rows, if any.
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
  const live = await loadLiveSubjectKeys(store, input.today, input.list);
  const { report, entries } = await readImportFile(input.bytes, input.fileName, {
    list: input.list,
    today: input.today,
    isLive: (subjectKey) => live.has(subjectKey),
    ...(input.category !== undefined ? { category: input.category } : {}),
  });
  if (entries.length === 0) return { changeSetId: null, report };
  const changeSetId = randomUUID();
  const category = input.category === undefined ? null : normaliseText(input.category) || null;
  await stageChangeSet(store, {
    changeSetId,
    list: input.list,
    category,
    sourceName: input.fileName,
    submittedBy: input.submittedBy,
    submittedAt: input.now,
    report,
    entries,
  });
  return { changeSetId, report };
}
