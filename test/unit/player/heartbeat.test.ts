// The heartbeat's pure builder, the machine arithmetic, and the reporter that keeps the page's report and the last error between beats.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DisplayReport } from '../../../shared/display/display-report.ts';
import { heartbeatSchema } from '../../../shared/protocol/messages.ts';
import { createClock } from '../../../player/core/clock.ts';
import { createHealthReporter } from '../../../player/core/health/health-reporter.ts';
import { cpuBusyFraction, createMachineSampler, loadAverageOf, sumCpuTimes, usableFreeBytes, type MachineHealth } from '../../../player/core/health/machine-health.ts';
import { buildHeartbeat, describeShowing, DISPLAY_REPORT_STALE_MS, resolutionOf, type HeartbeatInput } from '../../../player/core/sync/heartbeat.ts';
import { NOW, tempDir } from './fixtures.ts';

const MACHINE: MachineHealth = {
  processRssBytes: 80_000_000,
  processUptimeSeconds: 12.7,
  systemUptimeSeconds: 86_400.9,
  memoryFreeBytes: 1_000_000_000,
  memoryTotalBytes: 4_000_000_000,
  diskFreeBytes: 20_000_000_000,
  cpuCount: 4,
  cpuBusyFraction: 0.25,
  loadAverage: [0.5, 0.4, 0.3],
};

const REPORT: DisplayReport = {
  metrics: { screenWidth: 1920, screenHeight: 1080, viewportWidth: 1920, viewportHeight: 1080, pixelRatio: 2 },
  showing: { kind: 'list', id: 'black', title: '失信黑名单' },
};

function input(overrides: Partial<HeartbeatInput> = {}): HeartbeatInput {
  return {
    sentAt: NOW,
    manifestVersion: 3,
    listRevision: 17,
    cacheBytes: 123_456,
    appVersion: '0.1.0',
    clockOffsetMs: 0,
    lastError: null,
    coreScene: null,
    display: { report: REPORT, receivedAt: NOW - 5_000, ageMs: 5_000 },
    machine: MACHINE,
    ...overrides,
  };
}

describe('heartbeat builder', () => {
  it('carries every field, and what it builds passes the wire schema unchanged', () => {
    const heartbeat = buildHeartbeat(input({ lastError: { message: 'sync-failed: timeout', at: NOW - 60_000 } }));
    assert.deepEqual(heartbeat, {
      sentAt: NOW,
      onScreen: 'list:black 失信黑名单',
      manifestVersion: 3,
      listRevision: 17,
      cacheBytes: 123_456,
      diskFreeBytes: 20_000_000_000,
      memoryRssBytes: 80_000_000,
      uptimeSeconds: 12,
      resolution: '3840x2160',
      appVersion: '0.1.0',
      clockOffsetMs: 0,
      lastError: 'sync-failed: timeout',
      lastErrorAt: NOW - 60_000,
      displayReportedAt: NOW - 5_000,
      display: REPORT.metrics,
      memoryFreeBytes: 1_000_000_000,
      memoryTotalBytes: 4_000_000_000,
      cpuCount: 4,
      cpuBusyFraction: 0.25,
      loadAverage: [0.5, 0.4, 0.3],
      systemUptimeSeconds: 86_400,
      rendererRestarts: null,
    });
    assert.deepEqual(heartbeatSchema.parse(heartbeat), heartbeat);
  });

  it('trusts the page about what is on screen only while it keeps reporting', () => {
    const live = input({ display: { report: REPORT, receivedAt: NOW, ageMs: DISPLAY_REPORT_STALE_MS - 1 } });
    assert.equal(buildHeartbeat(live).onScreen, 'list:black 失信黑名单');
    const silent = input({ display: { report: REPORT, receivedAt: NOW, ageMs: DISPLAY_REPORT_STALE_MS } });
    assert.equal(buildHeartbeat(silent).onScreen, null, 'a hung page does not vouch for the screen');
    assert.equal(buildHeartbeat(silent).resolution, '3840x2160', 'the size stays known');
    assert.equal(buildHeartbeat({ ...silent, coreScene: 'fallback' }).onScreen, 'fallback', 'the core knows when it serves the fallback');
  });

  it('reports nothing about the window before the page has reported', () => {
    const heartbeat = buildHeartbeat(input({ display: null, coreScene: 'pairing' }));
    assert.equal(heartbeat.onScreen, 'pairing');
    assert.equal(heartbeat.resolution, null);
    assert.equal(heartbeat.display, null);
    assert.equal(heartbeat.displayReportedAt, null);
  });

  it('keeps strings and numbers within the schema whatever the inputs', () => {
    const heartbeat = buildHeartbeat(
      input({
        appVersion: 'v'.repeat(100),
        lastError: { message: 'e'.repeat(2_000), at: NOW },
        cacheBytes: -5,
        machine: { ...MACHINE, cpuBusyFraction: 1.2, diskFreeBytes: Number.NaN, loadAverage: [-1, 0, 0], cpuCount: 10_000 },
      }),
    );
    assert.equal(heartbeat.appVersion.length, 40);
    assert.equal(heartbeat.lastError?.length, 500);
    assert.equal(heartbeat.cacheBytes, 0);
    assert.equal(heartbeat.cpuBusyFraction, 1);
    assert.equal(heartbeat.diskFreeBytes, null);
    assert.deepEqual(heartbeat.loadAverage, [0, 0, 0]);
    assert.equal(heartbeatSchema.safeParse(heartbeat).success, true);
  });

  it('describes pairing and fallback by kind, items by kind, id and title', () => {
    assert.equal(describeShowing({ kind: 'fallback', id: null, title: null }), 'fallback');
    assert.equal(describeShowing({ kind: 'slide', id: 'intro', title: '诚信乌海' }), 'slide:intro 诚信乌海');
    assert.equal(describeShowing({ kind: 'slide', id: 'untitled', title: null }), 'slide:untitled');
  });

  it('gives the resolution in physical pixels', () => {
    assert.equal(resolutionOf({ screenWidth: 1280, screenHeight: 720, viewportWidth: 1280, viewportHeight: 720, pixelRatio: 1.5 }), '1920x1080');
  });
});

