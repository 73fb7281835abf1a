// Slide documents the display needs, read from verified asset files and kept parsed in memory.

import { slideDocumentSchema, type SlideDocument } from '../../../shared/protocol/manifest.ts';
import type { AssetStore } from './asset-store.ts';

export class SlideLibrary {
  readonly #assets: AssetStore;
  readonly #documents = new Map<string, SlideDocument>();

  constructor(assets: AssetStore) {
    this.#assets = assets;
  }

  get(sha256: string): SlideDocument | undefined {
    return this.#documents.get(sha256);
  }

  /** A read-only view for the display-state builder. */
  documents(): ReadonlyMap<string, SlideDocument> {
    return this.#documents;
  }

  /**
   * Loads a cached slide after checking its hash; null when it is not cached, was corrupted (the
   * asset store then forgets it so it is downloaded again) or is not a slide document.
   */
  async load(sha256: string): Promise<SlideDocument | null> {
    const known = this.#documents.get(sha256);
    if (known) return known;
    const bytes = await this.#assets.readVerified(sha256);
    if (!bytes) return null;
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch {
      return null;
    }
    const parsed = slideDocumentSchema.safeParse(json);
    if (!parsed.success) return null;
    this.#documents.set(sha256, parsed.data);
    return parsed.data;
  }

  /** Drops a document whose file was evicted from the cache. */
  forget(sha256: string): void {
    this.#documents.delete(sha256);
  }

  /** Forgets documents no longer referenced, so memory follows the current manifest. */
  retainOnly(keep: ReadonlySet<string>): void {
    for (const sha256 of [...this.#documents.keys()]) if (!keep.has(sha256)) this.#documents.delete(sha256);
  }
}
