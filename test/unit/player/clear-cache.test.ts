// Clearing the player's asset cache: unneeded files go, needed ones are re-checked, and a damaged one is dropped for the resync.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { openPlayerCache } from '../../../player/core/cache/player-cache.ts';
import { MediaLibrary } from '../../../player/core/cache/media-library.ts';
import { SlideLibrary } from '../../../player/core/cache/slide-library.ts';
import { clearCachedAssets } from '../../../player/core/commands/clear-cache.ts';
import { tempDir } from '../../support/temp-dir.ts';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('clear cache', () => {
  it('removes assets the current manifest does not need, keeps intact needed ones, and drops a damaged needed one', async (t) => {
    const cache = openPlayerCache(tempDir(t));
    t.after(() => cache.close());
    const media = new MediaLibrary(cache.assets);
    const slides = new SlideLibrary(cache.assets);
    const shown = new TextEncoder().encode('video on screen now');
    const damaged = new TextEncoder().encode('image that rotted on disk');
    const old = new TextEncoder().encode('image of last week');
    for (const bytes of [shown, damaged, old]) await cache.assets.putBytes(sha(bytes), bytes, 1);
    for (const bytes of [shown, damaged]) assert.ok(await media.load(sha(bytes)));
    writeFileSync(cache.assets.pathOf(sha(damaged)), 'not the same bytes');

    const cleared = await clearCachedAssets({ assets: cache.assets, slides, media, needed: new Set([sha(shown), sha(damaged)]) });
    assert.equal(cleared.assetsRemoved, 2);
    assert.ok(cache.assets.isIndexed(sha(shown)) && existsSync(cache.assets.pathOf(sha(shown))), 'what is on screen stays');
    assert.ok(media.has(sha(shown)));
    assert.equal(cache.assets.isIndexed(sha(old)), false);
    assert.equal(existsSync(cache.assets.pathOf(sha(old))), false);
    assert.equal(cache.assets.isIndexed(sha(damaged)), false, 'fetched again by the resync');
    assert.equal(media.has(sha(damaged)), false);
  });
});
