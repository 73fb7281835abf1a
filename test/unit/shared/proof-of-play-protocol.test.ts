// The proof-of-play wire schemas: a good event passes, bad ones are refused, and a full batch fits one message.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MAX_PLAY_EVENT_SPAN_MS,
  MAX_PLAY_EVENTS_PER_BATCH,
  PLAY_CONTENT_ID_MAX,
  playEventBatchSchema,
  playEventSchema,
  playEventsAcceptedSchema,
  type PlayEvent,
} from '../../../shared/protocol/index.ts';

/** The controller's Socket.IO maxHttpBufferSize (controller.ts, MAX_PLAYER_MESSAGE_BYTES). */
const MAX_PLAYER_MESSAGE_BYTES = 256 * 1024;

const event: PlayEvent = {
  id: '0190a6e4-1b2c-7d3e-8f40-123456789abc',
  kind: 'slide',
  contentId: 'slide-7f0c',
  contentHash: 'a'.repeat(64),
  manifestVersion: 3,
  listRevision: 12,
  startedAt: 1_717_214_400_000,
  endedAt: 1_717_214_415_000,
};

describe('proof-of-play protocol', () => {
  it('accepts a well-formed play event and batch, and the ack', () => {
    assert.equal(playEventSchema.safeParse(event).success, true);
    assert.equal(playEventBatchSchema.safeParse({ events: [event] }).success, true);
    assert.equal(playEventsAcceptedSchema.safeParse({ accepted: 0 }).success, true);
  });

  it('refuses an event that ends before it starts or spans more than an hour', () => {
    assert.equal(playEventSchema.safeParse({ ...event, endedAt: event.startedAt - 1 }).success, false);
    assert.equal(playEventSchema.safeParse({ ...event, endedAt: event.startedAt + MAX_PLAY_EVENT_SPAN_MS + 1 }).success, false);
    assert.equal(playEventSchema.safeParse({ ...event, endedAt: event.startedAt }).success, true, 'a zero-length play is still a fact');
  });

  it('refuses ids, hashes, kinds and numbers that are not what the contract says', () => {
    const bad: Array<Partial<Record<keyof PlayEvent, unknown>>> = [
      { id: 'not-a-uuid' },
      { id: event.id.toUpperCase() },
      { contentHash: 'A'.repeat(64) },
      { contentHash: 'a'.repeat(63) },
      { kind: 'hologram' },
      { contentId: '' },
      { contentId: 'x'.repeat(PLAY_CONTENT_ID_MAX + 1) },
      { manifestVersion: 0 },
      { listRevision: -1 },
      { startedAt: 1.5 },
      { endedAt: '1717214415000' },
    ];
    for (const change of bad) assert.equal(playEventSchema.safeParse({ ...event, ...change }).success, false, JSON.stringify(change));
  });

  it('bounds a batch to 1..500 events', () => {
    assert.equal(playEventBatchSchema.safeParse({ events: [] }).success, false);
    assert.equal(playEventBatchSchema.safeParse({ events: Array.from({ length: MAX_PLAY_EVENTS_PER_BATCH + 1 }, () => event) }).success, false);
  });

  it('keeps the largest valid batch inside the controller\'s message limit', () => {
    const widest: PlayEvent = {
      ...event,
      contentId: 'x'.repeat(PLAY_CONTENT_ID_MAX),
      manifestVersion: Number.MAX_SAFE_INTEGER,
      listRevision: Number.MAX_SAFE_INTEGER,
      startedAt: Number.MAX_SAFE_INTEGER - MAX_PLAY_EVENT_SPAN_MS,
      endedAt: Number.MAX_SAFE_INTEGER,
    };
    const batch = { events: Array.from({ length: MAX_PLAY_EVENTS_PER_BATCH }, () => widest) };
    assert.equal(playEventBatchSchema.safeParse(batch).success, true);
    assert.ok(Buffer.byteLength(JSON.stringify(batch)) < MAX_PLAYER_MESSAGE_BYTES);
  });
});
