import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countByCondition, filterScreens, groupNamesByScreen, type BoardScreen } from '../../../controller/console/src/pages/screens/fleet-filter.ts';

const NOW = Date.parse('2026-03-02T08:00:00+08:00');
const screen = (id: string, name: string, over: Partial<BoardScreen> = {}): BoardScreen => ({
  id,
  name,
  deviceId: `device-${id}`,
  status: 'online',
  manifestVersion: 42,
  lastSeenAt: NOW - 5_000,
  pairedAt: NOW - 86_400_000,
  lastError: null,
  health: { sentAt: NOW - 5_000, lastError: null, lastErrorAt: null, displayReportedAt: NOW - 6_000 },
  ...over,
});

const fleet = [
  screen('a', '乌海站大屏'),
  screen('b', '政务大厅', { manifestVersion: 41 }),
  screen('c', '机场到达', { status: 'offline' }),
  screen('d', '广场东', { health: { sentAt: NOW, lastError: 'sync failed', lastErrorAt: NOW - 1_000, displayReportedAt: NOW } }),
  screen('e', '旧屏', { status: 'revoked' }),
];
const context = { currentVersion: 42, now: NOW, groupMembers: new Map([['hall', new Set(['a', 'b'])]]) };

describe('screen board filters', () => {
  it('counts each condition, and "all" as the screens in service', () => {
    assert.deepEqual(countByCondition(fleet, 42, NOW), { all: 4, online: 1, stale: 1, error: 1, offline: 1, revoked: 1 });
  });

  it('shows every screen in service for "all", revoked ones only when asked for', () => {
    assert.deepEqual(filterScreens(fleet, { condition: 'all', groupId: null, text: '' }, context).map((s) => s.id), ['a', 'b', 'c', 'd']);
    assert.deepEqual(filterScreens(fleet, { condition: 'revoked', groupId: null, text: '' }, context).map((s) => s.id), ['e']);
  });

  it('filters by condition, group and text together', () => {
    assert.deepEqual(filterScreens(fleet, { condition: 'stale', groupId: null, text: '' }, context).map((s) => s.id), ['b']);
    assert.deepEqual(filterScreens(fleet, { condition: 'all', groupId: 'hall', text: '' }, context).map((s) => s.id), ['a', 'b']);
    assert.deepEqual(filterScreens(fleet, { condition: 'all', groupId: 'hall', text: '乌海' }, context).map((s) => s.id), ['a']);
    assert.deepEqual(filterScreens(fleet, { condition: 'all', groupId: null, text: 'DEVICE-C' }, context).map((s) => s.id), ['c'], 'device ids match, case-insensitively');
    assert.deepEqual(filterScreens(fleet, { condition: 'all', groupId: 'gone', text: '' }, context), [], 'an unknown group has no screens');
  });

  it('names each screen\'s groups in order', () => {
    const groups = groupNamesByScreen([{ name: '机场', screenIds: ['a'] }, { name: '大厅', screenIds: ['a', 'b'] }]);
    assert.deepEqual(groups.get('a'), ['大厅', '机场'].sort());
    assert.deepEqual(groups.get('b'), ['大厅']);
    assert.equal(groups.get('c'), undefined);
  });
});
