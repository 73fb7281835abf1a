// The proof-of-play decisions, without a database or a clock: which content a scene is, when plays
// open, close, split and checkpoint, and the UUIDv7 ids they carry.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PlayWrite } from '../../../player/core/cache/play-event-store.ts';
import { playContentOf, type PlayContent } from '../../../player/core/proof-of-play/play-content.ts';
import { IDLE, recordShowing, recordStop, recordTick, type RecorderRules, type RecorderState } from '../../../player/core/proof-of-play/play-recorder.ts';
import { uuidV7 } from '../../../player/core/proof-of-play/uuid-v7.ts';
import { NOW, makeEntry, makeManifest, slideBytes } from './fixtures.ts';

const RULES: RecorderRules = { segmentMs: 300_000, staleAfterMs: 40_000, checkpointMs: 30_000 };
const red: PlayContent = { kind: 'list', contentId: 'list-red', contentHash: 'a'.repeat(64), manifestVersion: 2, listRevision: 5 };
const slide: PlayContent = { kind: 'slide', contentId: 'slide-1', contentHash: 'b'.repeat(64), manifestVersion: 2, listRevision: 5 };

/** Feeds reports [time, content] through the recorder and collects every write. */
function run(reports: Array<[number, PlayContent | null]>, state: RecorderState = IDLE): { state: RecorderState; writes: PlayWrite[] } {
  const writes: PlayWrite[] = [];
  let serial = 0;
  for (const [at, content] of reports) {
    const step = recordShowing(state, content, at, `id-${++serial}`, RULES);
    state = step.state;
    writes.push(...step.writes);
  }
  return { state, writes };
}

describe('proof-of-play content', () => {
  const entries = [makeEntry({ id: 'e1' })];
  const slideAsset = slideBytes();
  const manifest = makeManifest({
    version: 7,
    revision: 4,
    entries,
    timeline: [
      { kind: 'list', id: 'list-black', list: 'black', title: '失信黑名单', source: '信用中国（乌海）', durationMs: 30_000 },
      { kind: 'slide', id: 'slide-9', asset: { sha256: slideAsset.sha256, bytes: slideAsset.bytes.length }, durationMs: 15_000 },
    ],
  });

  it('names a slide by its asset hash and a list view by the digest of the list data the manifest pins', () => {
    assert.deepEqual(playContentOf(manifest, { kind: 'slide', id: 'slide-9' }, 4), { kind: 'slide', contentId: 'slide-9', contentHash: slideAsset.sha256, manifestVersion: 7, listRevision: 4 });
    assert.deepEqual(playContentOf(manifest, { kind: 'list', id: 'list-black' }, 4), { kind: 'list', contentId: 'list-black', contentHash: manifest.lists.digest, manifestVersion: 7, listRevision: 4 });
  });

  it('records nothing for pairing, the fallback slide, an unknown item or a kind that does not match', () => {
    assert.equal(playContentOf(manifest, { kind: 'fallback', id: null }, 4), null);
    assert.equal(playContentOf(manifest, { kind: 'pairing', id: null }, 4), null);
    assert.equal(playContentOf(manifest, { kind: 'slide', id: 'slide-404' }, 4), null);
    assert.equal(playContentOf(manifest, { kind: 'list', id: 'slide-9' }, 4), null);
    assert.equal(playContentOf(null, { kind: 'list', id: 'list-black' }, 4), null);
  });
});

