// Resident ID numbers (GB 11643-1999): format, real birth date, ISO 7064 MOD 11-2 check character.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkResidentId, isRealCalendarDate, normaliseResidentId, residentIdCheckCharacter } from '../../../shared/codes/resident-id.ts';

/** A synthetic ID: region 150302 (Wuhai, Haibowan district), the given birth date, sequence, check character. */
function syntheticId(birth: string, sequence = '123'): string {
  const first17 = `150302${birth}${sequence}`;
  return first17 + residentIdCheckCharacter(first17);
}

describe('resident ID', () => {
  it('accepts the example number printed in GB 11643-1999, whose check character is X', () => {
    assert.deepEqual(checkResidentId('11010519491231002X'), { outcome: 'valid', id: '11010519491231002X', birthDate: '1949-12-31' });
  });

  it('accepts a lower-case x as X, as spreadsheets often store it', () => {
    const result = checkResidentId('11010519491231002x');
    assert.equal(result.outcome, 'valid');
    assert.equal(result.id, '11010519491231002X');
  });

  it('accepts a synthetic Wuhai number whose check character was computed by hand', () => {
    // 1·7+5·9+0·10+3·5+0·8+2·4+1·2+9·1+9·6+0·3+0·7+1·9+0·10+1·5+1·8+2·4+3·2 = 176; 176 mod 11 = 0,
    // and the MOD 11-2 table '10X98765432' maps 0 to '1'.
    assert.deepEqual(checkResidentId('150302199001011231'), { outcome: 'valid', id: '150302199001011231', birthDate: '1990-01-01' });
  });

  it('trims surrounding white space', () => {
    assert.equal(checkResidentId('  150302199001011231\t').outcome, 'valid');
  });

  it('reports a wrong check character as checksum-mismatch with the expected character', () => {
    assert.deepEqual(checkResidentId('150302199001011237'), { outcome: 'checksum-mismatch', id: '150302199001011237', expected: '1' });
  });

  it('rejects a birth date that does not exist (19900230) even with a correct check character', () => {
    const id = syntheticId('19900230');
    assert.deepEqual(checkResidentId(id), { outcome: 'invalid-birth-date', id });
  });

  it('accepts 29 February in a leap year and rejects it in a common year', () => {
    assert.equal(checkResidentId(syntheticId('20080229')).outcome, 'valid');
    assert.equal(checkResidentId(syntheticId('20070229')).outcome, 'invalid-birth-date');
  });

  it('rejects month 00 or 13, day 00 or 32, and a birth year before 1900', () => {
    for (const birth of ['19900001', '19901301', '19900100', '19900132', '18991231']) {
      assert.equal(checkResidentId(syntheticId(birth)).outcome, 'invalid-birth-date', birth);
    }
  });

  it('rejects anything that is not 17 digits and a check digit or X', () => {
    for (const raw of ['', '15030219900101123', '1503021990010112311', '150302199001011', '1503021990X1011231', '15030219900101123A', '１50302199001011231']) {
      assert.equal(checkResidentId(raw).outcome, 'invalid-format', raw);
    }
  });

  it('computes the check character over ISO 7064 MOD 11-2', () => {
    // The first two are worked out above and printed in GB 11643-1999; the third was checked independently.
    assert.equal(residentIdCheckCharacter('15030219900101123'), '1');
    assert.equal(residentIdCheckCharacter('11010519491231002'), 'X');
    assert.equal(residentIdCheckCharacter('15030220080101002'), '1');
  });

  it('normalises by trimming and upper-casing', () => {
    assert.equal(normaliseResidentId(' 11010519491231002x '), '11010519491231002X');
  });
});

describe('real calendar dates', () => {
  it('knows the Gregorian leap years', () => {
    assert.equal(isRealCalendarDate(2000, 2, 29), true);
    assert.equal(isRealCalendarDate(2024, 2, 29), true);
    assert.equal(isRealCalendarDate(1900, 2, 29), false);
    assert.equal(isRealCalendarDate(2023, 2, 29), false);
  });

  it('knows the length of every month', () => {
    assert.equal(isRealCalendarDate(2024, 4, 30), true);
    assert.equal(isRealCalendarDate(2024, 4, 31), false);
    assert.equal(isRealCalendarDate(2024, 12, 31), true);
  });

  it('rejects out-of-range and fractional parts', () => {
    assert.equal(isRealCalendarDate(2024, 0, 1), false);
    assert.equal(isRealCalendarDate(2024, 13, 1), false);
    assert.equal(isRealCalendarDate(2024, 1, 0), false);
    assert.equal(isRealCalendarDate(2024, 1.5, 1), false);
    assert.equal(isRealCalendarDate(Number.NaN, 1, 1), false);
  });
});
