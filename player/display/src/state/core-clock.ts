// The core's trusted clock, carried forward between state fetches with the page's monotonic clock.
import { createContext, useContext, useEffect, useState } from 'react';
import type { StateSnapshot } from './use-display-state.ts';

export interface CoreClock {
  now(): number;
}

/**
 * performance.now() is monotonic, so a wall-clock jump on the kiosk machine cannot bring an
 * expired entry back; only the core's nowMs (controller-corrected) sets the epoch.
 */
export function coreClockFrom(snapshot: StateSnapshot | null): CoreClock {
  if (snapshot === null || snapshot.state.mode !== 'playing') return { now: () => Date.now() };
  const { nowMs } = snapshot.state;
  const { receivedAt } = snapshot;
  return { now: () => nowMs + (performance.now() - receivedAt) };
}

export const CoreClockContext = createContext<CoreClock>({ now: () => Date.now() });

export function useCoreClock(): CoreClock {
  return useContext(CoreClockContext);
}

/** Re-renders on each whole second of the core's clock and returns its time. */
export function useCoreNowEverySecond(): number {
  const clock = useCoreClock();
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = (): void => {
      const current = clock.now();
      setNow(current);
      // Aligning to the second boundary keeps the seconds digit from stuttering.
      timer = setTimeout(tick, 1_000 - (current % 1_000) + 5);
    };
    tick();
    return () => clearTimeout(timer);
  }, [clock]);
  return now;
}
