// Unit tests for one sync against a fake controller: a real cache, real signatures, real hashing.

import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { TimelineItem } from '../../../shared/protocol/manifest.ts';
import { generateSigningKeyPair } from '../../../shared/signing/manifest-signing.ts';
import { openPlayerCache, type PlayerCache } from '../../../player/core/cache/player-cache.ts';
import { SlideLibrary } from '../../../player/core/cache/slide-library.ts';
import { MediaLibrary } from '../../../player/core/cache/media-library.ts';
import { PlayerError } from '../../../player/core/errors.ts';
import type { AssetRef } from '../../../player/core/sync/asset-fetcher.ts';
import { runSync, type SyncDeps } from '../../../player/core/sync/sync-run.ts';
import { FakeController } from './fake-controller.ts';
import { NOW, controllerKeys, makeEntry, makePerson, silentLogger, slideBytes, tempDir } from './fixtures.ts';

let dir: ReturnType<typeof tempDir>;
let cache: PlayerCache;
let controller: FakeController;
let served: Map<string, Uint8Array>;
let downloads: AssetRef[];

beforeEach(() => {
  dir = tempDir();
  cache = openPlayerCache(dir.path);
  controller = new FakeController();
  served = new Map();
  downloads = [];
});
afterEach(() => {
  cache.close();
  dir.remove();
});

function deps(overrides: Partial<SyncDeps> = {}): SyncDeps {
  return {
    cache,
    slides: new SlideLibrary(cache.assets),
    media: new MediaLibrary(cache.assets),
    assetBudgetBytes: 1024 ** 3,
    link: controller.link(),
    downloadAsset: async (asset) => {
      downloads.push(asset);
      const bytes = served.get(asset.sha256);
      if (!bytes) throw new PlayerError('asset-download-failed', 'HTTP 404');
      await cache.assets.putBytes(asset.sha256, bytes, NOW);
    },
    pinnedPublicKey: controllerKeys.publicKey,
    now: () => NOW,
    logger: silentLogger,
    ...overrides,
  };
}

function slideItem(sha256: string, bytes: number): TimelineItem {
  return { kind: 'slide', id: `slide-${sha256.slice(0, 6)}`, asset: { sha256, bytes }, durationMs: 10_000 };
}

const liveIds = () => cache.lists.liveEntries().map((e) => e.id).sort();

