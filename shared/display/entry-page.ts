// The compact form a page of list entries travels in from the player core to its display: one array
// per field, each text field as a table of its distinct values and an index into it per entry.
// A list repeats its categories, authorities, reasons and dates thousands of times; naming every
// field of every entry (the plain JSON form) made 100,000 entries 38 MB to send and parse.

import type { PublicEntry } from '../lists/list-entry.ts';

export const ENTRY_PAGE_FORMAT = 1;

type TextField = Exclude<keyof PublicEntry, 'expiresAt'>;
// Typed as a record of every text field, so a field added to PublicEntry fails to compile until it
// is listed here instead of silently not reaching the screen. expiresAt, a number, is a plain array.
const TEXT_FIELD_SET: Record<TextField, true> = {
  id: true,
  list: true,
  category: true,
  subjectType: true,
  name: true,
  code: true,
  legalRepresentative: true,
  reason: true,
  authority: true,
  basis: true,
  listedOn: true,
  validUntil: true,
};
const TEXT_FIELDS = Object.keys(TEXT_FIELD_SET) as TextField[];

/**
 * A text column: its distinct values (null: the optional field is absent) and, per entry, the
 * position of its value. `index` is left out when every entry has a value of its own, in order.
 */
export interface EntryPageColumn {
  values: Array<string | null>;
  index?: number[];
}

export interface EntryPageJson {
  format: typeof ENTRY_PAGE_FORMAT;
  count: number;
  text: Record<TextField, EntryPageColumn>;
  expiresAt: number[];
}

/** One text column as it is written: each value interned (its table and an index), or listed as is. */
class ColumnWriter {
  readonly #positions: Map<string | null, number> | null;
  readonly #values: Array<string | null> = [];
  readonly #index: number[] = [];

  /** `intern`: a field whose values repeat; the ones that identify an entry are listed as they come. */
  constructor(intern: boolean) {
    this.#positions = intern ? new Map() : null;
  }

  add(value: string | undefined): void {
    const v = value ?? null;
    if (this.#positions === null) {
      this.#values.push(v);
      return;
    }
    let position = this.#positions.get(v);
    if (position === undefined) {
      position = this.#values.length;
      this.#positions.set(v, position);
      this.#values.push(v);
    }
    this.#index.push(position);
  }

  column(): EntryPageColumn {
    return this.#positions === null || this.#values.length === this.#index.length ? { values: this.#values } : { values: this.#values, index: this.#index };
  }
}

/** Fields that tell entries apart: interning them would only add an index. */
const LISTED_AS_IS: ReadonlySet<TextField> = new Set(['id', 'name', 'code', 'legalRepresentative']);

/** The page as the core serves it (JSON text), entries in the order given. */
export function encodeEntryPage(entries: readonly PublicEntry[]): string {
  const w = {} as Record<TextField, ColumnWriter>;
  for (const field of TEXT_FIELDS) w[field] = new ColumnWriter(!LISTED_AS_IS.has(field));
  for (const entry of entries) for (const field of TEXT_FIELDS) w[field].add(entry[field]);
  const text = {} as Record<TextField, EntryPageColumn>;
  for (const field of TEXT_FIELDS) text[field] = w[field].column();
  const page: EntryPageJson = { format: ENTRY_PAGE_FORMAT, count: entries.length, text, expiresAt: entries.map((entry) => entry.expiresAt) };
  return JSON.stringify(page);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks one field's value (an absent optional field: undefined). A column's distinct values are
 * checked once each, not once per entry: a page of 8,192 entries holds a few dozen reasons.
 */
export type EntryFieldCheck = (field: keyof PublicEntry, value: unknown) => boolean;

/** The column's table of values and each entry's position in it, or null when the column is malformed. */
function columnOf(value: unknown, count: number): { table: Array<string | null>; index: number[] | null } | null {
  if (!isObject(value) || !Array.isArray(value.values)) return null;
  const values = value.values as unknown[];
  if (!values.every((v) => v === null || typeof v === 'string')) return null;
  const table = values as Array<string | null>;
  if (value.index === undefined) return table.length === count ? { table, index: null } : null;
  if (!Array.isArray(value.index) || value.index.length !== count) return null;
  const index = value.index as unknown[];
  if (!index.every((position) => typeof position === 'number' && Number.isInteger(position) && position >= 0 && position < table.length)) return null;
  return { table, index: index as number[] };
}

/** An entry as decoded, not yet checked. */
type DecodedEntry = Omit<Record<keyof PublicEntry, unknown>, OptionalField> & Partial<Record<OptionalField, unknown>>;
type OptionalField = 'legalRepresentative' | 'basis';

/**
 * The page's entries as plain objects (an absent optional field left out), keeping only those
 * whose every field passes `check`; null when the page itself is malformed.
 */
export function decodeEntryPage(value: unknown, check: EntryFieldCheck = () => true): DecodedEntry[] | null {
  if (!isObject(value) || value.format !== ENTRY_PAGE_FORMAT || !isObject(value.text) || !Array.isArray(value.expiresAt)) return null;
  const count = value.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || value.expiresAt.length !== count) return null;
  const expiresAt = value.expiresAt as unknown[];
  const sound = expiresAt.map((at) => check('expiresAt', at));
  // Column by column into plain arrays, then each entry built at once with the same keys in the
  // same order: V8 keeps such objects fast, where adding fields one column at a time did not.
  const values = {} as Record<TextField, Array<string | null>>;
  for (const field of TEXT_FIELDS) {
    const column = columnOf(value.text[field], count);
    if (column === null) return null;
    const passes = column.table.map((v) => check(field, v ?? undefined));
    const index = column.index;
    const out = new Array<string | null>(count);
    for (let i = 0; i < count; i++) {
      const position = index === null ? i : (index[i] as number);
      if (!passes[position]) sound[i] = false;
      out[i] = column.table[position] ?? null;
    }
    values[field] = out;
  }
  const { id, list, category, subjectType, name, code, legalRepresentative, reason, authority, basis, listedOn, validUntil } = values;
  const entries: DecodedEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (!sound[i]) continue;
    const entry: DecodedEntry = { id: id[i], list: list[i], category: category[i], subjectType: subjectType[i], name: name[i], code: code[i], reason: reason[i], authority: authority[i], listedOn: listedOn[i], validUntil: validUntil[i], expiresAt: expiresAt[i] };
    if (legalRepresentative[i] !== null) entry.legalRepresentative = legalRepresentative[i];
    if (basis[i] !== null) entry.basis = basis[i];
    entries.push(entry);
  }
  return entries;
}
