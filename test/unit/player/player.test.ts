// The player core against a small socket.io stand-in for the controller, over real loopback
// sockets: pairing, sync, takedown, refusal and offline playback, and a clean close.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { TimelineItem } from '../../../shared/protocol/manifest.ts';
import { startPlayer } from '../../../player/core/player.ts';
import { DAY_MS, NOW, controllerKeys, makeEntry, silentLogger, slideBytes, tempDir } from './fixtures.ts';
import { PAIRING_CODE, SCREEN_TOKEN, displayState, shownIds, startStandInController, waitFor, type StandInController } from './stand-in-controller.ts';

describe('player core with a stand-in controller', () => {
  const dir = tempDir();
  const staticDir = tempDir('gongshi-display-');
  const slide = slideBytes({ title: '诚信乌海' });
  let standIn: StandInController;
  let clock = NOW;

  before(async () => {
    writeFileSync(join(staticDir.path, 'index.html'), '<!doctype html><title>display</title>');
    standIn = await startStandInController();
    standIn.assets.set(slide.sha256, slide.bytes);
  });

  after(async () => {
    await standIn.close();
    dir.remove();
    staticDir.remove();
  });

  const start = () =>
    startPlayer({ controllerUrl: standIn.url, dataDir: dir.path, displayStaticDir: staticDir.path, logger: silentLogger, heartbeatIntervalMs: 100, now: () => clock });

  it('pairs, syncs, takes down, survives a refusal and expires entries on its own clock', async () => {
    const { controller } = standIn;
    const player = await start();
    try {
      await waitFor('pairing code', () => player.status().pairingCode === PAIRING_CODE);
      assert.deepEqual(await displayState(player), { mode: 'pairing', pairingCode: PAIRING_CODE, controllerUrl: standIn.url, locale: 'zh-CN' });

      controller.publishLists([makeEntry({ id: 'a' }), makeEntry({ id: 'b', expiresAt: NOW + DAY_MS })]);
      const timeline: TimelineItem[] = [
        { kind: 'slide', id: 'intro', asset: { sha256: slide.sha256, bytes: slide.bytes.byteLength }, durationMs: 10_000 },
        { kind: 'list', id: 'black-list', list: 'black', title: '失信黑名单', source: '信用中国', durationMs: 30_000 },
      ];
      controller.publishManifest(1, timeline);
      standIn.sockets()[0]?.emit('pairing:adopted', { screenId: 'scr-1', screenName: '火车站大屏', token: SCREEN_TOKEN, controllerPublicKey: controllerKeys.publicKey });
      await waitFor('first manifest applied', () => player.status().manifestVersion === 1);
      assert.equal(player.status().paired, true);
      assert.deepEqual(shownIds(await displayState(player)), ['a', 'b', 'intro']);
      await waitFor('sync:applied', () => controller.applied.length > 0);
      assert.deepEqual(controller.applied.at(-1), { manifestVersion: 1, listRevision: 1 });
      await waitFor('a heartbeat', () => standIn.heartbeats.length > 0);

      // As the controller does: the withdrawal is published (revision 2, manifest 2), then pushed.
      controller.publishLists([], ['a']);
      controller.publishManifest(2, timeline);
      standIn.sockets()[0]?.emit('entries:takedown', { revision: 2, ids: ['a'] });
      await waitFor('takedown on screen', async () => !shownIds(await displayState(player)).includes('a'), 3_000);

      standIn.refuse('revoked');
      standIn.sockets()[0]?.disconnect(true);
      await waitFor('disconnected', () => !player.status().connected);
      assert.deepEqual(shownIds(await displayState(player)), ['b', 'intro'], 'cached content stays up');
      standIn.refuse(null);
      await waitFor('reconnected after back-off', () => player.status().connected, 10_000);
      await waitFor('manifest 2 applied on reconnect', () => player.status().manifestVersion === 2);
      assert.deepEqual(shownIds(await displayState(player)), ['b', 'intro'], 'the withdrawal stays applied');

      clock = NOW + DAY_MS;
      await waitFor('expired entry off screen', async () => !shownIds(await displayState(player)).includes('b'), 3_000);
    } finally {
      await player.close();
    }
  });

  it('plays from the cache when the controller is gone, without reviving what expired before the restart', async () => {
    standIn.refuse('unauthorized');
    const player = await start();
    try {
      // The local clock is set back a day across the restart; 'b' expired on the player's watch and stays off.
      clock = NOW;
      const state = await displayState(player);
      assert.equal(state.mode, 'playing');
      assert.deepEqual(shownIds(state), ['intro']);
      assert.equal(player.status().screenId, 'scr-1');
      await assert.rejects(player.syncNow(), { code: 'not-connected' });
    } finally {
      await player.close();
    }
    assert.equal(player.status().screenId, 'scr-1', 'status still answers after close');
  });
});
