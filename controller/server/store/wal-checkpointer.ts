// Moves SQLite's WAL checkpoints off the request path. With automatic checkpoints, the commit
// that crosses 1,000 WAL pages copies them into the database file before it returns: 0.4 s of a
// 100,000-row import, with the event loop blocked. Here the background worker checkpoints every
// second instead; if it fails or dies, the main connection falls back to automatic checkpoints,
// so the WAL never grows without bound.

import type BetterSqlite3 from 'better-sqlite3';
import { backgroundWorker } from '../worker/worker-client.ts';

/** SQLite's own default, restored when the worker cannot do the job. */
const AUTOMATIC_CHECKPOINT_PAGES = 1000;
const CHECKPOINT_INTERVAL_MS = 1000;

export interface WalCheckpointer {
  /** pages copied into the database file so far */
  checkpointedPages(): number;
  /** true once checkpoints are back on the main connection */
  fellBack(): boolean;
  stop(): Promise<void>;
}

let nextStoreId = 1;

export function startWalCheckpointer(sqlite: BetterSqlite3.Database, path: string): WalCheckpointer {
  const storeId = nextStoreId++;
  const worker = backgroundWorker();
  let pages = 0;
  let stopped = false;
  let fellBack = false;
  const fallBack = (): void => {
    if (stopped || fellBack) return;
    fellBack = true;
    unsubscribe();
    forgetGone();
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${AUTOMATIC_CHECKPOINT_PAGES}`);
  };
  let confirmStopped: () => void = () => undefined;
  const unsubscribe = worker.listen((message) => {
    if (!('storeId' in message) || message.storeId !== storeId) return;
    if (message.kind === 'checkpointed') pages += message.pages;
    else if (message.kind === 'checkpoint-failed') fallBack();
    else if (message.kind === 'checkpoint-stopped') confirmStopped();
  });
  const forgetGone = worker.onGone(() => {
    confirmStopped();
    fallBack();
  });
  sqlite.pragma('wal_autocheckpoint = 0');
  worker.post({ kind: 'checkpoint-start', storeId, path, intervalMs: CHECKPOINT_INTERVAL_MS });

  return {
    checkpointedPages: () => pages,
    fellBack: () => fellBack,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (!fellBack) {
        // The worker's connection closes first, so that the main connection is the last one and
        // SQLite folds the WAL into the database file as it closes.
        const release = worker.hold();
        await new Promise<void>((resolve) => {
          confirmStopped = resolve;
          worker.post({ kind: 'checkpoint-stop', storeId });
        });
        release();
      }
      unsubscribe();
      forgetGone();
    },
  };
}
