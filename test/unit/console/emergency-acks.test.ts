// Where each target screen stands with an emergency, and the counts the page shows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ackDelayMs, ackSummary, screenAckState, screensForWatching, type EmergencyScreen } from '../../../controller/console/src/pages/emergencies/ack-summary.ts';

const screen = (name: string, over: Partial<EmergencyScreen> = {}): EmergencyScreen => ({ screenId: name, name, addedAt: 1_000, ackedAt: null, connected: true, status: 'pending', ...over });

describe('emergency acks', () => {
  it('reads a screen as showing once it confirmed, waiting while connected, offline otherwise', () => {
    assert.equal(screenAckState(screen('a', { ackedAt: 1_400, status: 'showing' })), 'showing');
    assert.equal(screenAckState(screen('b')), 'waiting');
    assert.equal(screenAckState(screen('c', { connected: false })), 'offline');
    assert.equal(screenAckState(screen('d', { status: 'ended', ackedAt: 1_200 })), 'ended');
  });

  it('counts confirmed screens against all targets, and splits the rest into waiting and offline', () => {
    const screens = [screen('a', { ackedAt: 1_400, status: 'showing' }), screen('b'), screen('c', { connected: false })];
    assert.deepEqual(ackSummary(screens), { acked: 1, total: 3, waiting: 1, offline: 1, percent: 33 });
    assert.deepEqual(ackSummary([]), { acked: 0, total: 0, waiting: 0, offline: 0, percent: 0 });
  });

  it('puts the screens that need attention first, then by name', () => {
    const ordered = screensForWatching([screen('乙', { ackedAt: 2_000, status: 'showing' }), screen('甲'), screen('丙', { connected: false })]);
    assert.deepEqual(ordered.map((s) => s.name), ['丙', '甲', '乙']);
  });

  it('measures how long a screen took to confirm', () => {
    assert.equal(ackDelayMs(screen('a', { ackedAt: 1_350 })), 350);
    assert.equal(ackDelayMs(screen('b')), null);
  });
});
