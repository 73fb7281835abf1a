// A corrected entry against the earlier one it replaces: which fields changed, and where the earlier one stands.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { earlierStanding, fieldChanges, type ComparableEntry } from '../../../controller/console/src/pages/reviews/entry-diff.ts';

const earlier: ComparableEntry = {
  subjectName: '乌海市某某商贸有限公司',
  legalRepresentative: '张三',
  category: '失信被执行人',
  reason: '拒不履行生效判决',
  authority: '乌海市海勃湾区人民法院',
  basis: null,
  listedOn: '2024-01-05',
  validUntil: '2027-01-05',
  sourceRef: null,
};

describe('entry diff', () => {
  it('lists each changed field with its old and new value, in the order an approver reads them', () => {
    const corrected = { ...earlier, reason: '有履行能力而拒不履行', validUntil: '2027-06-30' };
    assert.deepEqual(fieldChanges(earlier, corrected), [
      { field: 'reason', before: '拒不履行生效判决', after: '有履行能力而拒不履行' },
      { field: 'validUntil', before: '2027-01-05', after: '2027-06-30' },
    ]);
  });

  it('treats an absent value, an empty one and surrounding spaces as the same', () => {
    assert.deepEqual(fieldChanges(earlier, { ...earlier, basis: '', sourceRef: '  ', subjectName: ' 乌海市某某商贸有限公司 ' }), []);
  });

  it('reports a value that appears or disappears', () => {
    assert.deepEqual(fieldChanges(earlier, { ...earlier, basis: '最高人民法院若干规定', legalRepresentative: null }), [
      { field: 'legalRepresentative', before: '张三', after: null },
      { field: 'basis', before: null, after: '最高人民法院若干规定' },
    ]);
  });

  it('tells a withdrawn earlier entry from an expired one and a live one', () => {
    assert.equal(earlierStanding({ status: 'withdrawn', validUntil: '2099-01-01' }, '2026-11-28'), 'withdrawn');
    assert.equal(earlierStanding({ status: 'approved', validUntil: '2026-11-27' }, '2026-11-28'), 'expired');
    assert.equal(earlierStanding({ status: 'approved', validUntil: '2026-11-28' }, '2026-11-28'), 'live', 'valid through its last day');
  });
});
