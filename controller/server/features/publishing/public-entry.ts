// Turns a stored, approved entry into what a public screen may receive, or refuses it.
// This is where masking happens (invariant 2): nothing unmasked leaves this function.

import { ageOn, calendarDateAt, endOfCalendarDateMs } from '../../../../shared/dates/calendar-date.ts';
import { publicEntryHash } from '../../../../shared/lists/list-digest.ts';
import { publicUntil } from '../../../../shared/lists/publication-period.ts';
import type { ListKind, PublicEntry, SubjectType } from '../../../../shared/lists/list-entry.ts';
import { ADULT_AGE, maskIdNumber, maskPersonName, type MaskingPolicy } from '../../../../shared/masking/masking.ts';
import { findUnmaskedData } from '../../../../shared/masking/unmasked-data.ts';
import type { EntriesTable } from '../../store/schema.ts';

/** The stored fields a publication reads; nothing else of an entry can reach a screen. */
export type PublishableEntryRow = Pick<
  EntriesTable,
  'id' | 'list' | 'category' | 'subjectType' | 'subjectName' | 'creditCode' | 'idNumber' | 'legalRepresentative' | 'reason' | 'authority' | 'basis' | 'listedOn' | 'validUntil' | 'birthDate' | 'status'
>;

export type PublicationRefusal = 'not-approved' | 'expired' | 'minor' | 'no-identifier' | 'unmasked-data';

/** A category's policy: its masking, and its publication period in months (none: until valid-until). */
export type CategoryPolicy = MaskingPolicy & { publicationMonths?: number | null };

export interface HashedPublicEntry {
  id: string;
  hash: string;
  entry: PublicEntry;
}

export function toPublicEntry(
  row: PublishableEntryRow,
  policy: CategoryPolicy,
  nowMs: number,
  utcOffsetMinutes: number,
  hashEntry: (entry: PublicEntry) => string = publicEntryHash,
): { ok: true; value: HashedPublicEntry } | { ok: false; refusal: PublicationRefusal } {
  if (row.status !== 'approved') return { ok: false, refusal: 'not-approved' };
  // The screen shows the earlier end as the entry's valid-until and enforces it on its own clock.
  const validUntil = publicUntil(row.validUntil, row.listedOn, policy.publicationMonths ?? null);
  const expiresAt = endOfCalendarDateMs(validUntil, utcOffsetMinutes);
  if (expiresAt <= nowMs) return { ok: false, refusal: 'expired' };
  const isPerson = row.subjectType === 'natural-person';
  // Minors are never published, judged on the publication date, not the import date.
  if (row.birthDate !== null && ageOn(row.birthDate, calendarDateAt(nowMs, utcOffsetMinutes)) < ADULT_AGE) {
    return { ok: false, refusal: 'minor' };
  }
  let code: string;
  if (row.creditCode !== null) code = row.creditCode;
  else if (row.idNumber !== null) code = maskIdNumber(row.idNumber, policy);
  else return { ok: false, refusal: 'no-identifier' };
  const entry: PublicEntry = {
    id: row.id,
    list: row.list as ListKind,
    category: row.category,
    subjectType: row.subjectType as SubjectType,
    name: isPerson ? maskPersonName(row.subjectName, policy.nameDisplay) : row.subjectName,
    code,
    reason: row.reason,
    authority: row.authority,
    listedOn: row.listedOn,
    validUntil,
    expiresAt,
  };
  if (row.legalRepresentative !== null) entry.legalRepresentative = maskPersonName(row.legalRepresentative, policy.nameDisplay);
  if (row.basis !== null) entry.basis = row.basis;
  // An ID number typed into a reason or name would pass masking untouched; players refuse such
  // entries, so refusing here keeps one bad record from stalling every screen's sync.
  if (findUnmaskedData([entry]).length > 0) return { ok: false, refusal: 'unmasked-data' };
  return { ok: true, value: { id: row.id, hash: hashEntry(entry), entry } };
}
