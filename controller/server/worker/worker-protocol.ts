// Messages between the controller's main thread and its background worker.

import type { CheckJob, CheckResult } from '../features/imports/check-worker-protocol.ts';

export type ToWorker =
  | { kind: 'import-check'; job: CheckJob }
  | { kind: 'checkpoint-start'; storeId: number; path: string; intervalMs: number }
  | { kind: 'checkpoint-stop'; storeId: number };

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'import-check'; result: CheckResult }
  | { kind: 'checkpointed'; storeId: number; pages: number }
  | { kind: 'checkpoint-failed'; storeId: number; message: string }
  | { kind: 'checkpoint-stopped'; storeId: number };
