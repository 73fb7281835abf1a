// How an entry reads in the console: its code (ID numbers masked) and how near its end it is.

import { maskIdNumber } from '../../../../../shared/masking/masking.ts';

/** The screens' default: an ID number keeps its first 6 and last 4 characters. */
const ID_MASK = { idKeepStart: 6, idKeepEnd: 4 };

/**
 * An organisation's credit code as it is (it is public); a person's ID number masked, as on the
 * screens, unless `reveal`: the list is read at desks in open offices.
 */
export function entryCode(entry: { creditCode: string | null; idNumber: string | null }, reveal = false): string {
  if (entry.creditCode) return entry.creditCode;
  if (entry.idNumber) return reveal ? entry.idNumber : maskIdNumber(entry.idNumber, ID_MASK);
  return '—';
}

export type ExpiryState = 'expired' | 'soon' | 'in-force';

/** Within this many days of its valid-until date an entry is flagged as ending soon. */
export const SOON_DAYS = 30;

/** Dates are 'YYYY-MM-DD', compared as text; `today` is the same form. */
export function expiryState(validUntil: string, today: string): ExpiryState {
  if (validUntil < today) return 'expired';
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + SOON_DAYS * 86_400_000).toISOString().slice(0, 10);
  return validUntil <= soon ? 'soon' : 'in-force';
}