describe('proof-of-play recorder', () => {
  it('opens a play when an item appears and closes it when the page reports the next one', () => {
    const { state, writes } = run([[NOW, red], [NOW + 15_000, red], [NOW + 25_000, slide]]);
    assert.deepEqual(writes, [
      { op: 'open', event: { id: 'id-1', ...red, startedAt: NOW, endedAt: NOW } },
      { op: 'close', id: 'id-1', endedAt: NOW + 25_000 },
      { op: 'open', event: { id: 'id-3', ...slide, startedAt: NOW + 25_000, endedAt: NOW + 25_000 } },
    ]);
    assert.equal(state.open?.id, 'id-3');
  });

  it('closes the play and opens none when the fallback slide or pairing screen comes up', () => {
    const { state, writes } = run([[NOW, red], [NOW + 10_000, null]]);
    assert.deepEqual(writes.at(-1), { op: 'close', id: 'id-1', endedAt: NOW + 10_000 });
    assert.equal(state.open, null);
  });

  it('treats a new list revision of the same item as new content', () => {
    const { writes } = run([[NOW, red], [NOW + 10_000, { ...red, listRevision: 6 }]]);
    assert.deepEqual(writes.map((w) => w.op), ['open', 'close', 'open']);
  });

  it('splits a long play at the first confirmation after the segment length, with no gap between segments', () => {
    const reports: Array<[number, PlayContent]> = [];
    // One list view confirmed every 15 s for 20 minutes.
    for (let at = NOW; at <= NOW + 20 * 60_000; at += 15_000) reports.push([at, red]);
    const { writes } = run(reports);
    const closes = writes.filter((w) => w.op === 'close');
    const opens = writes.filter((w): w is Extract<PlayWrite, { op: 'open' }> => w.op === 'open');
    assert.equal(opens.length, 5, 'segments at 0, 5, 10, 15 and 20 minutes');
    assert.equal(closes.length, 4);
    for (const [index, close] of closes.entries()) {
      assert.equal(close.endedAt, opens[index + 1]?.event.startedAt, 'each segment starts where the last ended');
      assert.ok(close.endedAt - (opens[index]?.event.startedAt ?? 0) <= RULES.segmentMs + 15_000);
    }
  });

  it('checkpoints the open play about every 30 s, so a crash loses only that much of it', () => {
    const { writes } = run([[NOW, red], [NOW + 15_000, red], [NOW + 30_000, red], [NOW + 45_000, red], [NOW + 60_000, red]]);
    assert.deepEqual(writes.filter((w) => w.op === 'checkpoint'), [
      { op: 'checkpoint', id: 'id-1', endedAt: NOW + 30_000 },
      { op: 'checkpoint', id: 'id-1', endedAt: NOW + 60_000 },
    ]);
  });

  it('ends a play at its last confirmation when the page goes silent', () => {
    const { state } = run([[NOW, red], [NOW + 15_000, red]]);
    assert.deepEqual(recordTick(state, NOW + 15_000 + RULES.staleAfterMs, RULES).writes, [], 'not yet stale');
    const step = recordTick(state, NOW + 15_000 + RULES.staleAfterMs + 1, RULES);
    assert.deepEqual(step.writes, [{ op: 'close', id: 'id-1', endedAt: NOW + 15_000 }]);
    assert.equal(step.state.open, null);
  });

  it('does not stretch a play across a silence: a report after it starts a new play', () => {
    const { writes } = run([[NOW, red], [NOW + 120_000, red]]);
    assert.deepEqual(writes, [
      { op: 'open', event: { id: 'id-1', ...red, startedAt: NOW, endedAt: NOW } },
      { op: 'close', id: 'id-1', endedAt: NOW },
      { op: 'open', event: { id: 'id-2', ...red, startedAt: NOW + 120_000, endedAt: NOW + 120_000 } },
    ]);
  });

  it('ends the open play at shutdown', () => {
    const { state } = run([[NOW, slide]]);
    assert.deepEqual(recordStop(state, NOW + 7_000, RULES).writes, [{ op: 'close', id: 'id-1', endedAt: NOW + 7_000 }]);
    assert.deepEqual(recordStop(IDLE, NOW, RULES).writes, []);
  });
});

describe('UUIDv7 play event ids', () => {
  it('puts the time in the first 48 bits, and version 7 and the RFC variant where they belong', () => {
    const id = uuidV7(0x0190a6e41b2c, new Uint8Array(10).fill(0xff));
    assert.equal(id, '0190a6e4-1b2c-7fff-bfff-ffffffffffff');
    assert.match(uuidV7(NOW, new Uint8Array(10)), /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sorts by time across milliseconds', () => {
    const random = new Uint8Array(10).fill(0xab);
    assert.ok(uuidV7(NOW, random) < uuidV7(NOW + 1, new Uint8Array(10)));
  });

  it('refuses a time it cannot encode and too few random bytes', () => {
    assert.throws(() => uuidV7(-1, new Uint8Array(10)), RangeError);
    assert.throws(() => uuidV7(2 ** 48, new Uint8Array(10)), RangeError);
    assert.throws(() => uuidV7(NOW, new Uint8Array(9)), RangeError);
  });
});
