// The player core when things go wrong, over real loopback sockets and a real cache: a withdrawal
// behind a failing sync, and a local clock that goes backwards, at run time and at boot.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { startPlayer, type Player, type PlayerOptions } from '../../../player/core/player.ts';
import { DAY_MS, NOW, makeEntry, silentLogger, slideBytes, tempDir } from './fixtures.ts';
import { displayState, seedPairedCache, shownIds, startStandInController, waitFor, type StandInController } from './stand-in-controller.ts';

const HOUR_MS = 3_600_000;
const LIST_ITEM = { kind: 'list', id: 'black-list', list: 'black', title: '失信黑名单', source: '信用中国', durationMs: 30_000 } as const;

let standIn: StandInController;
let dataDir: ReturnType<typeof tempDir>;
let staticDir: ReturnType<typeof tempDir>;
const players: Player[] = [];

beforeEach(async () => {
  standIn = await startStandInController();
  dataDir = tempDir();
  staticDir = tempDir('gongshi-display-');
  writeFileSync(join(staticDir.path, 'index.html'), '<!doctype html><title>display</title>');
  seedPairedCache(dataDir.path, standIn.url);
});
afterEach(async () => {
  for (const player of players.splice(0)) await player.close();
  await standIn.close();
  dataDir.remove();
  staticDir.remove();
});

async function start(options: Partial<PlayerOptions> = {}): Promise<Player> {
  const player = await startPlayer({
    controllerUrl: standIn.url,
    dataDir: dataDir.path,
    displayStaticDir: staticDir.path,
    logger: silentLogger,
    heartbeatIntervalMs: 50,
    syncRetryBaseMs: 20,
    ...options,
  });
  players.push(player);
  return player;
}

describe('player core: withdrawals behind a failing sync', () => {
  it('takes a withdrawn entry off the screen although the sync that brought the withdrawal fails', async () => {
    const { controller } = standIn;
    controller.publishLists([makeEntry({ id: 'a' }), makeEntry({ id: 'b' })]);
    controller.publishManifest(1, [LIST_ITEM]);
    const player = await start({ now: () => NOW });
    await waitFor('first manifest', () => player.status().manifestVersion === 1);
    assert.deepEqual(shownIds(await displayState(player)), ['a', 'b']);

    // 'a' is withdrawn while the takedown push does not reach this screen; the new manifest needs a
    // slide the controller cannot serve, so every sync of it fails.
    const slide = slideBytes({ title: '暂不可用' });
    controller.publishLists([], ['a']);
    controller.publishManifest(2, [{ kind: 'slide', id: 'intro', asset: { sha256: slide.sha256, bytes: slide.bytes.byteLength }, durationMs: 10_000 }, LIST_ITEM]);
    standIn.sockets()[0]?.emit('manifest:available', { version: 2, listRevision: 2 });

    // The tombstone leaves the screen during the pull, before the slide download fails the sync.
    await waitFor('the withdrawn entry off the screen', async () => !shownIds(await displayState(player)).includes('a'), 3_000);
    await waitFor('the sync to fail', () => /asset/.test(player.status().lastError ?? ''));
    assert.equal(player.status().manifestVersion, 1, 'still on the old manifest');
    assert.deepEqual(shownIds(await displayState(player)), ['b']);

    // Once the slide can be downloaded, a retry (not a new announcement) switches.
    standIn.assets.set(slide.sha256, slide.bytes);
    await waitFor('manifest 2 applied by a retry', () => player.status().manifestVersion === 2);
    assert.deepEqual(shownIds(await displayState(player)), ['b', 'intro']);
    assert.equal(player.status().lastError, null);
  });
});

describe('player core: trusted time', () => {
  it('does not bring back an entry that expired when the local clock is set back, at run time or at boot', async () => {
    const { controller } = standIn;
    controller.publishLists([makeEntry({ id: 'soon', expiresAt: NOW + HOUR_MS }), makeEntry({ id: 'later', expiresAt: NOW + 365 * DAY_MS })]);
    controller.publishManifest(1, [LIST_ITEM]);
    let local = NOW;
    let monotonic = 0;
    const player = await start({ now: () => local, monotonicNow: () => monotonic });
    await waitFor('first manifest', () => player.status().manifestVersion === 1);
    assert.deepEqual(shownIds(await displayState(player)), ['later', 'soon']);

    local += 2 * HOUR_MS;
    monotonic += 2 * HOUR_MS;
    await waitFor('the entry expired', async () => !shownIds(await displayState(player)).includes('soon'), 3_000);

    // Someone sets the kiosk's clock back a day; a second really passes.
    local -= DAY_MS;
    monotonic += 1_000;
    const state = await displayState(player);
    assert.deepEqual(shownIds(state), ['later'], 'still expired');
    assert.equal(state.mode === 'playing' && state.nowMs, NOW + 2 * HOUR_MS + 1_000, 'time went on from where it was');
    const heartbeatsBefore = standIn.heartbeats.length;
    await waitFor('a heartbeat after the jump', () => standIn.heartbeats.length > heartbeatsBefore + 1);
    // The wall clock is a day behind, plus the second it stood still while time passed.
    assert.equal(standIn.heartbeats.at(-1)?.clockOffsetMs, DAY_MS + 1_000, 'the correction is reported');

    // Power cut; the kiosk boots offline with its RTC reset to 2000-01-01.
    await player.close();
    standIn.refuse('unreachable');
    local = Date.UTC(2000, 0, 1);
    monotonic = 0;
    const rebooted = await start({ now: () => local, monotonicNow: () => monotonic });
    const afterBoot = await displayState(rebooted);
    assert.deepEqual(shownIds(afterBoot), ['later'], 'the expired entry stays off after a reboot');
    assert.ok(afterBoot.mode === 'playing' && afterBoot.nowMs >= NOW + 2 * HOUR_MS, 'time starts from the latest time seen');
  });
});
