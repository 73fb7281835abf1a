import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { residentIdCheckCharacter } from '../../../../shared/codes/resident-id.ts';
import { DEFAULT_MASKING_POLICY } from '../../../../shared/masking/masking.ts';
import { toPublicEntry, type PublishableEntryRow } from '../../../../controller/server/features/publishing/public-entry.ts';

const NOW = Date.UTC(2026, 10, 28, 4, 0, 0); // 2026-11-28 12:00 in UTC+8
const CST = 480;

function idBornOn(date: string): string {
  const first17 = `150302${date.replace(/-/g, '')}123`;
  return first17 + residentIdCheckCharacter(first17);
}

function row(overrides: Partial<PublishableEntryRow> = {}): PublishableEntryRow {
  return {
    id: 'e1', list: 'black', category: '失信被执行人', subjectType: 'natural-person', subjectName: '欧阳示明',
    creditCode: null, idNumber: idBornOn('1980-05-17'), legalRepresentative: null, reason: '拒不履行', authority: '法院',
    basis: null, listedOn: '2026-01-01', validUntil: '2027-01-01', birthDate: '1980-05-17', status: 'approved', ...overrides,
  };
}

describe('public entry (controller-side masking)', () => {
  it('keeps the first 6 and last 4 characters of a natural person\'s ID and masks the name to the surname', () => {
    const result = toPublicEntry(row(), DEFAULT_MASKING_POLICY, NOW, CST);
    assert.ok(result.ok);
    const id = idBornOn('1980-05-17');
    assert.equal(result.value.entry.code, `${id.slice(0, 6)}********${id.slice(14)}`);
    assert.equal(result.value.entry.name, '欧阳**');
    assert.equal(JSON.stringify(result.value.entry).includes(id), false);
    assert.match(result.value.hash, /^[0-9a-f]{64}$/);
  });

  it('shows the full name when the category policy says so, and organisations\' credit codes in full', () => {
    const person = toPublicEntry(row(), { ...DEFAULT_MASKING_POLICY, nameDisplay: 'full' }, NOW, CST);
    assert.ok(person.ok);
    assert.equal(person.value.entry.name, '欧阳示明');
    const company = toPublicEntry(row({ subjectType: 'legal-person', subjectName: '乌海市示例建材有限公司', creditCode: '91150302MA0N00000Y', idNumber: null, birthDate: null, legalRepresentative: '张示例' }), DEFAULT_MASKING_POLICY, NOW, CST);
    assert.ok(company.ok);
    assert.equal(company.value.entry.code, '91150302MA0N00000Y');
    assert.equal(company.value.entry.name, '乌海市示例建材有限公司');
    assert.equal(company.value.entry.legalRepresentative, '张**');
  });

  it('refuses a person who is under 18 on the publication date, and publishes them from their 18th birthday', () => {
    const minor = toPublicEntry(row({ birthDate: '2008-11-29', idNumber: idBornOn('2008-11-29') }), DEFAULT_MASKING_POLICY, NOW, CST);
    assert.deepEqual(minor, { ok: false, refusal: 'minor' });
    const adult = toPublicEntry(row({ birthDate: '2008-11-28', idNumber: idBornOn('2008-11-28') }), DEFAULT_MASKING_POLICY, NOW, CST);
    assert.equal(adult.ok, true);
  });

  it('refuses what is not approved or has passed its valid-until date in China time', () => {
    assert.deepEqual(toPublicEntry(row({ status: 'pending' }), DEFAULT_MASKING_POLICY, NOW, CST), { ok: false, refusal: 'not-approved' });
    assert.deepEqual(toPublicEntry(row({ status: 'withdrawn' }), DEFAULT_MASKING_POLICY, NOW, CST), { ok: false, refusal: 'not-approved' });
    assert.deepEqual(toPublicEntry(row({ validUntil: '2026-11-27' }), DEFAULT_MASKING_POLICY, NOW, CST), { ok: false, refusal: 'expired' });
    const lastDay = toPublicEntry(row({ validUntil: '2026-11-28' }), DEFAULT_MASKING_POLICY, NOW, CST);
    assert.ok(lastDay.ok);
    assert.equal(lastDay.value.entry.expiresAt, Date.UTC(2026, 10, 28, 16, 0, 0), 'ends at midnight UTC+8');
  });
});

describe('public entry refusals', () => {
  it('refuses an entry whose free text carries a full ID number, so no player ever has to', () => {
    const leaked = toPublicEntry(row({ reason: `被执行人身份证号 ${idBornOn('1975-03-03')} 拒不履行` }), DEFAULT_MASKING_POLICY, NOW, CST);
    assert.deepEqual(leaked, { ok: false, refusal: 'unmasked-data' });
  });
});

describe('node hashing', () => {
  it('gives the same entry hash as the pure-JS hashing players use', async () => {
    const { nodeEntryHash } = await import('../../../../controller/server/features/publishing/node-hash.ts');
    const { publicEntryHash } = await import('../../../../shared/lists/list-digest.ts');
    const result = toPublicEntry(row(), DEFAULT_MASKING_POLICY, NOW, CST);
    assert.ok(result.ok);
    assert.equal(nodeEntryHash(result.value.entry), publicEntryHash(result.value.entry));
  });
});
