import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isKnownAction, shortId, splitTarget } from '../../../controller/console/src/pages/reports/audit-actions.ts';
import { ackDelay, ackPercent, takedownStanding } from '../../../controller/console/src/pages/reports/takedown-format.ts';

describe('takedown standing', () => {
  it('says first whether the entry is off every screen, waiting on some, not yet taken down, or never shown', () => {
    assert.equal(takedownStanding('taken-down', { total: 3, acked: 3, pending: 0 }), 'complete');
    assert.equal(takedownStanding('taken-down', { total: 3, acked: 1, pending: 2 }), 'pending');
    assert.equal(takedownStanding('taken-down', { total: 0, acked: 0, pending: 0 }), 'complete');
    assert.equal(takedownStanding('live', null), 'not-published');
    assert.equal(takedownStanding('never-published', null), 'never-shown');
  });

  it('counts progress in whole percent and times acks from the publish, never from a screen clock', () => {
    assert.equal(ackPercent({ total: 3, acked: 2, pending: 1 }), 66);
    assert.equal(ackPercent({ total: 0, acked: 0, pending: 0 }), 100);
    assert.equal(ackDelay(1_000, 3_500), 2_500);
    assert.equal(ackDelay(1_000, 900), 0);
    assert.equal(ackDelay(null, 3_500), null);
    assert.equal(ackDelay(1_000, null), null);
  });
});

describe('audit actions and targets', () => {
  it('knows the recorded actions and splits targets into a kind and an id', () => {
    assert.equal(isKnownAction('user.create'), true);
    assert.equal(isKnownAction('something.new'), false);
    assert.deepEqual(splitTarget('screen-group:9f2c'), { kind: 'screen-group', id: '9f2c' });
    assert.deepEqual(splitTarget('category:失信被执行人'), { kind: 'category', id: '失信被执行人' });
    assert.deepEqual(splitTarget('anonymous'), { kind: null, id: 'anonymous' });
    assert.deepEqual(splitTarget('mystery:1'), { kind: null, id: 'mystery:1' });
  });

  it('shortens UUIDs for a cell and leaves names whole', () => {
    assert.equal(shortId('7cb9e846-9807-418f-b0ff-64fe25f7caf7'), '7cb9e846');
    assert.equal(shortId('失信被执行人'), '失信被执行人');
  });
});
