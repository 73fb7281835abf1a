// Digests that let a player prove its cached list equals what the controller published.
// Each entry has its own hash, so a revision's digest is a hash over sorted (id, hash) pairs:
// cheap to recompute after a one-entry delta, and independent of the order rows arrived in.

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

export function listDigest(refs: readonly EntryHashRef[], hash: (text: string) => string = sha256Hex): string {
  const sorted = [...refs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return hash(sorted.map((r) => `${r.id}:${r.hash}\n`).join(''));
}
