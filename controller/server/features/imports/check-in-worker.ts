// Runs the read-and-check half of an import in the background worker, so that the controller keeps
// serving players and browsers while a large file is read and checked; the caller stages batches as they arrive.

import { AppError } from '../../errors.ts';
import { backgroundWorker } from '../../worker/worker-client.ts';
import { CANCELLED, IN_FLIGHT, type CheckJob, type CheckResult, type SerialisedError } from './check-worker-protocol.ts';
import type { EntryRows } from './entry-rows.ts';
import type { ImportReport } from './import-report.ts';
import type { PreviewSample } from '../../../../shared/lists/import-report.ts';

export type CheckFileJob = Omit<CheckJob, 'jobId' | 'flowControl'> & {
  /** the caller is done with `bytes`: they move to the worker (and are empty here afterwards) instead of being copied */
  handOverBytes?: boolean;
};

export interface CheckRun {
  /** settles once the file is read whole: an unreadable file rejects here, before anything is staged */
  sheetRead: Promise<void>;
  /** hands over the accepted entries in file order, batch by batch, then settles with the report */
  stageInto(stage: (entries: EntryRows) => void): Promise<ImportReport>;
  /** gives up on the run (the caller failed); the worker drops it */
  cancel(): void;
  /** the rows a preview asked for (job.sample), once the report has settled */
  sample(): PreviewSample | null;
}

/** Reads and checks a file in the worker. */
export async function startCheckInWorker(file: CheckFileJob): Promise<CheckRun> {
  const current = importChecks();
  await current.ready;
  return current.start(file);
}

/** Waits for the worker to load (the controller starts it at start-up; the first import need not). */
export async function warmUpImportChecker(): Promise<void> {
  await importChecks().ready;
}

class JobState {
  readonly flow = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  // Batches that arrive before the caller is ready to stage; flow control bounds them.
  private readonly early: EntryRows[] = [];
  private stage: ((entries: EntryRows) => void) | null = null;
  /** the first error, kept because a small file's report may have settled before staging fails */
  failure: unknown = null;
  sample: PreviewSample | null = null;
  readonly sheetRead: Promise<void>;
  readonly report: Promise<ImportReport>;
  markSheetRead: () => void = () => undefined;
  resolveReport: (report: ImportReport) => void = () => undefined;
  private rejectSheetRead: (error: unknown) => void = () => undefined;
  private rejectReport: (error: unknown) => void = () => undefined;

  constructor() {
    this.sheetRead = new Promise<void>((resolve, reject) => {
      this.markSheetRead = resolve;
      this.rejectSheetRead = reject;
    });
    this.report = new Promise<ImportReport>((resolve, reject) => {
      this.resolveReport = resolve;
      this.rejectReport = reject;
    });
    // Whichever of the two the caller is not awaiting when the job fails must not surface as unhandled.
    this.sheetRead.catch(() => undefined);
    this.report.catch(() => undefined);
  }

  /** False when staging threw: the job is then failed and cancelled. */
  receive(entries: EntryRows): boolean {
    if (this.stage === null) {
      this.early.push(entries);
      return true;
    }
    return this.stageBatch(entries);
  }

  startStaging(stage: (entries: EntryRows) => void): boolean {
    this.stage = stage;
    for (const rows of this.early.splice(0)) if (!this.stageBatch(rows)) return false;
    return true;
  }

  fail(error: unknown): void {
    this.failure ??= error;
    this.rejectSheetRead(error);
    this.rejectReport(error);
  }

  cancel(): void {
    Atomics.store(this.flow, CANCELLED, 1);
    // A value the worker never waits on: a wait that starts after this returns at once.
    Atomics.store(this.flow, IN_FLIGHT, -1);
    Atomics.notify(this.flow, IN_FLIGHT);
  }

  private stageBatch(entries: EntryRows): boolean {
    try {
      this.stage?.(entries);
    } catch (error) {
      this.fail(error);
      return false;
    }
    Atomics.sub(this.flow, IN_FLIGHT, 1);
    Atomics.notify(this.flow, IN_FLIGHT);
    return true;
  }
}

/** Import checks in flight in the background worker, by job id. */
class ImportChecks {
  private readonly jobs = new Map<number, { job: JobState; release: () => void }>();
  private nextJobId = 1;
  private readonly worker = backgroundWorker();

  constructor(onGone: () => void) {
    this.worker.listen((message) => {
      if (message.kind === 'import-check') this.onResult(message.result);
    });
    this.worker.onGone((cause) => {
      onGone();
      for (const { job, release } of this.jobs.values()) {
        job.fail(checkerFailed(cause));
        release();
      }
      this.jobs.clear();
    });
  }

  get ready(): Promise<void> {
    return this.worker.ready;
  }

  start(file: CheckFileJob): CheckRun {
    const jobId = this.nextJobId++;
    const job = new JobState();
    // Held while a job runs, so that a CLI import is not cut short by an empty event loop.
    this.jobs.set(jobId, { job, release: this.worker.hold() });
    const { handOverBytes, ...rest } = file;
    // Only a buffer of its own can move; a slice of Node's shared pool (small files) is copied.
    const { bytes } = rest;
    const moves = handOverBytes === true && bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    try {
      this.worker.post({ kind: 'import-check', job: { ...rest, jobId, flowControl: job.flow.buffer as SharedArrayBuffer } }, moves ? [bytes.buffer] : []);
    } catch (error) {
      this.finish(jobId);
      throw error;
    }
    const drop = (): void => {
      job.cancel();
      this.finish(jobId);
    };
    return {
      sheetRead: job.sheetRead,
      stageInto: (stage) => {
        if (job.startStaging(stage)) return job.report;
        drop();
        return Promise.reject(job.failure);
      },
      cancel: () => {
        drop();
        job.fail(new AppError('import.cancelled', '导入已取消 (the import was cancelled)'));
      },
      sample: () => job.sample,
    };
  }

  private onResult(result: CheckResult): void {
    const job = this.jobs.get(result.jobId)?.job;
    if (job === undefined) return;
    switch (result.type) {
      case 'sheet-read':
        job.markSheetRead();
        return;
      case 'entries':
        if (!job.receive(result.rows)) {
          job.cancel();
          this.finish(result.jobId);
        }
        return;
      case 'done':
        this.finish(result.jobId);
        job.sample = result.sample ?? null;
        job.resolveReport(result.report);
        return;
      case 'failed':
        this.finish(result.jobId);
        job.fail(deserialise(result.error));
        return;
    }
  }

  private finish(jobId: number): void {
    this.jobs.get(jobId)?.release();
    this.jobs.delete(jobId);
  }
}

let checks: ImportChecks | null = null;

function importChecks(): ImportChecks {
  checks ??= new ImportChecks(() => {
    checks = null;
  });
  return checks;
}

function deserialise(error: SerialisedError): Error {
  if (error.code !== null) return new AppError(error.code, error.message, error.details, error.status ?? 400);
  return checkerFailed(new Error(error.message));
}

function checkerFailed(cause: unknown): AppError {
  return new AppError(
    'import.check-failed',
    '导入检查意外中止，未写入任何数据，请重试 (the import check stopped unexpectedly: nothing was written, try again)',
    { cause: cause instanceof Error ? cause.message : String(cause) },
    500,
  );
}
