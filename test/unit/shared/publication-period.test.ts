import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publicationPeriodEnd, publicUntil } from '../../../shared/lists/publication-period.ts';

describe('publication period', () => {
  it('ends the day before the same day of the month the period reaches', () => {
    assert.equal(publicationPeriodEnd('2024-03-05', 36), '2027-03-04');
    assert.equal(publicationPeriodEnd('2024-03-01', 1), '2024-03-31');
    assert.equal(publicationPeriodEnd('2024-01-01', 12), '2024-12-31');
    assert.equal(publicationPeriodEnd('2024-11-15', 3), '2025-02-14');
  });

  it('ends on the last day of a month too short for the listing day', () => {
    assert.equal(publicationPeriodEnd('2024-01-31', 1), '2024-02-29');
    assert.equal(publicationPeriodEnd('2023-01-31', 1), '2023-02-28');
    assert.equal(publicationPeriodEnd('2024-08-31', 1), '2024-09-30');
  });

  it('has no end for a date that does not exist or a period that is not whole months', () => {
    assert.equal(publicationPeriodEnd('2024-02-30', 3), null);
    assert.equal(publicationPeriodEnd('2024-02-01', 0), null);
    assert.equal(publicationPeriodEnd('2024-02-01', 1.5), null);
  });

  it('keeps an entry public until its valid-until date or the period\'s end, whichever comes first', () => {
    assert.equal(publicUntil('2030-12-31', '2024-03-05', 36), '2027-03-04');
    assert.equal(publicUntil('2025-06-30', '2024-03-05', 36), '2025-06-30');
    assert.equal(publicUntil('2030-12-31', '2024-03-05', null), '2030-12-31');
    assert.equal(publicUntil('2030-12-31', 'not-a-date', 36), '2030-12-31');
  });
});
