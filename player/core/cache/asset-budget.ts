// Which cached assets to delete so that what a sync needs fits the disk budget: least recently used first, never one the current or next manifest needs. Pure.

// Room for a few hours of HD video on the small (16–32 GB) eMMC of a typical signage stick, with
// the OS, logs and the list cache beside it. Deployments with more disk raise it per player.
export const DEFAULT_ASSET_BUDGET_BYTES = 4 * 1024 ** 3;

export interface CachedAsset {
  sha256: string;
  bytes: number;
  /** epoch ms of its last use by an applied manifest */
  lastUsedAt: number;
}

export interface EvictionPlan {
  /** least recently used first */
  evict: string[];
  /** false when even evicting everything allowed leaves too little room: the sync must not start */
  fits: boolean;
  /** bytes cached plus bytes to download, after the evictions */
  bytesAfter: number;
}

export function planEvictions(cached: readonly CachedAsset[], protectedAssets: ReadonlySet<string>, incomingBytes: number, budgetBytes: number): EvictionPlan {
  let total = incomingBytes;
  for (const asset of cached) total += asset.bytes;
  const candidates = cached.filter((a) => !protectedAssets.has(a.sha256)).sort((a, b) => a.lastUsedAt - b.lastUsedAt || (a.sha256 < b.sha256 ? -1 : 1));
  const evict: string[] = [];
  for (const asset of candidates) {
    if (total <= budgetBytes) break;
    evict.push(asset.sha256);
    total -= asset.bytes;
  }
  return { evict, fits: total <= budgetBytes, bytesAfter: total };
}
