// Images and videos the display may show: cached files whose hash was checked since this boot.

import type { AssetStore } from './asset-store.ts';

export class MediaLibrary {
  readonly #assets: AssetStore;
  readonly #verified = new Set<string>();

  constructor(assets: AssetStore) {
    this.#assets = assets;
  }

  has(sha256: string): boolean {
    return this.#verified.has(sha256);
  }

  /** A read-only view for the display-state builder. */
  verified(): ReadonlySet<string> {
    return this.#verified;
  }

  /** Where the display server finds a verified file; null for anything else. */
  pathOf(sha256: string): string | null {
    return this.#verified.has(sha256) && this.#assets.isIndexed(sha256) ? this.#assets.pathOf(sha256) : null;
  }

  /** Drops a file evicted from the cache. */
  forget(sha256: string): void {
    this.#verified.delete(sha256);
  }

  /**
   * Hashes a cached file once per boot before it may be shown: a file damaged on disk (a failing
   * SD card, a power cut mid-write on a filesystem without journaling) is dropped and fetched again.
   * Damage after that check goes unseen until the next boot; hashing gigabytes of video on every
   * play would cost more than the risk.
   */
  async load(sha256: string): Promise<boolean> {
    // Still indexed: an eviction since the check removes the file and its row, and must not count.
    if (this.#verified.has(sha256) && this.#assets.isIndexed(sha256)) return true;
    this.#verified.delete(sha256);
    if (!(await this.#assets.verifyIndexed(sha256))) return false;
    this.#verified.add(sha256);
    return true;
  }

  /** Forgets files no longer referenced, so the set follows the current manifest. */
  retainOnly(keep: ReadonlySet<string>): void {
    for (const sha256 of [...this.#verified]) if (!keep.has(sha256)) this.#verified.delete(sha256);
  }
}
