// Asks the controller for its time over the socket and sets the player's clock by it (see clock.ts).

import type { Logger } from 'pino';
import type { Socket } from 'socket.io-client';
import { controllerTimeSchema, estimateControllerTime } from '../../../shared/protocol/clock.ts';
import type { ControllerToPlayerEvents, PlayerToControllerEvents } from '../../../shared/protocol/events.ts';
import type { Clock } from '../clock.ts';
import { ACK_TIMEOUT_MS, unwrapAck } from './socket-link.ts';

/**
 * Hourly is plenty: between answers the monotonic clock carries the time, and quartz drifts by
 * seconds a day at worst, against expiry dates that count in days.
 */
export const CONTROLLER_CLOCK_RESYNC_MS = 60 * 60 * 1000;

/** True when the clock was set. */
export async function syncControllerClock(socket: Socket<ControllerToPlayerEvents, PlayerToControllerEvents>, clock: Clock, logger: Logger): Promise<boolean> {
  const sentAt = clock.monotonicNow();
  try {
    const answer = controllerTimeSchema.parse(unwrapAck(await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('clock:now'), 'clock:now'));
    const receivedAt = clock.monotonicNow();
    const estimate = estimateControllerTime(sentAt, receivedAt, answer.controllerNow);
    if (estimate === null) {
      logger.debug({ roundTripMs: receivedAt - sentAt }, 'controller time answer too slow to use');
      return false;
    }
    clock.observeControllerTime(estimate, receivedAt);
    logger.debug({ offsetMs: clock.offsetMs() }, 'clock set by the controller');
    return true;
  } catch (error) {
    // An older controller without 'clock:now', or a dropped link: the local clock and floors remain.
    logger.debug({ err: error }, 'controller time unavailable');
    return false;
  }
}
