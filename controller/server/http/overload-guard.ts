// Sheds new Socket.IO connections while the controller's event loop lags. After a restart ten
// thousand screens return within seconds; accepted faster than they can be greeted, they queue,
// time out after 20 s half-greeted, and come back again, so most of the work is wasted. Refused at
// once (a few bytes of HTTP), they retry after their jittered back-off while those already in get
// served.

import { performance } from 'node:perf_hooks';

/** How late the loop may run before new connections are refused: far above a healthy loop's few ms. */
export const SHED_AT_LAG_MS = 250;
const SAMPLE_MS = 50;

/** The lag estimate after one sample: it rises at once with a late tick and decays over a few. */
export function nextLagEstimate(previousMs: number, driftMs: number): number {
  return Math.max(driftMs, previousMs * 0.5);
}

export function shouldShed(lagMs: number): boolean {
  return lagMs > SHED_AT_LAG_MS;
}

export interface OverloadGuard {
  /** engine.io's allowRequest */
  allowRequest(request: unknown, decide: (error: string | null | undefined, success: boolean) => void): void;
  lagMs(): number;
  stop(): void;
}

export function startOverloadGuard(): OverloadGuard {
  let lag = 0;
  let expected = performance.now() + SAMPLE_MS;
  const timer = setInterval(() => {
    const now = performance.now();
    lag = nextLagEstimate(lag, Math.max(0, now - expected));
    expected = now + SAMPLE_MS;
  }, SAMPLE_MS);
  timer.unref();
  return {
    allowRequest(_request, decide) {
      if (shouldShed(lag)) decide('overloaded', false);
      else decide(null, true);
    },
    lagMs: () => lag,
    stop: () => clearInterval(timer),
  };
}
