// Unified social credit code (统一社会信用代码), GB 32100-2015.
// Some codes really issued by registration authorities fail the checksum, so a mismatch is
// reported as its own outcome for an approver to confirm, never silently accepted or rejected.

export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// Character → value by char code: imports check every row's code, so no string search per character.
const VALUE_BY_CHAR_CODE = new Int8Array(128).fill(-1);
for (let i = 0; i < CREDIT_CODE_ALPHABET.length; i++) VALUE_BY_CHAR_CODE[CREDIT_CODE_ALPHABET.charCodeAt(i)] = i;
const FORMAT = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export type CreditCodeCheck =
  | { outcome: 'valid'; code: string }
  | { outcome: 'invalid-format'; code: string }
  | { outcome: 'checksum-mismatch'; code: string; expected: string };

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += (VALUE_BY_CHAR_CODE[first17.charCodeAt(i)] ?? -1) * (WEIGHTS[i] ?? 0);
  }
  return CREDIT_CODE_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Validates an already-normalised code (upper case, no spaces). */
export function checkCreditCode(code: string): CreditCodeCheck {
  if (!FORMAT.test(code)) return { outcome: 'invalid-format', code };
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (expected !== code.charAt(17)) return { outcome: 'checksum-mismatch', code, expected };
  return { outcome: 'valid', code };
}
