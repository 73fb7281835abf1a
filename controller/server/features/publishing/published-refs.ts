// The published (id, hash) lines in their digest buckets, kept between publishes: a withdrawal in
// a 100,000-entry list then costs a few splices and one bucket's hash instead of re-reading every
// row and hashing the whole list (most of a small publish's time before this; a takedown waits on it).

import { bucketDigest, combineBucketDigests, compareEntryIds, DIGEST_BUCKETS, digestBucketOf, digestLine, type EntryHashRef } from '../../../../shared/lists/list-digest.ts';

/** Beyond this many changes a rebuild from the store is cheaper than splicing one by one. */
export const MAX_SPLICED_CHANGES = 2_000;

interface Bucket {
  readonly ids: readonly string[];
  readonly lines: readonly string[];
  readonly digest: string;
}

export interface PublishedRefs {
  /** the list revision these lines describe */
  readonly revision: number;
  readonly count: number;
  readonly buckets: readonly Bucket[];
}

type Hash = (text: string) => string;

function sealed(ids: readonly string[], lines: readonly string[], hash: Hash): Bucket {
  return { ids, lines, digest: bucketDigest(lines, hash) };
}

export function publishedRefsFrom(revision: number, refs: readonly EntryHashRef[], hash: Hash): PublishedRefs {
  const grouped: EntryHashRef[][] = Array.from({ length: DIGEST_BUCKETS }, () => []);
  for (const ref of refs) grouped[digestBucketOf(ref.id)]?.push(ref);
  const buckets = grouped.map((bucket) => {
    bucket.sort((a, b) => compareEntryIds(a.id, b.id));
    return sealed(
      bucket.map((r) => r.id),
      bucket.map(digestLine),
      hash,
    );
  });
  return { revision, count: refs.length, buckets };
}

/** Index of `id` if present, else where it would be inserted (as the bitwise complement). */
function search(ids: readonly string[], id: string): number {
  let low = 0;
  let high = ids.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const order = compareEntryIds(ids[mid] as string, id);
    if (order === 0) return mid;
    if (order < 0) low = mid + 1;
    else high = mid - 1;
  }
  return ~low;
}

/**
 * The refs after one publish's changes, as a new value sharing the untouched buckets (the old one
 * stays valid should the transaction roll back); null when the change is too large to splice and
 * the caller should rebuild from the store.
 */
export function applyPublishedChanges(current: PublishedRefs, revision: number, upserts: readonly EntryHashRef[], tombstones: readonly string[], hash: Hash): PublishedRefs | null {
  if (upserts.length + tombstones.length > MAX_SPLICED_CHANGES) return null;
  const touched = new Map<number, { ids: string[]; lines: string[] }>();
  const open = (id: string) => {
    const index = digestBucketOf(id);
    let bucket = touched.get(index);
    if (!bucket) {
      const before = current.buckets[index] as Bucket;
      bucket = { ids: [...before.ids], lines: [...before.lines] };
      touched.set(index, bucket);
    }
    return bucket;
  };
  let count = current.count;
  for (const id of tombstones) {
    const { ids, lines } = open(id);
    const at = search(ids, id);
    if (at < 0) continue;
    ids.splice(at, 1);
    lines.splice(at, 1);
    count--;
  }
  for (const ref of upserts) {
    const { ids, lines } = open(ref.id);
    const at = search(ids, ref.id);
    if (at >= 0) {
      lines[at] = digestLine(ref);
      continue;
    }
    ids.splice(~at, 0, ref.id);
    lines.splice(~at, 0, digestLine(ref));
    count++;
  }
  const buckets = [...current.buckets];
  for (const [index, { ids, lines }] of touched) buckets[index] = sealed(ids, lines, hash);
  return { revision, count, buckets };
}

export function publishedDigest(refs: PublishedRefs, hash: Hash): string {
  return combineBucketDigests(
    refs.buckets.map((b) => b.digest),
    hash,
  );
}
