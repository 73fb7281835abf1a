// Who may decide, and when approve and reject may be pressed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rejectionCommentGiven, verdictAvailability, warningsConfirmed } from '../../../controller/console/src/pages/reviews/review-verdict.ts';

describe('review verdict', () => {
  it('never offers a decision on one\'s own change, even to someone who may review', () => {
    assert.equal(verdictAvailability({ authorId: 'u1', userId: 'u1', canReview: true, pending: true }), 'own-change');
    assert.equal(verdictAvailability({ authorId: 'u1', userId: 'u2', canReview: true, pending: true }), 'decide');
  });

  it('offers nothing to a role without review rights, or on an item already decided', () => {
    assert.equal(verdictAvailability({ authorId: 'u1', userId: 'u2', canReview: false, pending: true }), 'no-permission');
    assert.equal(verdictAvailability({ authorId: 'u1', userId: 'u2', canReview: true, pending: false }), 'decided');
  });

  it('enables approval only once every warned entry is ticked', () => {
    assert.equal(warningsConfirmed(0, new Set()), true);
    assert.equal(warningsConfirmed(2, new Set(['e1'])), false);
    assert.equal(warningsConfirmed(2, new Set(['e1', 'e2'])), true);
  });

  it('needs words to reject', () => {
    assert.equal(rejectionCommentGiven('   '), false);
    assert.equal(rejectionCommentGiven('第 5 行认定部门有误'), true);
  });
});
