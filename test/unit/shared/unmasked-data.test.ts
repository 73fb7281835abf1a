// Unit tests for the player's refusal of unmasked ID numbers (invariant 2).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findUnmaskedData } from '../../../shared/masking/unmasked-data.ts';
import { makeEntry, makePerson } from '../player/fixtures.ts';

// A checksum-valid synthetic ID number (GB 11643 check character computed for these 17 digits).
const FULL_ID = '11010519491231002X';

describe('unmasked-data check', () => {
  it('accepts a natural person whose ID keeps only its first 6 and last 4 characters', () => {
    assert.deepEqual(findUnmaskedData([makePerson({ id: 'p1', code: '110105********002X' })]), []);
  });

  it('refuses a natural person whose code is a full ID number', () => {
    assert.deepEqual(findUnmaskedData([makePerson({ id: 'p1', code: FULL_ID })]), [{ id: 'p1', field: 'code', reason: 'unmasked-id-code' }]);
  });

  it('refuses a natural person whose code shows the birth-date digits', () => {
    assert.equal(findUnmaskedData([makePerson({ id: 'p1', code: '11010519491231****' })])[0]?.reason, 'unmasked-id-code');
  });

  it('refuses a code that hides a full 18-character ID behind a masked-looking part', () => {
    const findings = findUnmaskedData([makePerson({ id: 'p1', code: `110105****002X ${FULL_ID}` })]);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.field, 'code');
  });

  it('refuses a full ID number in a natural person’s free text', () => {
    const findings = findUnmaskedData([makePerson({ id: 'p1', reason: `被执行人（身份证号 ${FULL_ID}）拒不履行` })]);
    assert.deepEqual(findings, [{ id: 'p1', field: 'reason', reason: 'full-id-in-text' }]);
  });

  it('lets an organisation keep its 18-character credit code', () => {
    assert.deepEqual(findUnmaskedData([makeEntry({ id: 'c1', code: '911503001234567890' })]), []);
  });

  it('refuses a real ID number in an organisation’s text, but not other long numbers', () => {
    const leaked = makeEntry({ id: 'c1', legalRepresentative: `王五 ${FULL_ID}` });
    const harmless = makeEntry({ id: 'c2', basis: '（2023）内03执恢123456789012345678号' });
    assert.deepEqual(findUnmaskedData([leaked, harmless]), [{ id: 'c1', field: 'legalRepresentative', reason: 'full-id-in-text' }]);
  });

  it('reports where the data is, never the data itself', () => {
    const [finding] = findUnmaskedData([makePerson({ id: 'p1', code: FULL_ID })]);
    assert.ok(finding);
    assert.equal(JSON.stringify(finding).includes(FULL_ID), false);
  });
});
