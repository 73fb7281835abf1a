// The controller's time, asked for by the player over its socket: the reference a screen's clock is corrected to.

import { z } from 'zod';

export const controllerTimeSchema = z.object({
  /** the controller's wall clock when it answered, epoch ms */
  controllerNow: z.number().int().positive(),
});
export type ControllerTime = z.infer<typeof controllerTimeSchema>;

/** A round trip longer than this says little about the time: the answer is ignored. */
export const MAX_USEFUL_CLOCK_RTT_MS = 5_000;

/**
 * The controller's time at the moment the answer arrived, assuming the request and the answer took
 * equally long (as NTP does); the error is at most half the round trip. Null when the round trip
 * was too slow to trust.
 */
export function estimateControllerTime(sentAtMonotonicMs: number, receivedAtMonotonicMs: number, controllerNow: number): number | null {
  const roundTrip = receivedAtMonotonicMs - sentAtMonotonicMs;
  if (roundTrip < 0 || roundTrip > MAX_USEFUL_CLOCK_RTT_MS) return null;
  return controllerNow + roundTrip / 2;
}
