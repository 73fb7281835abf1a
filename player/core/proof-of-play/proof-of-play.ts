// Proof of play in the player core: records what the kiosk page reports on screen into the cache
// (play-recorder.ts decides, this applies) and uploads closed events once the controller link is up.

import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { MAX_PLAY_EVENT_SPAN_MS } from '../../../shared/protocol/proof-of-play.ts';
import type { Manifest } from '../../../shared/protocol/manifest.ts';
import type { PlayEventStore } from '../cache/play-event-store.ts';
import { errorMessage } from '../errors.ts';
import { startPlayEventUploader, sendPlayEventsOver, type PlayEventUploader } from '../sync/play-event-uploader.ts';
import type { PlayerSocket } from '../sync/socket-link.ts';
import { playContentOf, samePlayContent, type PlayContent, type ShownItem } from './play-content.ts';
import { DEFAULT_RECORDER_RULES, IDLE, recordShowing, recordStop, recordTick, type RecorderRules, type RecorderState, type RecorderStep } from './play-recorder.ts';
import { UUID_V7_RANDOM_BYTES, uuidV7 } from './uuid-v7.ts';

/** Tests shorten these; the defaults are the recorder's and the uploader's own. */
export interface ProofOfPlayOptions extends Partial<RecorderRules> {
  /** how often a silent page is noticed (default 5 s, well inside staleAfterMs) */
  tickMs?: number;
  uploadIntervalMs?: number;
  uploadRetryBaseMs?: number;
  uploadRetryCapMs?: number;
  uploadBatchSize?: number;
}

export interface ProofOfPlayDeps {
  store: PlayEventStore;
  /** the player's trusted clock */
  now: () => number;
  manifest: () => Manifest | null;
  listRevision: () => number;
  logger: Logger;
  options?: ProofOfPlayOptions;
}

export interface ProofOfPlay {
  /** the kiosk page reported what it shows */
  displayShowing(shown: ShownItem): void;
  /**
   * A new manifest or list revision was applied: the item on screen may now be other content (a
   * new list revision), so the open play is re-attributed at once instead of at the next report.
   */
  contentChanged(): void;
  /** the content of the play open now, if any */
  onScreen(): PlayContent | null;
  /** starts uploading once the controller link exists; `socket` is read at each upload */
  startUploads(link: { socket: () => PlayerSocket | null; paired: () => boolean }): void;
  connectionChanged(connected: boolean): void;
  /** uploads what is pending now */
  flush(): Promise<void>;
  /** ends the play on screen (recorded, uploaded after the restart) and stops the timers */
  close(): void;
}

const DEFAULT_TICK_MS = 5_000;

export function startProofOfPlay(deps: ProofOfPlayDeps): ProofOfPlay {
  const logger = deps.logger.child({ module: 'proof-of-play' });
  const options = deps.options ?? {};
  const rules: RecorderRules = {
    segmentMs: options.segmentMs ?? DEFAULT_RECORDER_RULES.segmentMs,
    staleAfterMs: options.staleAfterMs ?? DEFAULT_RECORDER_RULES.staleAfterMs,
    checkpointMs: options.checkpointMs ?? DEFAULT_RECORDER_RULES.checkpointMs,
  };
  // A longer play would be refused by the controller and then block the upload queue for good.
  if (rules.segmentMs + rules.staleAfterMs > MAX_PLAY_EVENT_SPAN_MS) {
    throw new RangeError(`proof of play: segmentMs + staleAfterMs must not exceed ${MAX_PLAY_EVENT_SPAN_MS} ms`);
  }

  const interrupted = deps.store.closeInterrupted();
  if (interrupted > 0) logger.warn({ interrupted }, 'closed plays cut short by the last shutdown at their last checkpoint');

  let state: RecorderState = IDLE;
  let closed = false;
  let uploader: PlayEventUploader | null = null;
  let lastShown: ShownItem | null = null;
  const newId = (): string => uuidV7(deps.now(), randomBytes(UUID_V7_RANDOM_BYTES));

  function apply(step: RecorderStep): void {
    try {
      deps.store.apply(step.writes);
      state = step.state;
    } catch (error) {
      // The state stays as the cache has it, so the next report retries the same writes' intent.
      logger.error({ err: errorMessage(error) }, 'recording a play failed');
    }
  }

  // Started by the first report: before the page reports, nothing is open that could go stale.
  let tick: NodeJS.Timeout | null = null;
  function startTicking(): void {
    tick = setInterval(() => {
      if (!closed) apply(recordTick(state, deps.now(), rules));
    }, options.tickMs ?? DEFAULT_TICK_MS);
    tick.unref();
  }

  return {
    displayShowing(shown) {
      if (closed) return;
      if (!tick) startTicking();
      const content = playContentOf(deps.manifest(), shown, deps.listRevision());
      // Once per scene, not at every keep-alive report.
      if (!content && shown.id !== null && (shown.id !== lastShown?.id || shown.kind !== lastShown.kind)) {
        logger.warn({ kind: shown.kind, id: shown.id }, 'the page shows an item the manifest does not name; not recorded');
      }
      lastShown = shown;
      apply(recordShowing(state, content, deps.now(), newId(), rules));
    },
    contentChanged() {
      const open = state.open;
      if (closed || !open || !lastShown) return;
      const content = playContentOf(deps.manifest(), lastShown, deps.listRevision());
      if (content && samePlayContent(content, open.content)) return;
      apply(recordShowing(state, content, deps.now(), newId(), rules));
    },
    onScreen: () => state.open?.content ?? null,
    startUploads(link) {
      if (closed || uploader) return;
      uploader = startPlayEventUploader({
        store: deps.store,
        send: sendPlayEventsOver(link.socket),
        canSend: () => link.paired() && (link.socket()?.connected ?? false),
        logger,
        intervalMs: options.uploadIntervalMs,
        retryBaseMs: options.uploadRetryBaseMs,
        retryCapMs: options.uploadRetryCapMs,
        batchSize: options.uploadBatchSize,
      });
      void uploader.flush();
    },
    connectionChanged(connected) {
      uploader?.connectionChanged(connected);
    },
    flush: () => uploader?.flush() ?? Promise.resolve(),
    close() {
      if (closed) return;
      apply(recordStop(state, deps.now(), rules));
      closed = true;
      if (tick) clearInterval(tick);
      uploader?.close();
    },
  };
}
