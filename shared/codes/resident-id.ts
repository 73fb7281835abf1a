// Resident identity card number (居民身份证号码), GB 11643-1999: 17 digits, then a check
// character over ISO 7064 MOD 11-2. Lower-case x is how many spreadsheets store the X.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const FORMAT = /^\d{17}[\dX]$/;

export type ResidentIdCheck =
  | { outcome: 'valid'; id: string; birthDate: string }
  | { outcome: 'invalid-format'; id: string }
  | { outcome: 'invalid-birth-date'; id: string }
  | { outcome: 'checksum-mismatch'; id: string; expected: string };

export function normaliseResidentId(raw: string): string {
  return raw.trim().toUpperCase();
}

export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARACTERS.charAt(sum % 11);
}

export function isRealCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

export function checkResidentId(raw: string): ResidentIdCheck {
  const id = normaliseResidentId(raw);
  if (!FORMAT.test(id)) return { outcome: 'invalid-format', id };
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  // Nobody alive was born before 1900 (GB 11643 took effect 1999; 15-digit ids were upgraded with 19xx).
  if (year < 1900 || !isRealCalendarDate(year, month, day)) return { outcome: 'invalid-birth-date', id };
  const expected = residentIdCheckCharacter(id.slice(0, 17));
  if (expected !== id.charAt(17)) return { outcome: 'checksum-mismatch', id, expected };
  return { outcome: 'valid', id, birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` };
}
