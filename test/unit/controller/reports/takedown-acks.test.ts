import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ackCounts, screenTakedownAcks, type FleetScreen } from '../../../../controller/server/features/reports/takedown-acks.ts';

const screen = (id: string, name: string, status: FleetScreen['status'], listRevision: number): FleetScreen => ({ id, name, status, listRevision, lastSeenAt: null });

const FLEET = [
  screen('a', '火车站', 'online', 7),
  screen('b', '机场', 'offline', 4),
  screen('c', '广场', 'online', 5),
  screen('d', '旧屏', 'revoked', 1),
  screen('e', '政务大厅', 'online', 6),
];

describe('takedown acks', () => {
  it('counts a screen as having dropped the entry once it runs the takedown revision or a later one, leaving revoked screens out', () => {
    assert.deepEqual(ackCounts(FLEET, 6), { total: 4, acked: 2, pending: 2 });
    assert.deepEqual(ackCounts(FLEET, 8), { total: 4, acked: 0, pending: 4 });
    assert.deepEqual(ackCounts([], 1), { total: 0, acked: 0, pending: 0 });
  });

  it('lists offline pending screens first, then online pending, then acked ones in ack order', () => {
    const rows = screenTakedownAcks(FLEET, 6, new Map([['a', 2_000], ['e', 1_000], ['c', 500]]));
    assert.deepEqual(rows.map((r) => [r.screenId, r.acked, r.ackedAt]), [['b', false, null], ['c', false, null], ['e', true, 1_000], ['a', true, 2_000]]);
  });

  it('shows an ack with no recorded time as acked at an unknown time, and never times a screen that is behind', () => {
    const rows = screenTakedownAcks(FLEET, 5, new Map([['b', 900]]));
    assert.deepEqual(rows.find((r) => r.screenId === 'a'), { screenId: 'a', name: '火车站', status: 'online', listRevision: 7, lastSeenAt: null, acked: true, ackedAt: null });
    assert.equal(rows.find((r) => r.screenId === 'b')?.ackedAt, null, 'a screen behind the revision now is pending, whatever it once reported');
  });
});