describe('runSync', () => {
  it('pulls every page, downloads slides, then switches and tells the controller', async () => {
    const entries = Array.from({ length: 2_500 }, (_, i) => makeEntry({ id: `e${String(i).padStart(4, '0')}` }));
    controller.publishLists(entries);
    const slide = slideBytes();
    served.set(slide.sha256, slide.bytes);
    controller.publishManifest(1, [slideItem(slide.sha256, slide.bytes.byteLength)]);

    const outcome = await runSync(deps());
    assert.deepEqual(outcome, { kind: 'applied', manifestVersion: 1, listRevision: 1 });
    assert.equal(controller.requests.length, 2, 'two pages of 2 000');
    assert.equal(cache.lists.liveEntries().length, 2_500);
    assert.equal(cache.manifests.current()?.version, 1);
    assert.deepEqual(controller.applied, [{ manifestVersion: 1, listRevision: 1 }]);
    assert.ok(cache.assets.isIndexed(slide.sha256));
  });

  it('applies a later delta: only changes travel, tombstones remove entries', async () => {
    controller.publishLists([makeEntry({ id: 'a' }), makeEntry({ id: 'b' })]);
    controller.publishManifest(1);
    await runSync(deps());
    controller.publishLists([makeEntry({ id: 'c' })], ['a']);
    controller.publishManifest(2);
    assert.equal((await runSync(deps())).kind, 'applied');
    assert.deepEqual(liveIds(), ['b', 'c']);
    assert.equal(controller.requests.at(-1)?.sinceRevision, 1);
  });

  it('rejects a manifest signed by another key and keeps playing the current one', async () => {
    controller.publishLists([makeEntry({ id: 'a' })]);
    controller.publishManifest(1);
    await runSync(deps());
    controller.publishLists([makeEntry({ id: 'b' })]);
    controller.publishManifest(2, undefined, generateSigningKeyPair());
    const outcome = await runSync(deps());
    assert.equal(outcome.kind === 'failed' && outcome.code, 'manifest-signature-invalid');
    assert.equal(controller.errors[0]?.code, 'manifest-signature-invalid');
    assert.equal(cache.manifests.current()?.version, 1);
    assert.deepEqual(liveIds(), ['a']);
    assert.equal(cache.lists.staging(), null, 'staged changes discarded');
  });

  it('rejects a manifest whose signed payload was altered in transit', async () => {
    controller.publishLists([makeEntry({ id: 'a' })]);
    controller.publishManifest(1);
    const tampered = controller.manifest;
    assert.ok(tampered);
    tampered.payload.timeline = [];
    assert.equal(((await runSync(deps())) as { code?: string }).code, 'manifest-signature-invalid');
    assert.equal(cache.manifests.current(), null);
  });

  it('refuses list data whose digest does not match, after one full re-pull', async () => {
    controller.publishLists([makeEntry({ id: 'a' })]);
    controller.publishManifest(1);
    await runSync(deps());
    controller.publishLists([makeEntry({ id: 'b' })]);
    controller.publishManifest(2);
    // The controller (or the wire) alters an entry after it was digested.
    controller.transformPage = (page) => ({ ...page, upserts: page.upserts.map((e) => ({ ...e, reason: '篡改' })) });
    const outcome = await runSync(deps());
    assert.equal(outcome.kind === 'failed' && outcome.code, 'manifest-digest-mismatch');
    assert.equal(controller.requests.at(-1)?.sinceRevision, 0, 'tried a full pull before giving up');
    assert.deepEqual(liveIds(), ['a']);
    assert.equal(cache.manifests.current()?.version, 1);
  });

  it('repairs a damaged cache with a full re-pull', async () => {
    controller.publishLists([makeEntry({ id: 'a' })]);
    controller.publishManifest(1);
    await runSync(deps());
    cache.db.prepare("DELETE FROM entries WHERE id = 'a'").run();
    controller.publishLists([makeEntry({ id: 'b' })]);
    controller.publishManifest(2);
    assert.equal((await runSync(deps())).kind, 'applied');
    assert.deepEqual(liveIds(), ['a', 'b']);
  });

  it('refuses the whole sync when a natural person’s ID arrives unmasked', async () => {
    controller.publishLists([makeEntry({ id: 'a' })]);
    controller.publishManifest(1);
    await runSync(deps());
    controller.publishLists([makeEntry({ id: 'b' }), makePerson({ id: 'p', code: '11010519491231002X' })]);
    controller.publishManifest(2);
    const outcome = await runSync(deps());
    assert.equal(outcome.kind === 'failed' && outcome.code, 'unmasked-data-refused');
    assert.deepEqual(liveIds(), ['a']);
    const stored = cache.db.prepare<[], { n: number }>("SELECT count(*) AS n FROM staged_changes WHERE body LIKE '%11010519491231002X%'").get();
    assert.equal(stored?.n, 0, 'never stored, not even in staging');
    assert.equal(controller.errors[0]?.message.includes('11010519491231002X'), false);
  });

  it('pulls again when the manifest is ahead of the list revision it reached', async () => {
    controller.publishLists([makeEntry({ id: 'a' })]);
    let pulls = 0;
    controller.transformPage = (page) => {
      // The controller publishes between the first pull and the manifest fetch.
      if (++pulls === 1) {
        controller.publishLists([makeEntry({ id: 'b' })]);
        controller.publishManifest(1);
      }
      return page;
    };
    const outcome = await runSync(deps());
    assert.deepEqual(outcome, { kind: 'applied', manifestVersion: 1, listRevision: 2 });
    assert.deepEqual(liveIds(), ['a', 'b']);
  });

  it('does not switch when a slide fails its hash check', async () => {
    controller.publishLists([makeEntry({ id: 'a' })]);
    const slide = slideBytes();
    served.set(slide.sha256, new TextEncoder().encode('{"kind":"slide","title":"被替换","body":""}'));
    controller.publishManifest(1, [slideItem(slide.sha256, slide.bytes.byteLength)]);
    const outcome = await runSync(deps());
    assert.equal(outcome.kind === 'failed' && outcome.code, 'asset-hash-mismatch');
    assert.equal(cache.manifests.current(), null);
    assert.deepEqual(liveIds(), []);
  });

  it('refuses a manifest older than the one applied', async () => {
    controller.publishLists([makeEntry({ id: 'a' })]);
    controller.publishManifest(5);
    await runSync(deps());
    controller.publishManifest(4);
    const outcome = await runSync(deps());
    assert.equal(outcome.kind === 'failed' && outcome.code, 'sync-failed');
    assert.equal(cache.manifests.current()?.version, 5);
  });

  it('reports no manifest when none is published yet, and stages nothing', async () => {
    controller.publishLists([makeEntry({ id: 'a' })]);
    assert.deepEqual(await runSync(deps()), { kind: 'no-manifest' });
    assert.equal(cache.lists.staging(), null);
    assert.deepEqual(liveIds(), []);
  });

  it('keeps a withdrawal that raced the sync off the cache', async () => {
    controller.publishLists([makeEntry({ id: 'a' }), makeEntry({ id: 'b' })]);
    controller.publishManifest(1);
    controller.transformPage = (page) => {
      // The takedown is pushed while the (older) page is in flight.
      cache.lists.takedown(['a'], 2, NOW);
      return page;
    };
    const outcome = await runSync(deps());
    assert.equal(outcome.kind, 'deferred');
    assert.deepEqual(controller.errors, [], 'an expected race is not reported as an error');
    assert.equal(liveIds().includes('a'), false);
    // The controller's next manifest includes the withdrawal, and the sync converges.
    controller.transformPage = (page) => page;
    controller.publishLists([], ['a']);
    controller.publishManifest(2);
    assert.equal((await runSync(deps())).kind, 'applied');
    assert.deepEqual(liveIds(), ['b']);
    assert.equal(cache.lists.maxTakedownRevision(), 0);
  });
});

