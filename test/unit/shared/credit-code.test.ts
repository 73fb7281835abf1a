// Unified social credit codes (GB 32100-2015): format, check character, and the checksum-mismatch outcome.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CREDIT_CODE_ALPHABET, checkCreditCode, creditCodeCheckCharacter } from '../../../shared/codes/credit-code.ts';

// Codes of real registered organisations, as printed on their business licences.
const VALID_CODES = ['91110000600037341L', '121200004013590816', '91310115MA1K3BTP2B'];

describe('credit code', () => {
  for (const code of VALID_CODES) {
    it(`accepts the registered code ${code}`, () => {
      assert.deepEqual(checkCreditCode(code), { outcome: 'valid', code });
    });
  }

  it('reports a wrong check character as checksum-mismatch with the expected character', () => {
    assert.deepEqual(checkCreditCode('91110000600037341N'), {
      outcome: 'checksum-mismatch',
      code: '91110000600037341N',
      expected: 'L',
    });
  });

  for (const letter of ['I', 'O', 'S', 'V', 'Z']) {
    it(`rejects the letter ${letter}, which GB 32100 leaves out of the alphabet`, () => {
      const code = `9131011${letter}MA1K3BTP2B`;
      assert.equal(code.length, 18);
      assert.equal(checkCreditCode(code).outcome, 'invalid-format');
    });
  }

  it('rejects a code of the wrong length', () => {
    for (const code of ['', '91110000600037341', '91110000600037341LL', '911100006000373']) {
      assert.equal(checkCreditCode(code).outcome, 'invalid-format', code);
    }
  });

  it('expects a normalised code: lower case and spaces are an invalid format', () => {
    assert.equal(checkCreditCode('91310115ma1k3btp2b').outcome, 'invalid-format');
    assert.equal(checkCreditCode(' 91110000600037341L').outcome, 'invalid-format');
    assert.equal(checkCreditCode('9111 0000600037341L').outcome, 'invalid-format');
  });

  it('has an alphabet of 31 characters without I, O, S, V or Z', () => {
    assert.equal(CREDIT_CODE_ALPHABET.length, 31);
    assert.equal(new Set(CREDIT_CODE_ALPHABET).size, 31);
    assert.doesNotMatch(CREDIT_CODE_ALPHABET, /[IOSVZ]/);
  });

  it('computes the check character of the first 17 characters', () => {
    assert.equal(creditCodeCheckCharacter('91110000600037341'), 'L');
    assert.equal(creditCodeCheckCharacter('12120000401359081'), '6');
    assert.equal(creditCodeCheckCharacter('91310115MA1K3BTP2'), 'B');
  });

  it('validates any 17 characters completed with their check character', () => {
    // Deterministic pseudo-random prefixes (a linear congruential generator), so a failure reproduces.
    let seed = 20_160_101;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let n = 0; n < 500; n++) {
      let prefix = '';
      for (let i = 0; i < 17; i++) prefix += CREDIT_CODE_ALPHABET.charAt(next() % 31);
      const code = prefix + creditCodeCheckCharacter(prefix);
      assert.equal(checkCreditCode(code).outcome, 'valid', code);
    }
  });
});
