// How long the standalone kiosk waits before starting a dead Chromium again.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kioskRestartDelayMs } from '../../../cli/commands/kiosk.ts';

describe('kiosk restart back-off', () => {
  it('restarts after 1 s, doubles while the browser keeps dying, and stops growing at 30 s', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 20].map(kioskRestartDelayMs), [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });
});
