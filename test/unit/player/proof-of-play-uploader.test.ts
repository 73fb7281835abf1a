// The play event uploader against a real cache and a scripted controller: batches, acks, back-off, reconnects.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { openPlayerCache, type PlayerCache } from '../../../player/core/cache/player-cache.ts';
import { PlayerError } from '../../../player/core/errors.ts';
import { startPlayEventUploader, type PlayEventUploader, type SendPlayEvents } from '../../../player/core/sync/play-event-uploader.ts';
import type { PlayEvent, PlayEventBatch } from '../../../shared/protocol/proof-of-play.ts';
import { waitFor } from '../../support/wait-for.ts';
import { NOW, silentLogger, tempDir } from './fixtures.ts';

let dir: ReturnType<typeof tempDir>;
let cache: PlayerCache;
let uploader: PlayEventUploader | null = null;

beforeEach(() => {
  dir = tempDir();
  cache = openPlayerCache(dir.path);
});
afterEach(() => {
  uploader?.close();
  uploader = null;
  cache.close();
  dir.remove();
});

function recordClosedPlays(count: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`;
    const event: PlayEvent = { id, kind: 'slide', contentId: 'slide-1', contentHash: 'd'.repeat(64), manifestVersion: 1, listRevision: 0, startedAt: NOW + i, endedAt: NOW + i + 1 };
    cache.playEvents.apply([{ op: 'open', event }, { op: 'close', id, endedAt: event.endedAt }]);
    ids.push(id);
  }
  return ids;
}

/** A controller that stores ids like the real one (no doubles) and can be told to fail. */
function scriptedController() {
  const received: string[] = [];
  const stored = new Set<string>();
  const batches: number[] = [];
  let failures = 0;
  const send: SendPlayEvents = async (batch: PlayEventBatch) => {
    if (failures > 0) {
      failures--;
      throw new PlayerError('controller-refused', 'play:events: internal: database busy');
    }
    batches.push(batch.events.length);
    let accepted = 0;
    for (const event of batch.events) {
      received.push(event.id);
      if (!stored.has(event.id)) accepted++;
      stored.add(event.id);
    }
    return { accepted };
  };
  return { send, received, stored, batches, failNext: (n: number) => void (failures = n) };
}

const quiet = { logger: silentLogger, intervalMs: 3_600_000, retryBaseMs: 20, retryCapMs: 40, random: () => 0.5 };

describe('play event uploader', () => {
  it('sends everything pending in bounded batches and deletes each batch only after its ack', async () => {
    const ids = recordClosedPlays(12);
    const controller = scriptedController();
    uploader = startPlayEventUploader({ ...quiet, store: cache.playEvents, send: controller.send, canSend: () => true, batchSize: 5 });
    await uploader.flush();
    assert.deepEqual(controller.batches, [5, 5, 2]);
    assert.deepEqual([...controller.stored].sort(), ids);
    assert.equal(cache.playEvents.pendingCount(), 0);
  });

  it('keeps the events through a failed upload and sends them again after back-off', async () => {
    const ids = recordClosedPlays(3);
    const controller = scriptedController();
    controller.failNext(2);
    uploader = startPlayEventUploader({ ...quiet, store: cache.playEvents, send: controller.send, canSend: () => true });
    await uploader.flush();
    assert.equal(cache.playEvents.pendingCount(), 3, 'nothing deleted without an ack');
    assert.notEqual(uploader.nextRetryAt(), null);
    await waitFor('the retries to deliver the events', () => cache.playEvents.pendingCount() === 0);
    assert.deepEqual([...controller.stored].sort(), ids);
  });

  it('drops an event no controller could accept instead of failing every batch after it forever', async () => {
    const ids = recordClosedPlays(4);
    // A recorder bug left one event the wire schema refuses (the cache's own checks let it through): a content id past the limit.
    const bad: PlayEvent = { id: '00000000-0000-7000-8000-999999999999', kind: 'slide', contentId: 'x'.repeat(200), contentHash: 'd'.repeat(64), manifestVersion: 1, listRevision: 0, startedAt: NOW + 1, endedAt: NOW + 2 };
    cache.playEvents.apply([{ op: 'open', event: bad }, { op: 'close', id: bad.id, endedAt: bad.endedAt }]);
    const controller = scriptedController();
    uploader = startPlayEventUploader({ ...quiet, store: cache.playEvents, send: controller.send, canSend: () => true, batchSize: 3 });
    await uploader.flush();
    assert.deepEqual([...controller.stored].sort(), ids);
    assert.equal(controller.stored.has(bad.id), false);
    assert.equal(cache.playEvents.pendingCount(), 0);
  });

  it('waits for the link, then flushes when it comes back', async () => {
    recordClosedPlays(2);
    const controller = scriptedController();
    let linkUp = false;
    uploader = startPlayEventUploader({ ...quiet, store: cache.playEvents, send: controller.send, canSend: () => linkUp });
    await uploader.flush();
    assert.equal(controller.received.length, 0);
    linkUp = true;
    uploader.connectionChanged(true);
    await waitFor('the reconnect to flush', () => cache.playEvents.pendingCount() === 0);
    assert.equal(controller.received.length, 2);
  });

  it('keeps a batch whose ack arrives after close, to be re-sent (and deduplicated) after the restart', async () => {
    const ids = recordClosedPlays(2);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const controller = scriptedController();
    const slowSend: SendPlayEvents = async (batch) => {
      await gate;
      return controller.send(batch);
    };
    uploader = startPlayEventUploader({ ...quiet, store: cache.playEvents, send: slowSend, canSend: () => true });
    const flushing = uploader.flush();
    uploader.close();
    release();
    await flushing;
    assert.equal(cache.playEvents.pendingCount(), 2);

    uploader = startPlayEventUploader({ ...quiet, store: cache.playEvents, send: controller.send, canSend: () => true });
    await uploader.flush();
    assert.equal(cache.playEvents.pendingCount(), 0);
    assert.deepEqual(controller.received.sort(), [...ids, ...ids].sort(), 'sent twice');
    assert.equal(controller.stored.size, 2, 'stored once');
  });
});
