// The controller's background thread: reads and checks import files, and checkpoints the stores' WAL, so the event loop that serves players and browsers never does either.

import { parentPort } from 'node:worker_threads';
import { runCheckJob } from '../features/imports/check-job.ts';
import { startCheckpointing, stopCheckpointing } from '../store/wal-checkpoints.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

const port = parentPort;
if (port === null) throw new Error('worker-main.ts runs only as a worker thread');
const post = (message: FromWorker): void => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  switch (message.kind) {
    case 'import-check':
      void runCheckJob(message.job, (result) => post({ kind: 'import-check', result }));
      return;
    case 'checkpoint-start':
      startCheckpointing(message.storeId, message.path, message.intervalMs, (event) => post(event));
      return;
    case 'checkpoint-stop':
      stopCheckpointing(message.storeId);
      post({ kind: 'checkpoint-stopped', storeId: message.storeId });
      return;
  }
});
post({ kind: 'ready' });
