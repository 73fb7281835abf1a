// Position in a looping playlist: which item is on, and when it ends, from the loop's start.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { playlistPosition } from '../../../../shared/schedules/playlist-position.ts';

const PLAYLIST = {
  id: 'pl',
  items: [
    { contentId: 'list-red', durationMs: 30_000 },
    { contentId: 'slide-1', durationMs: 10_000 },
    { contentId: 'list-black', durationMs: 20_000 },
  ],
};
const STARTED = Date.parse('2024-03-05T08:00:00+08:00');

describe('playlist position', () => {
  it('plays the first item from the moment the loop starts', () => {
    assert.deepEqual(playlistPosition(PLAYLIST, STARTED, STARTED), {
      index: 0,
      item: PLAYLIST.items[0],
      loop: 0,
      itemStartedAtMs: STARTED,
      itemEndsAtMs: STARTED + 30_000,
    });
  });

  it('moves to the next item exactly when the previous one ends', () => {
    assert.equal(playlistPosition(PLAYLIST, STARTED, STARTED + 29_999).index, 0);
    const second = playlistPosition(PLAYLIST, STARTED, STARTED + 30_000);
    assert.equal(second.index, 1);
    assert.equal(second.itemStartedAtMs, STARTED + 30_000);
    assert.equal(second.itemEndsAtMs, STARTED + 40_000);
    assert.equal(playlistPosition(PLAYLIST, STARTED, STARTED + 59_999).index, 2);
  });

  it('loops back to the first item and counts the loops', () => {
    const position = playlistPosition(PLAYLIST, STARTED, STARTED + 60_000 * 3 + 35_000);
    assert.equal(position.index, 1);
    assert.equal(position.loop, 3);
    assert.equal(position.itemStartedAtMs, STARTED + 60_000 * 3 + 30_000);
    assert.equal(position.itemEndsAtMs, STARTED + 60_000 * 3 + 40_000);
  });

  it('resumes a restarted player at the same item and remaining time, given the same anchor', () => {
    const now = STARTED + 7 * 3_600_000 + 12_345;
    assert.deepEqual(playlistPosition(PLAYLIST, STARTED, now), playlistPosition(PLAYLIST, STARTED, now));
    const position = playlistPosition(PLAYLIST, STARTED, now);
    assert.ok(position.itemStartedAtMs <= now && now < position.itemEndsAtMs);
  });

  it('stays well-defined before the anchor, as if the loop had been running (a clock stepped back)', () => {
    const position = playlistPosition(PLAYLIST, STARTED, STARTED - 15_000);
    assert.equal(position.index, 2);
    assert.equal(position.loop, -1);
    assert.equal(position.itemStartedAtMs, STARTED - 20_000);
    assert.equal(position.itemEndsAtMs, STARTED);
  });

  it('plays a one-item playlist in a loop of its own length', () => {
    const position = playlistPosition({ items: [{ durationMs: 15_000 }] }, 0, 47_000);
    assert.deepEqual(position, { index: 0, item: { durationMs: 15_000 }, loop: 3, itemStartedAtMs: 45_000, itemEndsAtMs: 60_000 });
  });

  it('always puts now inside the item it returns', () => {
    for (let offset = -130_000; offset <= 130_000; offset += 1_250) {
      const position = playlistPosition(PLAYLIST, STARTED, STARTED + offset);
      assert.ok(position.itemStartedAtMs <= STARTED + offset && STARTED + offset < position.itemEndsAtMs, String(offset));
      assert.equal(position.itemEndsAtMs - position.itemStartedAtMs, position.item.durationMs);
    }
  });

  it('refuses an empty playlist and items without a positive duration', () => {
    assert.throws(() => playlistPosition({ items: [] }, 0, 0), RangeError);
    assert.throws(() => playlistPosition({ items: [{ durationMs: 0 }] }, 0, 0), RangeError);
    assert.throws(() => playlistPosition({ items: [{ durationMs: 1_000 }, { durationMs: -1 }] }, 0, 0), RangeError);
    assert.throws(() => playlistPosition({ items: [{ durationMs: 1_000 }] }, 0, Number.NaN), RangeError);
  });
});
