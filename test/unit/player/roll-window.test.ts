// The scrolling list's window: which slots are rendered, as the scroll moves through a loop of entries and a gap.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { legChunks, legSteps, marqueeLeg, nextStart, rollWindow, windowSlots } from '../../../player/display/src/components/roll-window.ts';

describe('roll window', () => {
  it('renders three legs of a screenful each, whatever the list’s length', () => {
    const big = rollWindow({ entryCount: 100_000, viewportHeight: 830, rowHeight: 112 });
    assert.deepEqual(big, { rolling: true, slotCount: 100_001, visibleRows: 8, stepRows: 8, windowRows: 24 });
    const still = rollWindow({ entryCount: 7, viewportHeight: 830, rowHeight: 112 });
    assert.equal(still.rolling, false);
    assert.equal(still.windowRows, 7, 'a list that fits is rendered whole and stays still');
  });

  it('wraps past the gap with unique keys, marking a second appearance of an entry as an echo', () => {
    const slots = windowSlots(8, 7, 10);
    assert.deepEqual(slots.map((s) => s.entryIndex), [8, 9, null, 0, 1, 2, 3]);
    assert.equal(new Set(slots.map((s) => s.key)).size, 7);
    assert.ok(slots.every((s) => !s.echo));
    const short = windowSlots(0, 9, 4);
    assert.deepEqual(short.map((s) => s.entryIndex), [0, 1, 2, 3, null, 0, 1, 2, 3]);
    assert.deepEqual(short.map((s) => s.echo), [false, false, false, false, false, true, true, true, true]);
    assert.equal(new Set(short.map((s) => s.key)).size, 9);
  });

  it('cuts the window into a chunk a leg, whose first slot is the same when the window has moved a leg on', () => {
    const before = legChunks(windowSlots(0, 24, 100), 8);
    const after = legChunks(windowSlots(nextStart(0, 8, 101), 24, 100), 8);
    assert.deepEqual(before.map((chunk) => chunk.length), [8, 8, 8]);
    assert.deepEqual(after[0], before[1]);
    assert.deepEqual(after[1], before[2]);
  });

  it('steps around the loop', () => {
    assert.equal(nextStart(0, 8, 100_001), 8);
    assert.equal(nextStart(99_996, 8, 100_001), 3);
    assert.deepEqual(windowSlots(nextStart(99_996, 8, 100_001), 2, 100_000).map((s) => s.entryIndex), [3, 4]);
  });

  it('measures a marquee leg from the slots’ edges, or asks for more slots', () => {
    // Slots 300 px wide on a 1,000 px strip: the fifth (at 1,200) is the first to start past the strip's edge.
    assert.deepEqual(marqueeLeg([0, 300, 600, 900, 1200, 1500, 1800, 2100], 2400, 1000), { step: 4, distancePx: 1200 });
    assert.equal(marqueeLeg([0, 300, 600, 900, 1200, 1500], 1800, 1000), null, 'the strip would run dry before the leg ends');
    assert.deepEqual(marqueeLeg([0, 1400, 2800], 4200, 1000), { step: 1, distancePx: 1400 }, 'one entry wider than the strip is a leg of its own');
    assert.equal(marqueeLeg([0], 300, 1000), null);
  });
});

describe('strip detection', () => {
  it('takes LED strips for strips and every screen with room for rows for a screen', async () => {
    const { isStrip } = await import('../../../player/display/src/state/use-is-strip.ts');
    assert.deepEqual([isStrip(1536, 256), isStrip(960, 128), isStrip(1920, 1080), isStrip(1080, 1920), isStrip(3840, 2160), isStrip(1920, 540)], [true, true, false, false, false, false]);
  });
});

describe('scroll steps', () => {
  it('moves a leg in whole-pixel steps, about as many a second as a screen shows', () => {
    assert.equal(legSteps(864, 43.2), 864, '1 px a step at the 1080p speed');
    assert.equal(legSteps(1728, 86.4), 864, '2 px a step at twice the speed (4K)');
    assert.equal(legSteps(1729, 86.4), 1729, 'a leg 2 px steps do not divide moves by 1 px');
    assert.equal(legSteps(1800, 400), 300, '400 px/s: 6 px steps, 7 does not divide 1800');
    assert.equal(legSteps(863.6, 43.2), 864);
  });
});
