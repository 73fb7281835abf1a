import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { behindReason, DISPLAY_SILENT_MS, RECENT_ERROR_MS, screenCondition, screenProblem, type ScreenFacts } from '../../../shared/screens/screen-condition.ts';

const NOW = Date.parse('2026-03-02T08:00:00+08:00');
const beat = (over: Partial<NonNullable<ScreenFacts['heartbeat']>> = {}): NonNullable<ScreenFacts['heartbeat']> => ({ sentAt: NOW - 10_000, lastError: null, lastErrorAt: null, displayReportedAt: NOW - 15_000, ...over });
const facts = (over: Partial<ScreenFacts> = {}): ScreenFacts => ({ presence: 'online', manifestVersion: 42, lastSeenAt: NOW - 10_000, pairedAt: NOW - 86_400_000, reportedError: null, heartbeat: beat(), ...over });

describe('screen condition', () => {
  it('is online when it runs the newest publish and reports no problem', () => {
    assert.equal(screenCondition(facts(), 42, NOW), 'online');
  });

  it('is stale when online but behind the newest publish', () => {
    assert.equal(screenCondition(facts({ manifestVersion: 41 }), 42, NOW), 'stale');
  });

  it('is offline or revoked as the controller recorded, whatever the heartbeat said', () => {
    assert.equal(screenCondition(facts({ presence: 'offline', heartbeat: beat({ lastError: 'x', lastErrorAt: NOW }) }), 42, NOW), 'offline');
    assert.equal(screenCondition(facts({ presence: 'revoked' }), 42, NOW), 'revoked');
  });

  it('is in error for a recent player error, but not for one older than the window', () => {
    assert.equal(screenCondition(facts({ heartbeat: beat({ lastError: 'sync failed', lastErrorAt: NOW - 60_000 }) }), 42, NOW), 'error');
    assert.equal(screenCondition(facts({ heartbeat: beat({ lastError: 'sync failed', lastErrorAt: NOW - RECENT_ERROR_MS - 1 }) }), 42, NOW), 'online');
  });

  it('is in error when the kiosk page went silent, and not when no page ever reported', () => {
    const hung = facts({ heartbeat: beat({ displayReportedAt: NOW - 10_000 - DISPLAY_SILENT_MS - 1 }) });
    assert.deepEqual(screenProblem(hung, 42, NOW), { kind: 'display-silent', since: NOW - 10_000 - DISPLAY_SILENT_MS - 1 });
    assert.equal(screenCondition(facts({ heartbeat: beat({ displayReportedAt: null }) }), 42, NOW), 'online');
  });

  it('counts an error the screen reported to the controller only while the screen is behind', () => {
    const reported = facts({ reportedError: 'manifest-signature-invalid: bad key' });
    assert.equal(screenCondition(reported, 42, NOW), 'online');
    assert.equal(screenCondition({ ...reported, manifestVersion: 41 }, 42, NOW), 'error');
  });
});

describe('why a screen is behind a publish', () => {
  const published = NOW - 120_000;
  it('never connected: since it was paired', () => {
    assert.deepEqual(behindReason(facts({ lastSeenAt: null, presence: 'offline' }), 42, published, NOW), { kind: 'never-connected', since: NOW - 86_400_000 });
  });
  it('offline: since it was last seen', () => {
    assert.deepEqual(behindReason(facts({ presence: 'offline', lastSeenAt: NOW - 3_600_000 }), 42, published, NOW), { kind: 'offline', since: NOW - 3_600_000 });
  });
  it('an error: the problem itself', () => {
    const reason = behindReason(facts({ manifestVersion: 41, heartbeat: beat({ lastError: 'asset hash mismatch', lastErrorAt: NOW - 5_000 }) }), 42, published, NOW);
    assert.deepEqual(reason, { kind: 'error', problem: { kind: 'player-error', message: 'asset hash mismatch', at: NOW - 5_000 } });
  });
  it('online and well: still updating since the publish', () => {
    assert.deepEqual(behindReason(facts({ manifestVersion: 41 }), 42, published, NOW), { kind: 'updating', since: published });
  });
});
