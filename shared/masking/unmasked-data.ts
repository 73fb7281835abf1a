// Finds unmasked ID numbers in public entries (invariant 2). The controller runs it before
// publishing and the player again before caching, so one bad record is refused at the source.

import { checkResidentId } from '../codes/resident-id.ts';
import type { PublicEntry } from '../lists/list-entry.ts';
import { looksLikeUnmaskedIdNumber } from './masking.ts';

export type UnmaskedReason = 'unmasked-id-code' | 'full-id-in-code' | 'full-id-in-text';

/** Says which entry and field; never the value, so reports and logs do not leak it again. */
export interface UnmaskedFinding {
  id: string;
  field: keyof PublicEntry;
  reason: UnmaskedReason;
}

// 17 digits and a check character anywhere: the shape of a full resident ID number.
const FULL_ID_SHAPE = /\d{17}[\dXx]/g;
const TEXT_FIELDS = ['name', 'legalRepresentative', 'reason', 'authority', 'basis', 'category'] as const;

function withoutSpaces(value: string): string {
  return value.replace(/\s/g, '');
}

function containsFullIdShape(value: string): boolean {
  return withoutSpaces(value).match(FULL_ID_SHAPE) !== null;
}

/** Only a checksum-valid ID counts here: an organisation's text may hold long numbers of other kinds. */
function containsValidResidentId(value: string): boolean {
  const candidates = withoutSpaces(value).match(FULL_ID_SHAPE) ?? [];
  return candidates.some((candidate) => checkResidentId(candidate).outcome === 'valid');
}

/**
 * Free text for a public screen (an emergency notice) that holds an 18-character ID shape. Strict as
 * for a natural person: any such run is refused, checksum or not, since nothing legitimate in a
 * notice needs one and a mistyped ID still identifies someone.
 */
export function containsFullIdNumber(text: string): boolean {
  return containsFullIdShape(text);
}

/**
 * Finds data that must never be stored. For a natural person the code must be masked (some '*',
 * no run of 8+ digits) and no field may hold an 18-character ID; for organisations, whose code is
 * a credit code, only a real ID number in the free-text fields is refused.
 */
export function findUnmaskedData(entries: readonly PublicEntry[]): UnmaskedFinding[] {
  const findings: UnmaskedFinding[] = [];
  for (const entry of entries) {
    const isPerson = entry.subjectType === 'natural-person';
    if (isPerson) {
      if (looksLikeUnmaskedIdNumber(entry.code)) findings.push({ id: entry.id, field: 'code', reason: 'unmasked-id-code' });
      else if (containsFullIdShape(entry.code)) findings.push({ id: entry.id, field: 'code', reason: 'full-id-in-code' });
    } else if (containsValidResidentId(entry.code)) {
      // An individual business (个体工商户) identified by its owner's ID number.
      findings.push({ id: entry.id, field: 'code', reason: 'full-id-in-code' });
    }
    for (const field of TEXT_FIELDS) {
      const value = entry[field];
      if (value === undefined) continue;
      if (isPerson ? containsFullIdShape(value) : containsValidResidentId(value)) {
        findings.push({ id: entry.id, field, reason: 'full-id-in-text' });
      }
    }
  }
  return findings;
}
