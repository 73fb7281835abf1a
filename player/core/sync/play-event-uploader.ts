// Uploads closed play events in batches over the controller link; deletes them only after an ok ack.
// Flushes on reconnect and on a timer, and backs off after a failed upload.

import type { Logger } from 'pino';
import { MAX_PLAY_EVENTS_PER_BATCH, playEventSchema, playEventsAcceptedSchema, type PlayEventBatch, type PlayEventsAccepted } from '../../../shared/protocol/proof-of-play.ts';
import type { PlayEventStore } from '../cache/play-event-store.ts';
import { errorMessage, PlayerError } from '../errors.ts';
import { ACK_TIMEOUT_MS, unwrapAck, type PlayerSocket } from './socket-link.ts';
import { backoffDelayMs } from './sync-decisions.ts';

/** Often enough that auditors see a screen's plays within minutes; each upload is one small message. */
export const PLAY_UPLOAD_INTERVAL_MS = 60_000;
/** First retry after a failed upload; doubles up to the cap. Same full jitter as reconnects. */
export const PLAY_UPLOAD_RETRY_BASE_MS = 5_000;
export const PLAY_UPLOAD_RETRY_CAP_MS = 300_000;

export type SendPlayEvents = (batch: PlayEventBatch) => Promise<PlayEventsAccepted>;

export interface PlayEventUploaderOptions {
  store: Pick<PlayEventStore, 'pending' | 'removeAcked'>;
  send: SendPlayEvents;
  /** connected and paired: an unpaired socket has no screen to file the events under */
  canSend: () => boolean;
  logger: Logger;
  intervalMs?: number;
  retryBaseMs?: number;
  retryCapMs?: number;
  batchSize?: number;
  random?: () => number;
}

export interface PlayEventUploader {
  /** Uploads everything pending now, batch after batch; joins an upload already running. */
  flush(): Promise<void>;
  connectionChanged(connected: boolean): void;
  /** when the retry after a failed upload fires (epoch ms of the local clock), or null */
  nextRetryAt(): number | null;
  close(): void;
}

/** `current` is read at each call: the socket is replaced after pairing. */
export function sendPlayEventsOver(current: () => PlayerSocket | null): SendPlayEvents {
  return async (batch) => {
    const socket = current();
    // Without this, socket.io would buffer the batch and send it on some later connection.
    if (!socket?.connected) throw new PlayerError('not-connected', 'not connected to the controller');
    const value = unwrapAck(await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('play:events', batch), 'play:events');
    const parsed = playEventsAcceptedSchema.safeParse(value);
    if (!parsed.success) throw new PlayerError('invalid-payload', 'malformed ack to play:events');
    return parsed.data;
  };
}

export function startPlayEventUploader(options: PlayEventUploaderOptions): PlayEventUploader {
  const logger = options.logger.child({ module: 'play-uploader' });
  const batchSize = Math.min(options.batchSize ?? MAX_PLAY_EVENTS_PER_BATCH, MAX_PLAY_EVENTS_PER_BATCH);
  let closed = false;
  let running: Promise<void> | null = null;
  let again = false;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let retryAt: number | null = null;

  function cancelRetry(): void {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    retryAt = null;
  }

  function scheduleRetry(): void {
    cancelRetry();
    const delay = backoffDelayMs(attempt++, options.random, options.retryBaseMs ?? PLAY_UPLOAD_RETRY_BASE_MS, options.retryCapMs ?? PLAY_UPLOAD_RETRY_CAP_MS);
    retryAt = Date.now() + delay;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      retryAt = null;
      void flush();
    }, delay);
    retryTimer.unref();
  }

  /** One pass: batches until the queue is empty, the link drops or an upload fails. */
  async function drain(): Promise<void> {
    while (!closed && options.canSend()) {
      const pending = options.store.pending(batchSize);
      if (pending.length === 0) break;
      // An event the wire schema refuses (a recorder bug, a row damaged on disk) can never be
      // accepted; sent along, it would fail its whole batch on every retry and hold every later
      // play back for good. It is dropped here, loudly, and the rest go on.
      const events = pending.filter((event) => playEventSchema.safeParse(event).success);
      if (events.length < pending.length) {
        const refused = pending.filter((event) => !events.includes(event));
        logger.error({ ids: refused.map((event) => event.id), count: refused.length }, 'dropping play events that no controller can accept');
        options.store.removeAcked(refused.map((event) => event.id));
        if (events.length === 0) continue;
      }
      let accepted: number;
      try {
        ({ accepted } = await options.send({ events }));
      } catch (error) {
        if (closed) return;
        logger.warn({ err: errorMessage(error), events: events.length, attempt }, 'play event upload failed; will retry');
        scheduleRetry();
        return;
      }
      // Closed meanwhile: the cache may be gone. The events stay and are re-sent after the restart;
      // the controller's idempotent insert makes that harmless.
      if (closed) return;
      options.store.removeAcked(events.map((event) => event.id));
      attempt = 0;
      logger.debug({ sent: events.length, accepted }, 'play events acknowledged');
      if (pending.length < batchSize) break;
    }
  }

  function flush(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    cancelRetry();
    const loop = async (): Promise<void> => {
      do {
        again = false;
        await drain();
      } while (again && !closed && retryTimer === null);
    };
    running = loop()
      .catch((error: unknown) => {
        // A cache error (say, closed under us) must not become an unhandled rejection in a timer.
        if (!closed) logger.error({ err: errorMessage(error) }, 'play event upload crashed');
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  const interval = setInterval(() => {
    // While a retry is pending, the back-off decides when to try again, not the timer.
    if (retryTimer === null) void flush();
  }, options.intervalMs ?? PLAY_UPLOAD_INTERVAL_MS);
  interval.unref();

  return {
    flush,
    connectionChanged(connected) {
      if (closed) return;
      if (!connected) {
        // The reconnect flushes at once; a retry firing while disconnected would do nothing.
        cancelRetry();
        return;
      }
      attempt = 0;
      void flush();
    },
    nextRetryAt: () => retryAt,
    close() {
      closed = true;
      clearInterval(interval);
      cancelRetry();
    },
  };
}
