// Unit tests for asset downloads over loopback HTTP: resume with Range, and no unverified file kept.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { openPlayerCache, type PlayerCache } from '../../../player/core/cache/player-cache.ts';
import { isPlayerError } from '../../../player/core/errors.ts';
import { createAssetDownloader } from '../../../player/core/sync/asset-fetcher.ts';
import { NOW, slideBytes, tempDir } from './fixtures.ts';

const good = slideBytes({ body: '守信光荣 失信可耻 '.repeat(50) });
let served: Uint8Array = good.bytes;
let requests: IncomingHttpHeaders[] = [];
let server: Server;
let baseUrl: string;
let dir: ReturnType<typeof tempDir>;
let cache: PlayerCache;

before(async () => {
  server = createServer((req, res) => {
    requests.push(req.headers);
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    if (range) {
      const start = Number(range[1]);
      res.writeHead(206, { 'content-range': `bytes ${start}-${served.length - 1}/${served.length}` }).end(served.subarray(start));
    } else res.writeHead(200).end(served);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  dir = tempDir();
  cache = openPlayerCache(dir.path);
  served = good.bytes;
  requests = [];
});
afterEach(() => {
  cache.close();
  dir.remove();
});

const download = () =>
  createAssetDownloader({ controllerUrl: `${baseUrl}/`, assets: cache.assets, now: () => NOW, headers: () => ({ authorization: 'Bearer t' }) });

describe('asset downloads', () => {
  it('fetches, verifies and stores an asset under its hash', async () => {
    await download()({ sha256: good.sha256, bytes: good.bytes.byteLength });
    assert.ok(cache.assets.isIndexed(good.sha256));
    assert.equal(requests[0]?.authorization, 'Bearer t');
  });

  it('resumes a partial file left by a crash with a Range request', async () => {
    writeFileSync(cache.assets.partialPathOf(good.sha256), good.bytes.subarray(0, 100));
    await download()({ sha256: good.sha256, bytes: good.bytes.byteLength });
    assert.equal(requests[0]?.range, 'bytes=100-');
    assert.deepEqual(new Uint8Array((await cache.assets.readVerified(good.sha256)) ?? []), good.bytes);
  });

  it('keeps nothing when the served bytes do not hash to the name', async () => {
    served = slideBytes({ title: '被替换的内容' }).bytes;
    await assert.rejects(download()({ sha256: good.sha256, bytes: served.byteLength }), (error: unknown) => isPlayerError(error, 'asset-hash-mismatch'));
    assert.equal(existsSync(cache.assets.pathOf(good.sha256)), false);
    assert.deepEqual(readdirSync(cache.assets.partialDir), []);
  });

  it('stops reading once a response exceeds the size the manifest promised', async () => {
    await assert.rejects(download()({ sha256: good.sha256, bytes: 10 }), (error: unknown) => isPlayerError(error, 'asset-size-mismatch'));
    assert.equal(cache.assets.isIndexed(good.sha256), false);
    assert.deepEqual(readdirSync(cache.assets.partialDir), []);
  });
});
