// Trusted time for the player: the controller's time once known, else the local clock, never earlier
// than what the player has already seen.
//
// Expiry is enforced against this clock even offline (invariant 3), so a kiosk whose RTC resets to
// 2000-01-01, or that a technician sets back a day, must not bring expired entries back. Once the
// player has asked the controller for its time, trusted time is that answer carried forward by the
// monotonic clock, so the wall clock no longer matters at all; before that (a boot while offline),
// the signed manifest's issuedAt and the persisted high-water mark are the floors. The decision is
// the pure stepClock; createClock wraps it.

/**
 * Wall-clock steps smaller than this, against the monotonic clock, are ordinary skew (NTP slewing,
 * timer jitter), not a jump. The expiry check runs every second, far more often than this.
 */
export const CLOCK_JUMP_TOLERANCE_MS = 2_000;

export interface ClockReading {
  /** the wall clock, epoch ms */
  localMs: number;
  /** a clock that never jumps (performance.now), to tell a jump of the wall clock from time passing */
  monotonicMs: number;
  /** the latest time known to have passed: signed manifest issuedAt, persisted high-water mark */
  floorMs: number;
  /** the controller's time now, from its last answer carried forward on the monotonic clock; null before the first */
  controllerMs?: number | null;
}

export interface ClockState {
  localMs: number;
  monotonicMs: number;
  /** ms added to the local clock; negative only when the controller says the local clock is ahead */
  correctionMs: number;
  /** the trusted time answered at this step, epoch ms */
  trustedMs: number;
  /** true once answers come from the controller's time */
  controllerBased?: boolean;
}

/**
 * One step of the trusted clock. Pure.
 * - With the controller's time known, trusted time is that time, in either direction and whatever
 *   the floors say: the floors only stand in for a reference the player does not have, and a local
 *   clock a year fast (whose time became the floor) would otherwise expire every entry early. From
 *   then on it never goes back.
 * - Without it, trusted time is the local clock plus a correction, never below the floor, never
 *   below the previous answer: it does not go backwards.
 * - A wall clock that jumps back grows the correction by the jump, so time keeps flowing from where
 *   it was instead of freezing; one that jumps forward (NTP fixing an RTC reset) shrinks it by as
 *   much, down to 0: a local clock that is right again is trusted as it is.
 * - A floor ahead of the local clock becomes the correction: the clock was behind.
 */
export function stepClock(previous: ClockState | null, reading: ClockReading): ClockState {
  if (reading.controllerMs !== undefined && reading.controllerMs !== null) {
    const trusted = Math.floor(previous?.controllerBased === true ? Math.max(reading.controllerMs, previous.trustedMs) : reading.controllerMs);
    return { localMs: reading.localMs, monotonicMs: reading.monotonicMs, correctionMs: trusted - reading.localMs, trustedMs: trusted, controllerBased: true };
  }
  let correction = previous?.correctionMs ?? 0;
  if (previous) {
    const jump = reading.localMs - previous.localMs - (reading.monotonicMs - previous.monotonicMs);
    if (Math.abs(jump) > CLOCK_JUMP_TOLERANCE_MS) correction = Math.max(0, correction - jump);
  }
  correction = Math.max(correction, reading.floorMs - reading.localMs);
  // Whole milliseconds: the cache stores times in STRICT INTEGER columns.
  const trusted = Math.floor(Math.max(reading.localMs + correction, previous?.trustedMs ?? Number.NEGATIVE_INFINITY));
  return { localMs: reading.localMs, monotonicMs: reading.monotonicMs, correctionMs: correction, trustedMs: trusted };
}

export interface Clock {
  /** epoch ms: the local clock, corrected so that it never goes back past what was already seen */
  now(): number;
  /** ms the trusted time is ahead of the local clock (negative: behind); heartbeats report it as clockOffsetMs */
  offsetMs(): number;
  /** the monotonic clock the controller's answers are timed with */
  monotonicNow(): number;
  /** the controller's time as estimated at `atMonotonicMs` (see estimateControllerTime) */
  observeControllerTime(controllerMs: number, atMonotonicMs: number): void;
}

export interface ClockSources {
  /** the wall clock; tests pass one they can jump */
  localNow?: () => number;
  /** defaults to performance.now(); a test that drives localNow alone can pass the same function */
  monotonicNow?: () => number;
  /** read at every step, so a newly applied manifest raises it at once */
  floorMs?: () => number;
}

export function createClock(sources: ClockSources = {}): Clock {
  const localNow = sources.localNow ?? Date.now;
  const monotonicNow = sources.monotonicNow ?? (() => performance.now());
  const floorMs = sources.floorMs ?? (() => 0);
  let state: ClockState | null = null;
  let reference: { controllerMs: number; monotonicMs: number } | null = null;
  const step = (): ClockState => {
    const monotonicMs = monotonicNow();
    const controllerMs = reference === null ? null : reference.controllerMs + (monotonicMs - reference.monotonicMs);
    state = stepClock(state, { localMs: localNow(), monotonicMs, floorMs: floorMs(), controllerMs });
    return state;
  };
  return {
    now: () => step().trustedMs,
    offsetMs: () => {
      const current = step();
      return current.trustedMs - current.localMs;
    },
    monotonicNow,
    observeControllerTime: (controllerMs, atMonotonicMs) => {
      reference = { controllerMs, monotonicMs: atMonotonicMs };
    },
  };
}
