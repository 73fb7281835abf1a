// The sync client over real loopback sockets against the stand-in controller: retries of failed
// syncs, and takedowns whose revision cannot be right.

import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { SyncApplied } from '../../../shared/protocol/messages.ts';
import type { TimelineItem } from '../../../shared/protocol/manifest.ts';
import { openPlayerCache, type PlayerCache } from '../../../player/core/cache/player-cache.ts';
import { SlideLibrary } from '../../../player/core/cache/slide-library.ts';
import { MediaLibrary } from '../../../player/core/cache/media-library.ts';
import { createClock } from '../../../player/core/clock.ts';
import { buildHeartbeat } from '../../../player/core/sync/heartbeat.ts';
import { startSyncClient, type SyncClient, type SyncClientOptions } from '../../../player/core/sync/sync-client.ts';
import { NOW, makeEntry, silentLogger, slideBytes, tempDir } from './fixtures.ts';
import { seedPairedCache, startStandInController, waitFor, type StandInController } from './stand-in-controller.ts';

let standIn: StandInController;
let dir: ReturnType<typeof tempDir>;
let cache: PlayerCache;
let client: SyncClient | null;
let applied: SyncApplied[];
let failures: string[];
let takedowns: string[][];

beforeEach(async () => {
  standIn = await startStandInController();
  dir = tempDir();
  seedPairedCache(dir.path, standIn.url);
  cache = openPlayerCache(dir.path);
  client = null;
  applied = [];
  failures = [];
  takedowns = [];
});
afterEach(async () => {
  await client?.close();
  cache.close();
  await standIn.close();
  dir.remove();
});

function startClient(overrides: Partial<SyncClientOptions> = {}): SyncClient {
  client = startSyncClient({
    controllerUrl: standIn.url,
    cache,
    slides: new SlideLibrary(cache.assets),
    media: new MediaLibrary(cache.assets),
    assetBudgetBytes: 1024 ** 3,
    clock: createClock({ localNow: () => NOW }),
    logger: silentLogger,
    heartbeatIntervalMs: 60_000,
    heartbeat: async () =>
      buildHeartbeat({
        sentAt: NOW,
        manifestVersion: 0,
        listRevision: 0,
        cacheBytes: 0,
        appVersion: 'test',
        clockOffsetMs: 0,
        lastError: null,
        coreScene: null,
        display: null,
        machine: { processRssBytes: 0, processUptimeSeconds: 0, systemUptimeSeconds: 0, memoryFreeBytes: 0, memoryTotalBytes: 0, diskFreeBytes: null, cpuCount: 1, cpuBusyFraction: null, loadAverage: null },
      }),
    callbacks: {
      onConnectionChange: () => undefined,
      onPairingCode: () => undefined,
      onPaired: () => undefined,
      onTakedown: (ids) => takedowns.push([...ids]),
      onApplied: (value) => applied.push(value),
      onSyncFailed: (message) => failures.push(message),
    },
    syncRetryBaseMs: 20,
    syncRetryCapMs: 100,
    ...overrides,
  });
  return client;
}

function slideTimeline(): { timeline: TimelineItem[]; slide: ReturnType<typeof slideBytes> } {
  const slide = slideBytes({ title: '诚信宣传' });
  return { slide, timeline: [{ kind: 'slide', id: 'intro', asset: { sha256: slide.sha256, bytes: slide.bytes.byteLength }, durationMs: 10_000 }] };
}

const liveIds = () => cache.lists.liveEntries().map((e) => e.id).sort();

describe('sync client retries', () => {
  it('retries a failed sync with back-off until it applies, with no new announcement', async () => {
    const { slide, timeline } = slideTimeline();
    standIn.controller.publishLists([makeEntry({ id: 'a' })]);
    standIn.controller.publishManifest(1, timeline);
    const sync = startClient();
    await waitFor('a few failed attempts', () => failures.length >= 3);
    assert.equal(applied.length, 0);
    // The asset becomes downloadable; nothing tells the player, the retry finds it.
    standIn.assets.set(slide.sha256, slide.bytes);
    await waitFor('the retry to apply the manifest', () => applied.length === 1);
    assert.deepEqual(applied[0], { manifestVersion: 1, listRevision: 1 });
    assert.equal(sync.nextSyncRetryAt(), null, 'no retry pending after success');
  });

  it('cancels a pending retry on close()', async () => {
    const { timeline } = slideTimeline();
    standIn.controller.publishLists([makeEntry({ id: 'a' })]);
    standIn.controller.publishManifest(1, timeline);
    const sync = startClient({ syncRetryBaseMs: 60_000, syncRetryCapMs: 60_000, random: () => 0.99 });
    await waitFor('the failed sync', () => failures.length === 1);
    await waitFor('a retry to be scheduled', () => sync.nextSyncRetryAt() !== null);
    await sync.close();
    assert.equal(sync.nextSyncRetryAt(), null);
    const requests = standIn.listRequests();
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(standIn.listRequests(), requests, 'nothing more after close');
  });
});

