// The difference between two published states of the lists, as upserts and tombstones.

export interface HashedRow {
  id: string;
  hash: string;
}

export interface ListDelta<T extends HashedRow> {
  upserts: T[];
  /** ids that were published and no longer are */
  tombstones: string[];
}

/** previous: id → hash of what is published now; next: the rows that should be published. */
export function computeListDelta<T extends HashedRow>(previous: ReadonlyMap<string, string>, next: readonly T[]): ListDelta<T> {
  const upserts: T[] = [];
  const seen = new Set<string>();
  for (const row of next) {
    seen.add(row.id);
    if (previous.get(row.id) !== row.hash) upserts.push(row);
  }
  const tombstones: string[] = [];
  for (const id of previous.keys()) if (!seen.has(id)) tombstones.push(id);
  return { upserts, tombstones };
}
