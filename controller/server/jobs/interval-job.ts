// Runs a job now and then every interval, never twice at once, and stops it cleanly.

export interface IntervalJob {
  /** no further runs; resolves once a run in progress has finished (the store closes right after) */
  stop(): Promise<void>;
}

/** `run` handles its own errors: a rejected run is only waited for, never retried early. */
export function startIntervalJob(run: () => Promise<void>, intervalMs: number): IntervalJob {
  let running: Promise<void> | null = null;
  let stopped = false;
  // No overlap: a slow run (a busy disk) makes the next one wait instead of running twice at once.
  const schedule = (): void => {
    if (stopped || running) return;
    running = run()
      .catch(() => undefined)
      .finally(() => {
        running = null;
      });
  };
  schedule();
  const timer = setInterval(schedule, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
