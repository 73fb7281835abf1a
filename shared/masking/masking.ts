// Masking of natural persons' data before anything leaves the controller for a public screen.
// The rules are per category because publication rules differ: courts publish the full name of
// a dishonest judgment debtor (失信被执行人), while other lists show only the surname.

export type NameDisplay = 'full' | 'surname';

export interface MaskingPolicy {
  /** Characters of an ID number kept at the start (6 = the region code). */
  idKeepStart: number;
  /** Characters of an ID number kept at the end. */
  idKeepEnd: number;
  nameDisplay: NameDisplay;
}

export const DEFAULT_MASKING_POLICY: MaskingPolicy = { idKeepStart: 6, idKeepEnd: 4, nameDisplay: 'surname' };

export const MASK_CHARACTER = '*';

/** Never reveal more than 10 of 18 characters, whatever a policy says: 6 + 4 is the national practice. */
const MAX_REVEALED_ID_CHARACTERS = 10;

// A policy read from storage may hold NaN; NaN would make slice() reveal the whole ID, so it keeps nothing.
function keptCharacters(count: number): number {
  return Number.isNaN(count) ? 0 : Math.max(0, Math.floor(count));
}

export function maskIdNumber(id: string, policy: Pick<MaskingPolicy, 'idKeepStart' | 'idKeepEnd'>): string {
  let keepStart = keptCharacters(policy.idKeepStart);
  let keepEnd = keptCharacters(policy.idKeepEnd);
  if (keepStart + keepEnd > MAX_REVEALED_ID_CHARACTERS) {
    keepStart = Math.min(keepStart, 6);
    keepEnd = MAX_REVEALED_ID_CHARACTERS - keepStart;
  }
  if (id.length <= keepStart + keepEnd) return MASK_CHARACTER.repeat(id.length);
  return id.slice(0, keepStart) + MASK_CHARACTER.repeat(id.length - keepStart - keepEnd) + id.slice(id.length - keepEnd);
}

// Two-character compound surnames (复姓) that are still in use; for these, the first two
// characters are the surname.
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒',
  '夏侯', '轩辕', '令狐', '端木', '独孤', '南宫', '西门', '百里', '呼延', '澹台', '公冶', '太史',
]);

export function surnameOf(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length >= 3 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join(''))) return chars.slice(0, 2).join('');
  return chars[0] ?? '';
}

export function maskPersonName(name: string, display: NameDisplay): string {
  const trimmed = name.trim();
  if (display === 'full') return trimmed;
  const surname = surnameOf(trimmed);
  const rest = Array.from(trimmed).length - Array.from(surname).length;
  return surname + MASK_CHARACTER.repeat(Math.max(1, Math.min(rest, 2)));
}

/**
 * True when a string looks like an ID number that still shows its middle (birth date) digits:
 * eight digits in a row are visible, whether or not some other character was masked.
 */
export function looksLikeUnmaskedIdNumber(value: string): boolean {
  return /\d{8,}/.test(value.replace(/\s/g, ''));
}

export const ADULT_AGE = 18;
