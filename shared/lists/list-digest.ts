// Digests that let a player prove its cached list equals what the controller published.
// Each entry has its own hash, so a revision's digest is a hash over (id, hash) pairs, sorted
// within buckets of ids: independent of the order rows arrived in, and cheap to recompute after a
// small delta for whoever keeps the buckets (the controller does).

import { canonicalJson } from '../canonical-json.ts';
import { sha256Hex } from '../signing/hashing.ts';
import type { PublicEntry } from './list-entry.ts';

/** `hash` lets a server pass its native SHA-256; the result is the same bytes either way. */
export function publicEntryHash(entry: PublicEntry, hash: (text: string) => string = sha256Hex): string {
  return hash(canonicalJson(entry));
}

export interface EntryHashRef {
  id: string;
  hash: string;
}

/**
 * Entries fall into this many buckets by a hash of their id. The digest is a hash over the buckets'
 * digests, so a publish that changes one entry in 100,000 re-hashes one bucket (≈ 35 KB) instead of
 * the whole list (≈ 9 MB, 30 ms of the controller's time before every takedown could go out).
 */
export const DIGEST_BUCKETS = 256;

/** FNV-1a over the id's UTF-16 code units: the same in every runtime, and cheap. */
export function digestBucketOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % DIGEST_BUCKETS;
}

/** The order within a bucket: UTF-16 code units, the same in every runtime (not a locale's collation). */
export function compareEntryIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One entry's line in its bucket's digested text. */
export function digestLine(ref: EntryHashRef): string {
  return `${ref.id}:${ref.hash}\n`;
}

/** A bucket's digest from its lines, already in `compareEntryIds` order of their ids. */
export function bucketDigest(sortedLines: readonly string[], hash: (text: string) => string = sha256Hex): string {
  return hash(sortedLines.join(''));
}

/** The list's digest from its DIGEST_BUCKETS bucket digests, in bucket order. */
export function combineBucketDigests(bucketDigests: readonly string[], hash: (text: string) => string = sha256Hex): string {
  if (bucketDigests.length !== DIGEST_BUCKETS) throw new Error(`expected ${DIGEST_BUCKETS} bucket digests, got ${bucketDigests.length}`);
  return hash(bucketDigests.map((digest, bucket) => `${bucket}:${digest}\n`).join(''));
}

export function listDigest(refs: readonly EntryHashRef[], hash: (text: string) => string = sha256Hex): string {
  const buckets: EntryHashRef[][] = Array.from({ length: DIGEST_BUCKETS }, () => []);
  for (const ref of refs) buckets[digestBucketOf(ref.id)]?.push(ref);
  const digests = buckets.map((bucket) => bucketDigest(bucket.sort((a, b) => compareEntryIds(a.id, b.id)).map(digestLine), hash));
  return combineBucketDigests(digests, hash);
}
