// Trusted time for the player: the controller-corrected "now" that expiry and heartbeats use.

export interface Clock {
  /** epoch ms, corrected by the offset to the controller's clock */
  now(): number;
  /** ms to add to the local clock to get the controller's; reported in heartbeats */
  offsetMs(): number;
}

/**
 * The offset stays 0 until the protocol carries the controller's time; it is a function so a
 * later NTP-like estimate (or a test that jumps the clock) plugs in without touching callers.
 */
export function createClock(options: { localNow?: () => number; offsetMs?: () => number } = {}): Clock {
  const localNow = options.localNow ?? Date.now;
  const offsetMs = options.offsetMs ?? (() => 0);
  return {
    now: () => localNow() + offsetMs(),
    offsetMs,
  };
}
