// Unit tests for the player's trusted clock: floors, backward and forward jumps, the reported correction.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLOCK_JUMP_TOLERANCE_MS, createClock, stepClock, type ClockState } from '../../../player/core/clock.ts';
import { DAY_MS, NOW } from './fixtures.ts';

/** Drives stepClock through readings of [local, monotonic, floor], returning the trusted times. */
function run(readings: ReadonlyArray<readonly [local: number, monotonic: number, floor?: number]>): ClockState[] {
  const states: ClockState[] = [];
  let state: ClockState | null = null;
  for (const [localMs, monotonicMs, floorMs = 0] of readings) {
    state = stepClock(state, { localMs, monotonicMs, floorMs });
    states.push(state);
  }
  return states;
}

describe('trusted clock', () => {
  it('is the local clock when nothing is wrong', () => {
    const states = run([
      [NOW, 0],
      [NOW + 1_000, 1_000],
      [NOW + 61_000, 61_000, NOW - DAY_MS],
    ]);
    assert.deepEqual(states.map((s) => [s.trustedMs, s.correctionMs]), [
      [NOW, 0],
      [NOW + 1_000, 0],
      [NOW + 61_000, 0],
    ]);
  });

  it('keeps time flowing from where it was when the local clock is set back', () => {
    const states = run([
      [NOW, 0],
      [NOW - DAY_MS, 1_000],
      [NOW - DAY_MS + 5_000, 6_000],
    ]);
    assert.deepEqual(states.map((s) => s.trustedMs), [NOW, NOW + 1_000, NOW + 6_000]);
    assert.equal(states[2]?.correctionMs, DAY_MS + 1_000);
  });

  it('starts from the floor when the RTC reset at boot, then lets the local clock take over once NTP fixes it', () => {
    const rtcReset = Date.UTC(2000, 0, 1);
    const states = run([
      [rtcReset, 0, NOW],
      [rtcReset + 10_000, 10_000, NOW],
      // NTP sets the right time, which is somewhat later than the floor.
      [NOW + 3_600_000, 10_500, NOW],
      [NOW + 3_601_000, 11_500, NOW],
    ]);
    assert.deepEqual(states.map((s) => s.trustedMs), [NOW, NOW + 10_000, NOW + 3_600_000, NOW + 3_601_000]);
    assert.equal(states[3]?.correctionMs, 0);
  });

  it('raises the correction when a newer floor (a signed manifest) is ahead of the local clock', () => {
    const states = run([
      [NOW, 0, 0],
      [NOW + 1_000, 1_000, NOW + 31_000],
      [NOW + 2_000, 2_000, NOW + 31_000],
    ]);
    assert.deepEqual(states.map((s) => s.trustedMs), [NOW, NOW + 31_000, NOW + 32_000]);
  });

  it('never answers an earlier time, even for small steps back that are not jumps', () => {
    const states = run([
      [NOW, 0],
      [NOW - CLOCK_JUMP_TOLERANCE_MS + 1, 0],
      [NOW + 10, 10],
    ]);
    assert.deepEqual(states.map((s) => s.trustedMs), [NOW, NOW, NOW + 10]);
  });

  it('answers whole milliseconds, since the cache stores them as integers', () => {
    const [state] = run([[NOW, 0, NOW + 0.5]]);
    assert.equal(state?.trustedMs, NOW);
    assert.ok(Number.isInteger(state?.trustedMs));
  });

  it('reports how far trusted time is ahead of the local clock', () => {
    let local = NOW;
    let monotonic = 0;
    const clock = createClock({ localNow: () => local, monotonicNow: () => monotonic, floorMs: () => NOW - DAY_MS });
    assert.equal(clock.now(), NOW);
    assert.equal(clock.offsetMs(), 0);
    local -= DAY_MS;
    assert.equal(clock.now(), NOW);
    assert.equal(clock.offsetMs(), DAY_MS);
    monotonic += 500;
    local += 500;
    assert.equal(clock.now(), NOW + 500);
  });

  it('follows the controller once it has answered, in either direction, and carries it on the monotonic clock', () => {
    let local = NOW + 3 * DAY_MS;
    let monotonic = 0;
    const clock = createClock({ localNow: () => local, monotonicNow: () => monotonic });
    // The local clock is three days ahead: without the controller, entries would expire three days early.
    clock.observeControllerTime(NOW, monotonic);
    assert.equal(clock.now(), NOW);
    assert.equal(clock.offsetMs(), -3 * DAY_MS);
    // A technician now sets the wall clock back a week; trusted time flows on regardless.
    monotonic += 10_000;
    local = local + 10_000 - 7 * DAY_MS;
    assert.equal(clock.now(), NOW + 10_000);
  });

  it('steps to the controller time once, even backwards, and never goes back after that', () => {
    let monotonic = 0;
    const clock = createClock({ localNow: () => NOW + monotonic, monotonicNow: () => monotonic, floorMs: () => NOW + DAY_MS });
    // A floor a day ahead (set by a fast local clock on an earlier boot) rules until the controller answers.
    assert.equal(clock.now(), NOW + DAY_MS);
    clock.observeControllerTime(NOW - 1_000_000, monotonic);
    assert.equal(clock.now(), NOW - 1_000_000);
    // A later answer behind what was already answered does not take time back: it stands still
    // until the controller's time catches up.
    monotonic += 10_000;
    clock.observeControllerTime(NOW - 5_000_000, monotonic);
    assert.equal(clock.now(), NOW - 1_000_000);
    monotonic += 4_000_000;
    assert.equal(clock.now(), NOW - 1_000_000);
    monotonic += 1_000_000;
    assert.equal(clock.now(), NOW - 5_000_000 + 5_000_000);
  });
});

