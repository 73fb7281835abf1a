// Checks a page of a list's entries from the core before the screen trusts it: a bad entry is dropped, never shown.
import { decodeEntryPage } from '../../../../shared/display/entry-page.ts';
import { publicEntrySchema, type PublicEntry } from '../../../../shared/lists/list-entry.ts';
import { looksLikeUnmaskedIdNumber } from '../../../../shared/masking/masking.ts';

/**
 * The controller masks natural persons' ID numbers and the core re-checks; the screen checks a
 * third time because it is the last step before a public wall.
 */
export function isPublishableEntry(entry: PublicEntry): boolean {
  return !(entry.subjectType === 'natural-person' && looksLikeUnmaskedIdNumber(entry.code));
}

const fieldSchemas = publicEntrySchema.shape;

/**
 * The page's sound entries in order, or null when the page itself is malformed. Each field is
 * checked against its schema in the entry schema, each distinct value once (decodeEntryPage):
 * what an entry-by-entry parse of the whole schema accepts, at a fraction of its cost.
 */
export function parseEntryPage(value: unknown): PublicEntry[] | null {
  const entries = decodeEntryPage(value, (field, v) => fieldSchemas[field].safeParse(v).success);
  return entries === null ? null : (entries as unknown as PublicEntry[]).filter(isPublishableEntry);
}
