// Messages between the controller and the import check in its background worker, and the shared counter that keeps the check from running ahead of the inserts.

import type { CalendarDate } from '../../../../shared/dates/calendar-date.ts';
import type { ListKind } from '../../../../shared/lists/list-entry.ts';
import type { ImportLimits } from './import-limits.ts';
import type { EntryRows } from './entry-rows.ts';
import type { ImportReport } from './import-report.ts';
import type { PreviewSample, SampleSize } from '../../../../shared/lists/import-report.ts';

export interface CheckJob {
  jobId: number;
  bytes: Uint8Array;
  fileName: string;
  list: ListKind;
  category?: string;
  today: CalendarDate;
  limits: ImportLimits;
  /** subject keys of pending or approved, unexpired entries (duplicate-of-live) */
  liveSubjectKeys: string[];
  /** Int32Array over it: [batches posted and not yet staged, cancelled (0 | 1)] */
  flowControl: SharedArrayBuffer;
  /** a preview: also hand back this many of the file's rows as cells */
  sample?: SampleSize;
}

export interface SerialisedError {
  code: string | null;
  message: string;
  details: unknown;
  status: number | null;
}

export type CheckResult =
  /** the file is read whole; rows follow */
  | { type: 'sheet-read'; jobId: number }
  | { type: 'entries'; jobId: number; rows: EntryRows }
  | { type: 'done'; jobId: number; report: ImportReport; sample?: PreviewSample }
  | { type: 'failed'; jobId: number; error: SerialisedError };

export const IN_FLIGHT = 0;
export const CANCELLED = 1;

// 500 entries (9,000 values) per message. Larger batches clone no faster, and their serialisation
// buffers, allocated by one thread and freed by the other, raised the peak RSS of a 100,000-row
// import by 20–30 MB at 2,000 entries.
export const ENTRIES_PER_BATCH = 500;
// The check waits once this many batches are queued: whatever the speed of the disk, an import of a
// million rows never holds more than 4,000 entries in flight.
export const MAX_BATCHES_IN_FLIGHT = 8;
