import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { afterConnectionLost, commandExpiresAt, isExpired, resultMatches, visibleStatus } from '../../../../controller/server/features/commands/command-rules.ts';
import { DEFAULT_COMMAND_EXPIRY_SECONDS, MAX_COMMAND_EXPIRY_SECONDS, MIN_COMMAND_EXPIRY_SECONDS } from '../../../../shared/protocol/commands.ts';

describe('command rules', () => {
  it('expires a command after ten minutes by default and clamps the asked expiry to its bounds', () => {
    assert.equal(commandExpiresAt(1_000, undefined), 1_000 + DEFAULT_COMMAND_EXPIRY_SECONDS * 1000);
    assert.equal(DEFAULT_COMMAND_EXPIRY_SECONDS, 600);
    assert.equal(commandExpiresAt(0, 1), MIN_COMMAND_EXPIRY_SECONDS * 1000);
    assert.equal(commandExpiresAt(0, 10 ** 9), MAX_COMMAND_EXPIRY_SECONDS * 1000);
    assert.equal(commandExpiresAt(0, 30.9), 30_000);
  });

  it('counts a command as expired from its expiry instant on', () => {
    assert.equal(isExpired(100, 99), false);
    assert.equal(isExpired(100, 100), true);
  });

  it('re-queues every kind whose connection was lost except a restart, which would loop the screen', () => {
    for (const kind of ['reload-display', 'screenshot', 'identify', 'clear-cache', 'sync-now'] as const) assert.equal(afterConnectionLost(kind), 'requeue');
    assert.equal(afterConnectionLost('restart-player'), 'fail');
  });

  it('shows a queued command past its expiry as expired, and leaves other statuses alone', () => {
    assert.equal(visibleStatus('queued', 100, 100), 'expired');
    assert.equal(visibleStatus('queued', 100, 99), 'queued');
    assert.equal(visibleStatus('sent', 100, 1_000), 'sent');
    assert.equal(visibleStatus('succeeded', 100, 1_000), 'succeeded');
  });

  it('accepts only a result of the kind that was asked for', () => {
    assert.equal(resultMatches('identify', { kind: 'identify', screenName: 'x', until: 1 }), true);
    assert.equal(resultMatches('sync-now', { kind: 'identify', screenName: 'x', until: 1 }), false);
  });
});
