import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { behindScreens, convergenceOf, type FleetScreen } from '../../../../controller/server/features/publishes/convergence.ts';
import type { ScreenFacts } from '../../../../shared/screens/screen-condition.ts';

const NOW = Date.parse('2026-03-02T08:00:00+08:00');
const screen = (id: string, name: string, over: Partial<ScreenFacts> = {}): FleetScreen => ({
  id,
  name,
  facts: { presence: 'online', manifestVersion: 42, lastSeenAt: NOW - 5_000, pairedAt: NOW - 86_400_000, reportedError: null, heartbeat: null, ...over },
});

const fleet: FleetScreen[] = [
  screen('a', '乌海站大屏'),
  screen('b', '政务大厅', { manifestVersion: 41 }),
  screen('c', '机场到达', { manifestVersion: 40, presence: 'offline', lastSeenAt: NOW - 7_200_000 }),
  screen('d', '广场东', { manifestVersion: 41, heartbeat: { sentAt: NOW - 1_000, lastError: 'asset hash mismatch', lastErrorAt: NOW - 2_000, displayReportedAt: null } }),
  screen('e', '旧屏', { manifestVersion: 10, presence: 'revoked' }),
  screen('f', '新装屏', { manifestVersion: 0, presence: 'offline', lastSeenAt: null }),
];

describe('publish convergence', () => {
  it('counts screens at or past a version among the unrevoked ones', () => {
    assert.deepEqual(convergenceOf(fleet, { version: 42, createdAt: NOW - 60_000 }, NOW), { reached: 1, total: 5, behindByReason: { error: 1, offline: 1, 'never-connected': 1, updating: 1 } });
    assert.equal(convergenceOf(fleet, { version: 41, createdAt: NOW - 600_000 }, NOW).reached, 3, 'a screen on 42 has passed 41');
  });

  it('lists the screens behind, errors first, then offline, never connected, updating', () => {
    const behind = behindScreens(fleet, { version: 42, createdAt: NOW - 60_000 }, NOW);
    assert.deepEqual(behind.map((b) => [b.screenId, b.reason.kind]), [['d', 'error'], ['c', 'offline'], ['f', 'never-connected'], ['b', 'updating']]);
    assert.deepEqual(behind[3]?.reason, { kind: 'updating', since: NOW - 60_000 });
  });

  it('has nobody behind on an empty fleet', () => {
    assert.deepEqual(convergenceOf([], { version: 1, createdAt: NOW }, NOW), { reached: 0, total: 0, behindByReason: { error: 0, offline: 0, 'never-connected': 0, updating: 0 } });
  });
});