describe('sync client takedowns', () => {
  for (const revision of [2 ** 53, 2 ** 52, -1]) {
    it(`withdraws at once on a takedown with revision ${revision}, and later syncs still apply`, async () => {
      standIn.controller.publishLists([makeEntry({ id: 'a' }), makeEntry({ id: 'b' })]);
      standIn.controller.publishManifest(1);
      startClient();
      await waitFor('first sync', () => applied.length === 1);

      standIn.sockets()[0]?.emit('entries:takedown', { revision, ids: ['a'] } as never);
      await waitFor('the takedown', () => takedowns.length === 1);
      assert.deepEqual(liveIds(), ['b'], 'removing is safe whatever the revision says');
      assert.equal(cache.lists.maxTakedownRevision(), 2, 'remembered as the next revision after the one known');

      standIn.controller.publishLists([makeEntry({ id: 'c' })]);
      standIn.controller.publishManifest(2);
      standIn.sockets()[0]?.emit('manifest:available', { version: 2, listRevision: 2 });
      await waitFor('the next manifest applied', () => applied.length === 2);
      assert.deepEqual(applied[1], { manifestVersion: 2, listRevision: 2 });
      assert.equal(cache.lists.maxTakedownRevision(), 0);
    });
  }
});

describe('sync client pushes', () => {
  /** What the controller pushes with an announcement: the page since `sinceRevision` and the manifest, as the wire carries them. */
  async function pushSince(sinceRevision: number): Promise<{ sinceRevision: number; changes: unknown; manifest: unknown }> {
    const link = standIn.controller.link();
    return { sinceRevision, changes: await link.listChanges({ sinceRevision, cursor: null, limit: 2_000 }), manifest: await link.getManifest() };
  }

  it('applies a pushed publish without asking for the changes or the manifest', async () => {
    standIn.controller.publishLists([makeEntry({ id: 'a' }), makeEntry({ id: 'b' })]);
    standIn.controller.publishManifest(1);
    startClient();
    await waitFor('first sync', () => applied.length === 1);
    const asked = { lists: standIn.listRequests(), manifests: standIn.manifestRequests() };

    standIn.controller.publishLists([makeEntry({ id: 'c' })], ['a']);
    standIn.controller.publishManifest(2);
    standIn.sockets()[0]?.emit('manifest:available', { version: 2, listRevision: 2, push: await pushSince(1) });
    await waitFor('the pushed manifest applied', () => applied.length === 2);
    assert.deepEqual(applied[1], { manifestVersion: 2, listRevision: 2 });
    assert.deepEqual(liveIds(), ['b', 'c']);
    assert.deepEqual({ lists: standIn.listRequests(), manifests: standIn.manifestRequests() }, asked, 'nothing asked');
  });

  it('withdraws what a push withdraws at once, and pulls when the push starts at another revision than the screen holds', async () => {
    standIn.controller.publishLists([makeEntry({ id: 'a' }), makeEntry({ id: 'z' })]);
    standIn.controller.publishManifest(1);
    startClient();
    await waitFor('first sync', () => applied.length === 1);
    standIn.controller.publishLists([makeEntry({ id: 'b' })]);
    standIn.controller.publishLists([makeEntry({ id: 'c' })], ['z']);
    standIn.controller.publishManifest(2);
    const listsBefore = standIn.listRequests();
    // The push covers revision 2 → 3; this screen is at 1 and needs 2 as well. Its withdrawal of z
    // stands in for the takedown: no entries:takedown is sent.
    standIn.sockets()[0]?.emit('manifest:available', { version: 2, listRevision: 3, push: await pushSince(2) });
    await waitFor('the withdrawal', () => takedowns.length === 1);
    assert.deepEqual(takedowns[0], ['z']);
    await waitFor('the manifest applied', () => applied.length === 2);
    assert.deepEqual(applied[1], { manifestVersion: 2, listRevision: 3 });
    assert.deepEqual(liveIds(), ['a', 'b', 'c']);
    assert.ok(standIn.listRequests() > listsBefore, 'the changes were pulled');
  });

  it('refuses a pushed manifest that was altered after signing', async () => {
    standIn.controller.publishLists([makeEntry({ id: 'a' })]);
    standIn.controller.publishManifest(1);
    // The retry, which would pull the genuine manifest, is left far off.
    startClient({ syncRetryBaseMs: 60_000, syncRetryCapMs: 60_000, random: () => 0.99 });
    await waitFor('first sync', () => applied.length === 1);
    standIn.controller.publishLists([], ['a']);
    standIn.controller.publishManifest(2);
    const push = await pushSince(1);
    (push.manifest as { payload: { lists: { count: number } } }).payload.lists.count = 7;
    standIn.sockets()[0]?.emit('manifest:available', { version: 2, listRevision: 2, push });
    await waitFor('the refusal', () => failures.length === 1);
    assert.match(failures[0] ?? '', /signature/);
    assert.equal(applied.length, 1);
    assert.equal(cache.manifests.current()?.version, 1);
  });
});
