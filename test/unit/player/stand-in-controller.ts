// A small socket.io stand-in for the controller on a random loopback port, around a FakeController:
// token auth, pairing codes, the sync events, heartbeats and /assets/<sha256>; and helpers that read
// what a player core's display shows. For player-core tests.

import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import type { DisplayState } from '../../../shared/display/display-state.ts';
import { fetchDisplayState } from '../../support/entry-sets.ts';
import type { Heartbeat } from '../../../shared/protocol/messages.ts';
import { PLAYER_NAMESPACE } from '../../../shared/protocol/version.ts';
import { openPlayerCache } from '../../../player/core/cache/player-cache.ts';
import type { Player } from '../../../player/core/player.ts';
import { FakeController } from './fake-controller.ts';
import { NOW, controllerKeys } from './fixtures.ts';

export const SCREEN_TOKEN = 'screen-token-0123456789';
export const PAIRING_CODE = '123456';

export interface StandInController {
  url: string;
  controller: FakeController;
  /** assets served at /assets/<sha256>; a missing one answers 404 */
  assets: Map<string, Uint8Array>;
  heartbeats: Heartbeat[];
  /** connected player sockets, oldest first */
  sockets(): Socket[];
  /** 'lists:changes' requests answered so far */
  listRequests(): number;
  /** 'manifest:get' requests answered so far */
  manifestRequests(): number;
  /** refuse connections with this reason (null: accept) */
  refuse(reason: string | null): void;
  close(): Promise<void>;
}

export async function startStandInController(): Promise<StandInController> {
  const controller = new FakeController();
  const assets = new Map<string, Uint8Array>();
  const heartbeats: Heartbeat[] = [];
  let refused: string | null = null;
  let sockets: Socket[] = [];
  let listRequests = 0;
  let manifestRequests = 0;

  const http: HttpServer = createServer((req, res) => {
    const sha = /^\/assets\/([0-9a-f]{64})$/.exec(req.url ?? '')?.[1];
    const bytes = sha ? assets.get(sha) : undefined;
    if (bytes) res.writeHead(200).end(bytes);
    else res.writeHead(404).end();
  });
  const io = new Server(http);
  const nsp = io.of(PLAYER_NAMESPACE);
  nsp.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: string; deviceId?: string };
    if (auth.token !== undefined) return next(auth.token === SCREEN_TOKEN && !refused ? undefined : new Error(refused ?? 'unauthorized'));
    return next(auth.deviceId ? undefined : new Error('unauthorized'));
  });
  nsp.on('connection', (socket) => {
    sockets.push(socket);
    const link = controller.link();
    const paired = (socket.handshake.auth as { token?: string }).token !== undefined;
    if (!paired) socket.emit('pairing:code', { code: PAIRING_CODE, expiresAt: NOW + 600_000 });
    socket.on('lists:changes', (request, ack) => {
      listRequests++;
      void link.listChanges(request).then((value) => ack({ ok: true, value }));
    });
    socket.on('manifest:get', (ack) => {
      manifestRequests++;
      void link.getManifest().then((value) => ack({ ok: true, value }));
    });
    socket.on('sync:applied', (payload, ack) => void link.reportApplied(payload).then(() => ack?.({ ok: true, value: null })));
    socket.on('player:error', (report) => link.reportError(report));
    socket.on('heartbeat', (payload) => heartbeats.push(payload));
    socket.on('disconnect', () => (sockets = sockets.filter((s) => s !== socket)));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    controller,
    assets,
    heartbeats,
    sockets: () => sockets,
    listRequests: () => listRequests,
    manifestRequests: () => manifestRequests,
    refuse: (reason) => {
      refused = reason;
    },
    close: async () => {
      io.close();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

/** Writes a paired identity into a fresh cache folder, so a test starts where pairing left off. */
export function seedPairedCache(dataDir: string, controllerUrl: string): void {
  const cache = openPlayerCache(dataDir);
  try {
    cache.identity.load(() => 'device-test-0001');
    cache.identity.pair({ screenId: 'scr-1', screenName: '火车站大屏', token: SCREEN_TOKEN, controllerPublicKey: controllerKeys.publicKey, controllerUrl, pairedAt: NOW });
  } finally {
    cache.close();
  }
}

export async function waitFor(what: string, predicate: () => boolean | Promise<boolean>, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** What the display would fetch, through the player's own loopback server and token. */
export async function displayState(player: Player): Promise<DisplayState> {
  return fetchDisplayState(player.displayUrl);
}

/** Ids of the entries and slides on screen, sorted. */
export function shownIds(state: DisplayState): string[] {
  if (state.mode !== 'playing') return [];
  return state.timeline.flatMap((item) => (item.kind === 'list' ? item.entries.map((e) => e.id) : [item.id])).sort();
}
