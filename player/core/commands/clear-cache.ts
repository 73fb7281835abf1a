// The cache clean-up of a 'clear-cache' command: drops every cached asset the current manifest does
// not need and re-checks the ones it does. The list data is then re-pulled in full by the caller's
// sync, staged and switched atomically, so the screen keeps showing what it shows until then.

import type { AssetStore } from '../cache/asset-store.ts';
import type { MediaLibrary } from '../cache/media-library.ts';
import type { SlideLibrary } from '../cache/slide-library.ts';

export interface ClearedAssets {
  /** cached files deleted: unneeded ones and needed ones that failed their hash check */
  assetsRemoved: number;
}

/**
 * Why not delete everything: the files the current manifest needs are on screen now (a video plays
 * straight from its file), and removing them would blank the screen until the resync finished,
 * which invariant 4 forbids. Re-hashing them finds the same damage a fresh download would repair;
 * a damaged one is dropped from the libraries, so the resync fetches it again.
 */
export async function clearCachedAssets(deps: { assets: AssetStore; slides: SlideLibrary; media: MediaLibrary; needed: ReadonlySet<string> }): Promise<ClearedAssets> {
  let assetsRemoved = await deps.assets.retainOnly(deps.needed);
  // Partial downloads of needed files too: the resync starts them afresh.
  await deps.assets.removePartialsExcept(new Set());
  const intact = new Set<string>();
  for (const sha256 of deps.needed) {
    const wasCached = deps.assets.isIndexed(sha256);
    // verifyIndexed deletes a damaged file and its index row.
    if (await deps.assets.verifyIndexed(sha256)) intact.add(sha256);
    else if (wasCached) assetsRemoved++;
  }
  deps.slides.retainOnly(intact);
  deps.media.retainOnly(intact);
  return { assetsRemoved };
}
