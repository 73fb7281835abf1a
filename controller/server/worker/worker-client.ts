// The main thread's handle on the background worker: one per process, started on first use, idle
// without keeping the process alive, restarted on next use if it ever dies.

import { Worker } from 'node:worker_threads';
import { bundleBackgroundWorker } from './worker-bundle.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

type Listener = (message: FromWorker) => void;

export interface BackgroundWorker {
  /** settles once the worker has loaded its modules */
  ready: Promise<void>;
  post(message: ToWorker, transfer?: ArrayBuffer[]): void;
  /** every message from the worker; returns the unsubscribe */
  listen(listener: Listener): () => void;
  /** called once if the worker dies */
  onGone(listener: (cause: Error) => void): () => void;
  /** work in progress keeps the process alive; call the returned function when it is done */
  hold(): () => void;
}

let current: BackgroundWorker | null = null;

export function backgroundWorker(): BackgroundWorker {
  current ??= startBackgroundWorker(() => {
    current = null;
  });
  return current;
}

function startBackgroundWorker(forget: () => void): BackgroundWorker {
  const listeners = new Set<Listener>();
  const goneListeners = new Set<(cause: Error) => void>();
  // Messages posted before the bundle is built wait here, in order.
  const queued: { message: ToWorker; transfer: ArrayBuffer[] }[] = [];
  let worker: Worker | null = null;
  let holds = 0;
  let gone = false;
  let markReady: () => void = () => undefined;
  let failReady: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  ready.catch(() => undefined);
  const die = (cause: Error): void => {
    if (gone) return;
    gone = true;
    forget();
    failReady(cause);
    for (const listener of goneListeners) listener(cause);
  };

  bundleBackgroundWorker()
    .then((code) => {
      // A 16 MB young generation rather than V8's default: the worker's garbage is short-lived
      // rows, and the smaller nursery took 20 MB off the peak RSS of a 100,000-row import.
      const started = new Worker(code, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
      worker = started;
      if (holds === 0) started.unref();
      started.on('message', (message: FromWorker) => {
        if (message.kind === 'ready') markReady();
        for (const listener of listeners) listener(message);
      });
      started.on('error', die);
      started.on('exit', (code) => die(new Error(`the controller's background worker exited with code ${code}`)));
      for (const { message, transfer } of queued.splice(0)) started.postMessage(message, transfer);
    })
    // Also what throws above (the Worker constructor, a message that cannot be cloned).
    .catch((error: unknown) => die(error instanceof Error ? error : new Error(String(error))));

  return {
    ready,
    post(message, transfer = []) {
      if (worker === null) queued.push({ message, transfer });
      else worker.postMessage(message, transfer);
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onGone(listener) {
      goneListeners.add(listener);
      return () => goneListeners.delete(listener);
    },
    hold() {
      if (holds++ === 0) worker?.ref();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (--holds === 0) worker?.unref();
      };
    },
  };
}
