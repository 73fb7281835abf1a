import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { healthSeries, onlineShare, presenceSpans } from '../../../controller/console/src/pages/screens/health-series.ts';
import type { Heartbeat } from '../../../shared/protocol/messages.ts';

const GB = 1024 ** 3;
const beat = (over: Partial<Heartbeat> = {}): Heartbeat => ({
  sentAt: 0, onScreen: null, manifestVersion: 1, listRevision: 1, cacheBytes: 0, diskFreeBytes: 50 * GB, memoryRssBytes: 200 * 1024 * 1024, uptimeSeconds: 60,
  resolution: null, appVersion: '0.1.0', clockOffsetMs: 0, lastError: null, lastErrorAt: null, displayReportedAt: null, display: null,
  memoryFreeBytes: 2 * GB, memoryTotalBytes: 8 * GB, cpuCount: 4, cpuBusyFraction: 0.256, loadAverage: [0.5, 0.4, 0.3], systemUptimeSeconds: 3_600,
  ...over,
});

describe('health series', () => {
  it('turns heartbeats into chart points, oldest first, in percent, MB and GB', () => {
    const points = healthSeries([{ at: 2_000, heartbeat: beat() }, { at: 1_000, heartbeat: beat({ cpuBusyFraction: null, memoryTotalBytes: null }) }, { at: 1_500, heartbeat: null }]);
    assert.deepEqual(points, [
      { at: 1_000, cpuPercent: null, memoryPercent: null, rssMb: 200, diskFreeGb: 50, load1: 0.5 },
      { at: 2_000, cpuPercent: 25.6, memoryPercent: 75, rssMb: 200, diskFreeGb: 50, load1: 0.5 },
    ]);
  });
});

describe('presence spans', () => {
  const window = { from: 0, to: 100 };
  it('cuts the window at each change, starting from the presence before it', () => {
    assert.deepEqual(presenceSpans(window, 'online', [{ at: 40, status: 'offline' }, { at: 70, status: 'online' }]), [
      { from: 0, to: 40, status: 'online' },
      { from: 40, to: 70, status: 'offline' },
      { from: 70, to: 100, status: 'online' },
    ]);
  });

  it('is unknown before the first record, and the online share counts only the known part', () => {
    const spans = presenceSpans(window, null, [{ at: 50, status: 'online' }, { at: 75, status: 'offline' }]);
    assert.deepEqual(spans[0], { from: 0, to: 50, status: 'unknown' });
    assert.equal(onlineShare(spans), 0.5);
    assert.equal(onlineShare(presenceSpans(window, null, [])), null);
  });
});
