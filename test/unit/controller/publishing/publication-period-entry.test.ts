// A category's publication period (公示期) at the publication choke point: an entry leaves the
// screens at the period's end when that comes before its valid-until date.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endOfCalendarDateMs } from '../../../../shared/dates/calendar-date.ts';
import { DEFAULT_MASKING_POLICY } from '../../../../shared/masking/masking.ts';
import { toPublicEntry, type PublishableEntryRow } from '../../../../controller/server/features/publishing/public-entry.ts';

const CST = 480;

const company: PublishableEntryRow = {
  id: 'e1', list: 'black', category: '重大税收违法失信主体', subjectType: 'legal-person', subjectName: '乌海市示例建材有限公司',
  creditCode: '91150302MA0N00000Y', idNumber: null, legalRepresentative: null, reason: '虚开发票', authority: '税务局',
  basis: null, listedOn: '2024-03-05', validUntil: '2030-12-31', birthDate: null, status: 'approved',
};

describe('publication period at publication', () => {
  it('shows an entry until its period ends when that is before its valid-until date', () => {
    const result = toPublicEntry(company, { ...DEFAULT_MASKING_POLICY, publicationMonths: 36 }, Date.UTC(2026, 0, 1), CST);
    assert.ok(result.ok);
    assert.equal(result.value.entry.validUntil, '2027-03-04');
    assert.equal(result.value.entry.expiresAt, endOfCalendarDateMs('2027-03-04', CST));
  });

  it('refuses an entry past its period as expired, and leaves entries of categories without a period alone', () => {
    const after = Date.UTC(2027, 2, 5, 0, 0, 0); // 2027-03-05 08:00 in UTC+8
    assert.deepEqual(toPublicEntry(company, { ...DEFAULT_MASKING_POLICY, publicationMonths: 36 }, after, CST), { ok: false, refusal: 'expired' });
    const noPeriod = toPublicEntry(company, { ...DEFAULT_MASKING_POLICY, publicationMonths: null }, after, CST);
    assert.ok(noPeriod.ok);
    assert.equal(noPeriod.value.entry.validUntil, '2030-12-31');
  });
});
