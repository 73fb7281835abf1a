// What changed between a subject's earlier entry and the one under review, field by field, and
// where that earlier entry stands now. Pure: `today` is passed in.

/** The fields an approver compares; the code (credit code or ID number) is the same by definition. */
export const COMPARED_FIELDS = ['subjectName', 'legalRepresentative', 'category', 'reason', 'authority', 'basis', 'listedOn', 'validUntil', 'sourceRef'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export type ComparableEntry = Readonly<Record<ComparedField, string | null>>;

export interface FieldChange {
  field: ComparedField;
  before: string | null;
  after: string | null;
}

/** An absent value and an empty one read the same on a screen: neither is a change. */
const normalised = (value: string | null): string => (value ?? '').trim();

export function fieldChanges(previous: ComparableEntry, entry: ComparableEntry): FieldChange[] {
  return COMPARED_FIELDS.filter((field) => normalised(previous[field]) !== normalised(entry[field])).map((field) => ({ field, before: previous[field], after: entry[field] }));
}

export type EarlierStanding = 'withdrawn' | 'expired' | 'live';

/** An approved entry is live until its valid-until date has passed (dates are YYYY-MM-DD, so they compare as text). */
export function earlierStanding(previous: { status: string; validUntil: string }, today: string): EarlierStanding {
  if (previous.status === 'withdrawn') return 'withdrawn';
  return previous.validUntil < today ? 'expired' : 'live';
}