describe('machine figures', () => {
  const core = (user: number, idle: number) => ({ times: { user, nice: 0, sys: 0, idle, irq: 0 } });

  it('sums the CPU counters over all cores', () => {
    assert.deepEqual(sumCpuTimes([core(100, 300), core(50, 550)]), { busyMs: 150, totalMs: 1_000 });
  });

  it('tells how busy the CPUs were between two samples, and nothing from one sample or counters gone back', () => {
    assert.equal(cpuBusyFraction(null, { busyMs: 150, totalMs: 1_000 }), null);
    assert.equal(cpuBusyFraction({ busyMs: 150, totalMs: 1_000 }, { busyMs: 400, totalMs: 2_000 }), 0.25);
    assert.equal(cpuBusyFraction({ busyMs: 150, totalMs: 1_000 }, { busyMs: 150, totalMs: 1_000 }), null);
    assert.equal(cpuBusyFraction({ busyMs: 150, totalMs: 1_000 }, { busyMs: 100, totalMs: 900 }), null);
  });

  it('reports no load average on Windows, where os.loadavg() is always zeros', () => {
    assert.equal(loadAverageOf('win32', [0, 0, 0]), null);
    assert.deepEqual(loadAverageOf('linux', [1, 2, 3]), [1, 2, 3]);
  });

  it('counts the blocks kept for root as free only for a player running as root', () => {
    // A disk with less free than its reserve: a user can write nothing more, root can.
    const nearlyFull = { bavail: 0, bfree: 3_000, bsize: 4_096 };
    assert.equal(usableFreeBytes(nearlyFull, false), 0);
    assert.equal(usableFreeBytes(nearlyFull, true), 3_000 * 4_096);
    assert.equal(usableFreeBytes({ bavail: 10n, bfree: 20n, bsize: 512n }, false), 5_120);
  });

  it('reads real, plausible figures from this machine', async () => {
    const dir = tempDir();
    try {
      const sample = createMachineSampler(dir.path);
      const first = await sample();
      assert.ok(first.processRssBytes > 0 && first.memoryTotalBytes > 0 && first.memoryFreeBytes > 0);
      assert.ok(first.memoryFreeBytes <= first.memoryTotalBytes);
      assert.ok(first.cpuCount >= 1 && first.systemUptimeSeconds > 0);
      assert.ok(first.diskFreeBytes !== null && first.diskFreeBytes > 0);
      assert.equal(first.cpuBusyFraction, null, 'no previous sample yet');
      const second = await sample();
      assert.ok(second.cpuBusyFraction === null || (second.cpuBusyFraction >= 0 && second.cpuBusyFraction <= 1));
    } finally {
      dir.remove();
    }
  });
});

describe('health reporter', () => {
  it('puts the page report and the last error in each beat, aging the report by the monotonic clock', async () => {
    let wall = NOW;
    let monotonic = 0;
    const reporter = createHealthReporter({
      dataDir: '/nonexistent',
      clock: createClock({ localNow: () => wall, monotonicNow: () => monotonic }),
      monotonicNow: () => monotonic,
      appVersion: '9.9.9',
      current: () => ({ manifestVersion: 2, listRevision: 5, cacheBytes: 10, coreScene: null }),
      sampleMachine: async () => MACHINE,
    });
    assert.equal((await reporter.heartbeat()).onScreen, null);

    reporter.recordDisplayReport(REPORT);
    reporter.recordError('sync-failed: controller refused');
    const errorAt = wall;
    wall += 1_000;
    monotonic += 1_000;
    const beat = await reporter.heartbeat();
    assert.equal(beat.onScreen, 'list:black 失信黑名单');
    assert.equal(beat.displayReportedAt, NOW);
    assert.equal(beat.lastError, 'sync-failed: controller refused');
    assert.equal(beat.lastErrorAt, errorAt);
    assert.equal(beat.appVersion, '9.9.9');
    assert.equal(beat.sentAt, NOW + 1_000);

    monotonic += DISPLAY_REPORT_STALE_MS;
    wall += DISPLAY_REPORT_STALE_MS;
    const later = await reporter.heartbeat();
    assert.equal(later.onScreen, null, 'the page went quiet');
    assert.equal(later.lastError, 'sync-failed: controller refused', 'the last error stays, with its time, until a newer one');
  });
});
