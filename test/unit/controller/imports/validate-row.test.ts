// The pure row check on its own: outcomes, messages and identifiers, without files or a store.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { STANDARD_HEADERS } from '../../../../controller/server/features/imports/header-map.ts';
import type { ImportField } from '../../../../controller/server/features/imports/import-report.ts';
import type { NormalisedRow } from '../../../../controller/server/features/imports/normalise.ts';
import { parseSubjectType, validateRow, type RowContext } from '../../../../controller/server/features/imports/validate-row.ts';
import { syntheticCreditCode, syntheticResidentId } from '../../../fixtures/imports/synthetic-import.ts';

const context = (overrides: Partial<RowContext> = {}): RowContext => ({ list: 'red', today: '2026-06-01', labels: STANDARD_HEADERS, newId: () => 'entry-1', ...overrides });

function row(values: Partial<Record<ImportField, string>>): NormalisedRow {
  return {
    values: {
      subjectName: '乌海市示例建材有限公司', subjectType: '法人', creditCode: syntheticCreditCode(1), idNumber: '', legalRepresentative: '',
      category: 'A级纳税人', reason: '年度纳税信用评价为A级', authority: '国家税务总局乌海市税务局', basis: '', listedOn: '2025-04-01',
      validUntil: '2027-03-31', sourceRef: '', ...values,
    },
    codesStoredAsNumbers: null,
  };
}

describe('validate row', () => {
  it('builds a staged entry with empty optional fields as null', () => {
    const verdict = validateRow(row({}), 2, context());
    assert.deepEqual(verdict, {
      accepted: true,
      entry: {
        id: 'entry-1', line: 2, list: 'red', category: 'A级纳税人', subjectType: 'legal-person', subjectName: '乌海市示例建材有限公司',
        creditCode: syntheticCreditCode(1), idNumber: null, legalRepresentative: null, reason: '年度纳税信用评价为A级',
        authority: '国家税务总局乌海市税务局', basis: null, listedOn: '2025-04-01', validUntil: '2027-03-31', sourceRef: null,
        birthDate: null, subjectKey: `red|A级纳税人|${syntheticCreditCode(1)}`, warnings: [],
      },
    });
  });

  it('does not use an id for a refused row', () => {
    let used = 0;
    const verdict = validateRow(row({ reason: '' }), 2, context({ newId: () => `entry-${++used}` }));
    assert.equal(verdict.accepted, false);
    assert.equal(used, 0);
  });

  it('reads subject types in Chinese and English', () => {
    assert.deepEqual(['法人', '非法人组织', '个体工商户', '自然人', 'Legal person', 'unincorporated', 'individual-business', 'Natural Person', '法 人'].map(parseSubjectType), [
      'legal-person', 'unincorporated', 'individual-business', 'natural-person', 'legal-person', 'unincorporated', 'individual-business', 'natural-person', 'legal-person',
    ]);
    assert.equal(parseSubjectType('公司'), null);
  });

  it('explains a 15-digit ID number and a birth date that does not exist', () => {
    const fifteen = validateRow(row({ subjectType: '自然人', creditCode: '', idNumber: '150302800101123' }), 3, context());
    assert.ok(!fifteen.accepted);
    assert.match(fifteen.rejections[0]?.message ?? '', /15 位旧号码须换成 18 位号码/);
    const badBirth = validateRow(row({ subjectType: '自然人', creditCode: '', idNumber: syntheticResidentId('1980-02-30', 1) }), 3, context());
    assert.ok(!badBirth.accepted);
    assert.deepEqual(badBirth.rejections.map((i) => [i.code, i.column]), [['bad-id-number', '证件号码']]);
    assert.match(badBirth.rejections[0]?.message ?? '', /出生日期/);
  });

  it('judges a minor by today: the day before the 18th birthday is refused, the birthday itself is not', () => {
    const id = syntheticResidentId('2008-06-01', 5);
    const person = row({ subjectType: '自然人', creditCode: '', idNumber: id });
    assert.equal(validateRow(person, 2, context({ today: '2026-05-31' })).accepted, false);
    assert.equal(validateRow(person, 2, context({ today: '2026-06-01' })).accepted, true);
  });

  it('ignores, with a warning, an ID number on an organisation and a different credit code on a person', () => {
    const organisation = validateRow(row({ idNumber: syntheticResidentId('1980-01-01', 1) }), 2, context());
    assert.ok(organisation.accepted);
    assert.equal(organisation.entry.idNumber, null);
    assert.deepEqual(organisation.entry.warnings.map((w) => [w.code, w.column]), [['field-ignored', '证件号码']]);
    const id = syntheticResidentId('1980-01-01', 1);
    const sameCode = validateRow(row({ subjectType: '自然人', creditCode: id, idNumber: id }), 2, context());
    assert.ok(sameCode.accepted);
    assert.deepEqual(sameCode.entry.warnings, []);
  });

  it('refuses a category longer than a public screen may show', () => {
    const verdict = validateRow(row({ category: '类'.repeat(101) }), 2, context());
    assert.ok(!verdict.accepted);
    assert.deepEqual(verdict.rejections.map((i) => i.code), ['too-long']);
  });
});