describe('runSync and withdrawals', () => {
  const failures: Array<{ why: string; publish: () => void }> = [
    {
      why: 'a slide fails to download',
      publish: () => {
        const slide = slideBytes({ title: '未能下载' });
        controller.publishLists([makeEntry({ id: 'c' })], ['a']);
        controller.publishManifest(2, [slideItem(slide.sha256, slide.bytes.byteLength)]);
      },
    },
    {
      why: 'an entry in the same page is refused as unmasked',
      publish: () => {
        controller.publishLists([makePerson({ id: 'p', code: '11010519491231002X' })], ['a']);
        controller.publishManifest(2);
      },
    },
    {
      why: 'the list digest does not match',
      publish: () => {
        controller.publishLists([makeEntry({ id: 'c' })], ['a']);
        controller.publishManifest(2);
        controller.transformPage = (page) => ({ ...page, upserts: page.upserts.map((e) => ({ ...e, reason: '篡改' })) });
      },
    },
  ];

  for (const { why, publish } of failures) {
    it(`takes a pulled tombstone off the live entries even when ${why}`, async () => {
      controller.publishLists([makeEntry({ id: 'a' }), makeEntry({ id: 'b' })]);
      controller.publishManifest(1);
      await runSync(deps());
      // The screen was offline when 'a' was withdrawn: it learns of it only from the pulled changes.
      publish();
      const removed: string[][] = [];
      const outcome = await runSync(deps({ onLiveEntriesRemoved: (ids) => removed.push([...ids]) }));
      assert.equal(outcome.kind, 'failed');
      assert.deepEqual(liveIds(), ['b'], 'the withdrawn entry is gone although the sync failed');
      assert.deepEqual(removed, [['a']], 'the display is told');
      assert.equal(cache.manifests.current()?.version, 1, 'no switch');
      assert.equal(cache.lists.revision(), 1, 'the revision stays, so the next sync pulls the same changes');
    });
  }

  it('converges on the next sync after tombstones were applied ahead of a failed one', async () => {
    controller.publishLists([makeEntry({ id: 'a' }), makeEntry({ id: 'b' })]);
    controller.publishManifest(1);
    await runSync(deps());
    const slide = slideBytes({ title: '稍后可下载' });
    controller.publishLists([makeEntry({ id: 'c' })], ['a']);
    controller.publishManifest(2, [slideItem(slide.sha256, slide.bytes.byteLength)]);
    assert.equal((await runSync(deps())).kind, 'failed');
    served.set(slide.sha256, slide.bytes);
    assert.deepEqual(await runSync(deps()), { kind: 'applied', manifestVersion: 2, listRevision: 2 });
    assert.deepEqual(liveIds(), ['b', 'c']);
    assert.equal(controller.requests.at(-1)?.sinceRevision, 1, 'a delta, not a full re-pull');
  });

  it('forgets a remembered takedown that a converged manifest contradicts, instead of deferring every sync', async () => {
    controller.publishLists([makeEntry({ id: 'a' }), makeEntry({ id: 'b' })]);
    controller.publishManifest(1);
    await runSync(deps());
    // A forged or corrupt takedown: its revision is far beyond anything the controller will reach.
    cache.lists.takedown(['a'], 2 ** 52, NOW);
    assert.deepEqual(liveIds(), ['b']);
    controller.publishLists([makeEntry({ id: 'c' })]);
    controller.publishManifest(2);
    assert.deepEqual(await runSync(deps()), { kind: 'applied', manifestVersion: 2, listRevision: 2 });
    assert.equal(cache.lists.maxTakedownRevision(), 0, 'forgotten');
    assert.deepEqual(liveIds(), ['a', 'b', 'c'], "the controller's signed list is the authority");
    controller.publishLists([makeEntry({ id: 'd' })]);
    controller.publishManifest(3);
    assert.equal((await runSync(deps())).kind, 'applied', 'later syncs are not deferred either');
  });

  it('keeps a remembered takedown while the manifest only lags behind the list', async () => {
    controller.publishLists([makeEntry({ id: 'a' }), makeEntry({ id: 'b' })]);
    controller.publishManifest(1);
    await runSync(deps());
    // Withdrawn at revision 2 and pushed; the controller has not served manifest 2 yet.
    controller.publishLists([], ['a']);
    cache.lists.takedown(['a'], 2, NOW);
    assert.equal((await runSync(deps())).kind, 'failed', 'list and manifest never converge');
    assert.equal(cache.lists.maxTakedownRevision(), 2, 'not contradicted: the list itself is at revision 2');
    assert.deepEqual(liveIds(), ['b']);
    controller.publishManifest(2);
    assert.equal((await runSync(deps())).kind, 'applied');
    assert.deepEqual(liveIds(), ['b']);
    assert.equal(cache.lists.maxTakedownRevision(), 0);
  });
});
