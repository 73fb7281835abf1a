// The display server over real loopback HTTP: token guard, static files, server-sent events and their clean-up.
import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { DisplayServerError, startDisplayServer } from '../../player/core/display-server.ts';
import { entrySetPagePath, type DisplayState, type ServedDisplayState } from '../../shared/display/display-state.ts';
import { DISPLAY_DIST, listItem, makeEntries, playingState, startTestDisplay } from '../support/display-fixtures.ts';
import { entriesOfPage } from '../support/entry-sets.ts';

const pairingState: DisplayState = { mode: 'pairing', pairingCode: '204817', controllerUrl: 'https://controller.example', locale: 'zh-CN' };

/** Opens /api/events and collects what arrives, without EventSource, to see the raw stream. */
function openEventStream(port: number, path: string): Promise<{ response: IncomingMessage; received: () => string; abort: () => void }> {
  return new Promise((resolve, reject) => {
    let text = '';
    const req = httpRequest({ host: '127.0.0.1', port, path }, (response) => {
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('error', () => undefined);
      resolve({ response, received: () => text, abort: () => req.destroy() });
    });
    req.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
    req.end();
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await delay(10);
  }
}

describe('display server', () => {
  const cleanups: Array<() => Promise<void>> = [];
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  async function start(getState: () => DisplayState = () => pairingState) {
    const display = await startTestDisplay(getState);
    cleanups.push(() => display.server.close());
    return display;
  }

  test('listens on 127.0.0.1 only and hands out a kiosk URL carrying the token', async () => {
    const { server, token } = await start();
    assert.equal(server.url, `http://127.0.0.1:${server.port}/?token=${token}`);
    assert.ok(server.port > 0);
  });

  test('refuses /api/state without the token, or with a wrong one, with a JSON error', async () => {
    const { server } = await start();
    const base = `http://127.0.0.1:${server.port}`;
    for (const init of [{}, { headers: { 'x-display-token': 'wrong' } }]) {
      const response = await fetch(`${base}/api/state`, init);
      assert.equal(response.status, 403);
      const body = (await response.json()) as Record<string, unknown>;
      assert.equal(body.code, 'display-token-invalid');
      assert.equal(typeof body.message, 'string');
      assert.deepEqual(body.details, {});
    }
    assert.equal((await fetch(`${base}/api/state?token=wrong`)).status, 403);
    assert.equal((await fetch(`${base}/api/events`)).status, 403);
  });

  test('refuses percent-encoded spellings of /api without the token (the router decodes them)', async () => {
    const { server } = await start(playingState([listItem('black', makeEntries('black', 2))]));
    for (const path of ['/%61pi/state', '/%61pi/events', '/%61%70%69/state', '/api/%73tate', '/api/%65vents']) {
      const stream = await openEventStream(server.port, path);
      try {
        assert.equal(stream.response.statusCode, 403, `${path} must need the token`);
      } finally {
        stream.abort();
      }
    }
    await waitFor(() => server.eventClientCount() === 0);
  });

  test('answers a malformed path with a 4xx, not a server error', async () => {
    const { server } = await start();
    const response = await fetch(`http://127.0.0.1:${server.port}//api/state`);
    assert.ok(response.status >= 400 && response.status < 500, `got ${response.status}`);
  });

  test('answers /api/state with the token in the query or the header', async () => {
    const { server, token } = await start();
    const base = `http://127.0.0.1:${server.port}`;
    const byQuery = await fetch(`${base}/api/state?token=${token}`);
    assert.equal(byQuery.status, 200);
    assert.equal(byQuery.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await byQuery.json(), pairingState);
    const byHeader = await fetch(`${base}/api/state`, { headers: { 'x-display-token': token } });
    assert.deepEqual(await byHeader.json(), pairingState);
  });

  test('answers an unchanged state with a 304 and the core’s clock, a changed one in full', async () => {
    const entries = makeEntries('red', 3);
    let timeline = [listItem('red', entries)];
    let now = 1_800_000_000_000;
    const display = await startTestDisplay(() => ({ ...playingState(timeline)(), nowMs: now }));
    after(() => display.server.close());
    const get = (tag?: string) => fetch(`${display.server.url.split('?')[0]}api/state`, { headers: { 'x-display-token': display.token, ...(tag ? { 'if-none-match': tag } : {}) } });
    const first = await get();
    assert.equal(first.status, 200);
    const tag = first.headers.get('etag') ?? '';
    assert.match(tag, /^"[\w-]+"$/);
    const state = (await first.json()) as ServedDisplayState;
    assert.ok(state.mode === 'playing' && state.nowMs === now && state.timeline.length === 1);
    assert.equal(first.headers.get('x-core-now'), String(now));

    now += 5_000;
    const unchanged = await get(tag);
    assert.equal(unchanged.status, 304, 'only the clock moved');
    assert.equal(unchanged.headers.get('x-core-now'), String(now));
    assert.equal(await unchanged.text(), '');

    timeline = [listItem('red', entries.slice(1))];
    const changed = await get(tag);
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), tag);
    const next = (await changed.json()) as ServedDisplayState;
    assert.ok(next.mode === 'playing' && next.timeline[0]?.kind === 'list');
    assert.deepEqual(next.timeline[0].entrySet?.pages, [2]);
  });

  test('serves the pages of the entry sets its state names, immutable, and no others', async () => {
    const entries = makeEntries('red', 300);
    const display = await startTestDisplay(playingState([listItem('red', entries)]));
    after(() => display.server.close());
    const base = display.server.url.split('?')[0] ?? '';
    const state = (await (await fetch(`${base}api/state?token=${display.token}`)).json()) as ServedDisplayState;
    assert.ok(state.mode === 'playing' && state.timeline[0]?.kind === 'list' && state.timeline[0].entrySet !== null);
    const { id, pages } = state.timeline[0].entrySet;
    assert.deepEqual(pages, [256, 44]);
    const page = await fetch(`${base}${entrySetPagePath(id, 1).slice(1)}`, { headers: { 'x-display-token': display.token } });
    assert.equal(page.status, 200);
    assert.match(page.headers.get('cache-control') ?? '', /immutable/);
    assert.deepEqual(entriesOfPage(new Uint8Array(await page.arrayBuffer())).map((entry) => entry.id), entries.slice(256).map((entry) => entry.id));
    for (const path of [entrySetPagePath(id, 2), entrySetPagePath('another-set', 0), `/api/entry-sets/${id}/-1`]) {
      assert.equal((await fetch(`${base}${path.slice(1)}`, { headers: { 'x-display-token': display.token } })).status, 404, path);
    }
    assert.equal((await fetch(`${base}${entrySetPagePath(id, 0).slice(1)}`)).status, 403, 'the token guards the pages too');
  });

  test('serves the built display without a token, under a strict content security policy', async () => {
    const { server } = await start();
    const response = await fetch(`http://127.0.0.1:${server.port}/`);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /<div id="root">/);
    assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
  });

  test('answers 500 with a JSON error when the state cannot be produced', async () => {
    const { server, token } = await start(() => {
      throw new Error('cache unreadable');
    });
    const response = await fetch(`http://127.0.0.1:${server.port}/api/state?token=${token}`);
    assert.equal(response.status, 500);
    assert.equal(((await response.json()) as { code: string }).code, 'display-server-error');
  });

  test('emits a numbered `state` event on every notifyStateChanged()', async () => {
    const { server, token } = await start(playingState([listItem('red', makeEntries('red', 2))]));
    const stream = await openEventStream(server.port, `/api/events?token=${token}`);
    assert.equal(stream.response.statusCode, 200);
    assert.match(String(stream.response.headers['content-type']), /^text\/event-stream/);
    await waitFor(() => server.eventClientCount() === 1);
    server.notifyStateChanged();
    server.notifyStateChanged();
    await waitFor(() => stream.received().includes('data: 2'));
    assert.match(stream.received(), /event: state\nid: 1\ndata: 1\n\n/);
    assert.match(stream.received(), /event: state\nid: 2\ndata: 2\n\n/);
    stream.abort();
  });

  test('forgets an event stream as soon as the display disconnects', async () => {
    const { server, token } = await start();
    const streams = await Promise.all([1, 2, 3].map(() => openEventStream(server.port, `/api/events?token=${token}`)));
    await waitFor(() => server.eventClientCount() === 3);
    for (const stream of streams) stream.abort();
    await waitFor(() => server.eventClientCount() === 0);
    // Writing to the departed displays must not throw.
    server.notifyStateChanged();
  });

  test('close() ends open event streams instead of hanging on them', async () => {
    const { server, token } = await startTestDisplay(() => pairingState);
    const stream = await openEventStream(server.port, `/api/events?token=${token}`);
    await waitFor(() => server.eventClientCount() === 1);
    const ended = new Promise<void>((resolve) => stream.response.on('close', () => resolve()));
    await server.close();
    await ended;
    assert.equal(server.eventClientCount(), 0);
    await server.close();
  });

  test('refuses to start without a built display or with an empty token', async () => {
    const emptyDir = mkdtempSync(join(tmpdir(), 'gongshi-display-'));
    try {
      await assert.rejects(
        startDisplayServer({ port: 0, staticDir: emptyDir, token: 'x'.repeat(32), getState: () => pairingState }),
        (error: unknown) => error instanceof DisplayServerError && error.code === 'display-static-missing',
      );
      await assert.rejects(
        startDisplayServer({ port: 0, staticDir: DISPLAY_DIST, token: '', getState: () => pairingState }),
        (error: unknown) => error instanceof DisplayServerError && error.code === 'display-token-empty',
      );
    } finally {
      rmSync(emptyDir, { recursive: true, force: true });
    }
  });
});
