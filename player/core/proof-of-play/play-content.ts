// Which content a reported scene is, taken from the signed manifest the core holds. Pure.

import { PLAY_CONTENT_ID_MAX, PLAY_KINDS, type PlayKind } from '../../../shared/protocol/proof-of-play.ts';
import type { Manifest } from '../../../shared/protocol/manifest.ts';

/** What the kiosk page says it shows (the `showing` of its display report). */
export interface ShownItem {
  /** a timeline item's kind, or 'pairing' / 'fallback' */
  kind: string;
  /** the timeline item's id; null for pairing and fallback */
  id: string | null;
}

/** Everything a play event says about what was shown, apart from its id and times. */
export interface PlayContent {
  kind: PlayKind;
  contentId: string;
  contentHash: string;
  manifestVersion: number;
  listRevision: number;
}

export function samePlayContent(a: PlayContent, b: PlayContent): boolean {
  return a.kind === b.kind && a.contentId === b.contentId && a.contentHash === b.contentHash && a.manifestVersion === b.manifestVersion && a.listRevision === b.listRevision;
}

const isPlayKind = (kind: string): kind is PlayKind => (PLAY_KINDS as readonly string[]).includes(kind);

/**
 * The content of a shown timeline item, or null when it is not content (pairing, the built-in
 * fallback slide) or the manifest does not name it. Hashes come from the signed manifest, not from
 * the page: an item with an asset is that asset's SHA-256; a list view is the digest of the list
 * data the manifest pins, with `listRevision` saying which revision the screen held.
 */
export function playContentOf(manifest: Manifest | null, shown: ShownItem, listRevision: number): PlayContent | null {
  if (!manifest || shown.id === null || shown.id.length > PLAY_CONTENT_ID_MAX) return null;
  const item = manifest.timeline.find((candidate) => candidate.id === shown.id && candidate.kind === shown.kind);
  if (!item || !isPlayKind(item.kind)) return null;
  const contentHash = item.kind === 'list' ? manifest.lists.digest : item.asset.sha256;
  return { kind: item.kind, contentId: item.id, contentHash, manifestVersion: manifest.version, listRevision };
}
