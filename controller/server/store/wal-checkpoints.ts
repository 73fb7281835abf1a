// Worker side of WAL checkpointing: a connection of its own per store, copying the write-ahead log
// back into the database file with PASSIVE checkpoints, which never wait for readers or writers.

import BetterSqlite3 from 'better-sqlite3';

export type CheckpointEvent =
  | { kind: 'checkpointed'; storeId: number; pages: number }
  | { kind: 'checkpoint-failed'; storeId: number; message: string };

const running = new Map<number, { db: BetterSqlite3.Database; timer: NodeJS.Timeout }>();

export function startCheckpointing(storeId: number, path: string, intervalMs: number, report: (event: CheckpointEvent) => void): void {
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(path, { fileMustExist: true });
    db.pragma('busy_timeout = 1000');
  } catch (error) {
    report({ kind: 'checkpoint-failed', storeId, message: messageOf(error) });
    return;
  }
  const timer = setInterval(() => {
    try {
      const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
      // A writer holding the lock leaves busy = 1 and part of the log; the next tick goes on from there.
      if (result !== undefined && result.checkpointed > 0) report({ kind: 'checkpointed', storeId, pages: result.checkpointed });
    } catch (error) {
      stopCheckpointing(storeId);
      report({ kind: 'checkpoint-failed', storeId, message: messageOf(error) });
    }
  }, intervalMs);
  running.set(storeId, { db, timer });
}

export function stopCheckpointing(storeId: number): void {
  const entry = running.get(storeId);
  if (entry === undefined) return;
  running.delete(storeId);
  clearInterval(entry.timer);
  entry.db.close();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
