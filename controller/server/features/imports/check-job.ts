// Runs in the background worker: reads and checks an import file, handing the accepted entries back in batches.

import { AppError } from '../../errors.ts';
import { checkRows } from './check-rows.ts';
import {
  CANCELLED,
  ENTRIES_PER_BATCH,
  IN_FLIGHT,
  MAX_BATCHES_IN_FLIGHT,
  type CheckJob,
  type CheckResult,
  type SerialisedError,
} from './check-worker-protocol.ts';
import { appendEntryRow, ENTRY_ROW_WIDTH, type EntryRows } from './entry-rows.ts';
import { sampleRows } from './preview-sample.ts';
import { readSheet } from './read-sheet.ts';

class Cancelled extends Error {}

const EMPTY = new Uint8Array(0);

type Post = (result: CheckResult) => void;

export async function runCheckJob(job: CheckJob, post: Post): Promise<void> {
  const flow = new Int32Array(job.flowControl);
  try {
    // The raw bytes are dead once decoded (a CSV is parsed from its text): dropped here so that
    // they can be collected while the rows are checked, 24 MB for a 100,000-row file.
    const bytes = job.bytes;
    job.bytes = EMPTY;
    const sheet = await readSheet(bytes, job.fileName, job.limits);
    post({ type: 'sheet-read', jobId: job.jobId });
    const live = new Set(job.liveSubjectKeys);
    const sampler = job.sample === undefined ? null : sampleRows(sheet, job.sample);
    let batch: EntryRows = [];
    const report = checkRows(
      sampler === null ? sheet : { ...sheet, rows: sampler.rows },
      { list: job.list, today: job.today, isLive: (key) => live.has(key), ...(job.category !== undefined ? { category: job.category } : {}) },
      job.limits,
      (entry) => {
        sampler?.accepted(entry.line);
        appendEntryRow(batch, entry);
        if (batch.length === ENTRIES_PER_BATCH * ENTRY_ROW_WIDTH) {
          sendBatch(post, job.jobId, batch, flow);
          batch = [];
        }
      },
    );
    if (batch.length > 0) sendBatch(post, job.jobId, batch, flow);
    const sample = sampler?.finish(new Set(report.rejected.map((issue) => issue.line)));
    post({ type: 'done', jobId: job.jobId, report, ...(sample !== undefined ? { sample } : {}) });
  } catch (error) {
    if (error instanceof Cancelled) return;
    post({ type: 'failed', jobId: job.jobId, error: serialise(error) });
  }
}

/** Blocks this thread, not the controller's, while the inserts catch up; throws Cancelled once the controller gave up on the job. */
function sendBatch(post: Post, jobId: number, rows: EntryRows, flow: Int32Array): void {
  post({ type: 'entries', jobId, rows });
  let inFlight = Atomics.add(flow, IN_FLIGHT, 1) + 1;
  while (inFlight >= MAX_BATCHES_IN_FLIGHT && Atomics.load(flow, CANCELLED) === 0) {
    Atomics.wait(flow, IN_FLIGHT, inFlight);
    inFlight = Atomics.load(flow, IN_FLIGHT);
  }
  if (Atomics.load(flow, CANCELLED) !== 0) throw new Cancelled();
}

function serialise(error: unknown): SerialisedError {
  if (error instanceof AppError) return { code: error.code, message: error.message, details: error.details, status: error.status };
  return { code: null, message: error instanceof Error ? error.message : String(error), details: null, status: null };
}
