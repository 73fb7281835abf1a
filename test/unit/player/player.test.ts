// The player core against a small socket.io stand-in for the controller, over real loopback
// sockets: pairing, sync, takedown, refusal and offline playback, and a clean close.

import assert from 'node:assert/strict';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Server, type Socket } from 'socket.io';
import type { DisplayState } from '../../../shared/display/display-state.ts';
import { PLAYER_NAMESPACE } from '../../../shared/protocol/version.ts';
import { startPlayer, type Player } from '../../../player/core/player.ts';
import { FakeController } from './fake-controller.ts';
import { DAY_MS, NOW, controllerKeys, makeEntry, silentLogger, slideBytes, tempDir } from './fixtures.ts';

const TOKEN = 'screen-token-0123456789';

async function waitFor(what: string, predicate: () => boolean | Promise<boolean>, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function displayState(player: Player): Promise<DisplayState> {
  const url = new URL(player.displayUrl);
  const response = await fetch(new URL(`/api/state${url.search}`, url));
  return (await response.json()) as DisplayState;
}

function shownIds(state: DisplayState): string[] {
  if (state.mode !== 'playing') return [];
  return state.timeline.flatMap((item) => (item.kind === 'list' ? item.entries.map((e) => e.id) : [item.id])).sort();
}

describe('player core with a stand-in controller', () => {
  const dir = tempDir();
  const staticDir = tempDir('gongshi-display-');
  const controller = new FakeController();
  const slide = slideBytes({ title: '诚信乌海' });
  const heartbeats: unknown[] = [];
  let refused: string | null = null;
  let sockets: Socket[] = [];
  let http: HttpServer;
  let io: Server;
  let controllerUrl: string;
  let clock = NOW;

  before(async () => {
    writeFileSync(join(staticDir.path, 'index.html'), '<!doctype html><title>display</title>');
    http = createServer((req, res) => {
      const sha = /^\/assets\/([0-9a-f]{64})$/.exec(req.url ?? '')?.[1];
      if (sha === slide.sha256) res.writeHead(200).end(slide.bytes);
      else res.writeHead(404).end();
    });
    io = new Server(http);
    const nsp = io.of(PLAYER_NAMESPACE);
    nsp.use((socket, next) => {
      const auth = socket.handshake.auth as { token?: string; deviceId?: string };
      if (auth.token !== undefined) return next(auth.token === TOKEN && !refused ? undefined : new Error(refused ?? 'unauthorized'));
      return next(auth.deviceId ? undefined : new Error('unauthorized'));
    });
    nsp.on('connection', (socket) => {
      sockets.push(socket);
      const link = controller.link();
      if (!(socket.handshake.auth as { token?: string }).token) socket.emit('pairing:code', { code: '123456', expiresAt: NOW + 600_000 });
      socket.on('lists:changes', (request, ack) => void link.listChanges(request).then((value) => ack({ ok: true, value })));
      socket.on('manifest:get', (ack) => void link.getManifest().then((value) => ack({ ok: true, value })));
      socket.on('sync:applied', (payload, ack) => void link.reportApplied(payload).then(() => ack({ ok: true, value: null })));
      socket.on('player:error', (report) => link.reportError(report));
      socket.on('heartbeat', (payload) => heartbeats.push(payload));
      socket.on('disconnect', () => (sockets = sockets.filter((s) => s !== socket)));
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    controllerUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });

  after(async () => {
    io.close();
    await new Promise((resolve) => http.close(resolve));
    dir.remove();
    staticDir.remove();
  });

  const start = () =>
    startPlayer({ controllerUrl, dataDir: dir.path, displayStaticDir: staticDir.path, logger: silentLogger, heartbeatIntervalMs: 100, now: () => clock });

  it('pairs, syncs, takes down, survives a refusal and expires entries on its own clock', async () => {
    const player = await start();
    try {
      await waitFor('pairing code', () => player.status().pairingCode === '123456');
      assert.deepEqual(await displayState(player), { mode: 'pairing', pairingCode: '123456', controllerUrl, locale: 'zh-CN' });

      controller.publishLists([makeEntry({ id: 'a' }), makeEntry({ id: 'b', expiresAt: NOW + DAY_MS })]);
      controller.publishManifest(1, [
        { kind: 'slide', id: 'intro', asset: { sha256: slide.sha256, bytes: slide.bytes.byteLength }, durationMs: 10_000 },
        { kind: 'list', id: 'black-list', list: 'black', title: '失信黑名单', source: '信用中国', durationMs: 30_000 },
      ]);
      sockets[0]?.emit('pairing:adopted', { screenId: 'scr-1', screenName: '火车站大屏', token: TOKEN, controllerPublicKey: controllerKeys.publicKey });
      await waitFor('first manifest applied', () => player.status().manifestVersion === 1);
      assert.equal(player.status().paired, true);
      assert.deepEqual(shownIds(await displayState(player)), ['a', 'b', 'intro']);
      await waitFor('sync:applied', () => controller.applied.length > 0);
      assert.deepEqual(controller.applied.at(-1), { manifestVersion: 1, listRevision: 1 });
      await waitFor('a heartbeat', () => heartbeats.length > 0);

      sockets[0]?.emit('entries:takedown', { revision: 2, ids: ['a'] });
      await waitFor('takedown on screen', async () => !shownIds(await displayState(player)).includes('a'), 3_000);

      refused = 'revoked';
      sockets[0]?.disconnect(true);
      await waitFor('disconnected', () => !player.status().connected);
      assert.deepEqual(shownIds(await displayState(player)), ['b', 'intro'], 'cached content stays up');
      refused = null;
      await waitFor('reconnected after back-off', () => player.status().connected, 10_000);

      clock = NOW + DAY_MS;
      await waitFor('expired entry off screen', async () => !shownIds(await displayState(player)).includes('b'), 3_000);
    } finally {
      await player.close();
    }
  });

  it('plays from the cache when the controller is gone', async () => {
    refused = 'unauthorized';
    const player = await start();
    try {
      clock = NOW;
      const state = await displayState(player);
      assert.equal(state.mode, 'playing');
      assert.deepEqual(shownIds(state), ['b', 'intro']);
      assert.equal(player.status().screenId, 'scr-1');
      await assert.rejects(player.syncNow(), { code: 'not-connected' });
    } finally {
      await player.close();
    }
    assert.equal(player.status().screenId, 'scr-1', 'status still answers after close');
  });
});
