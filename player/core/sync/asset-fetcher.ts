// Downloads content-addressed assets over HTTP into the asset store, resuming a partial file
// with Range after a crash or a dropped connection. Verification happens in the store.

import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { PlayerError } from '../errors.ts';
import type { AssetStore } from '../cache/asset-store.ts';

export interface AssetRef {
  sha256: string;
  bytes: number;
}

export type DownloadAsset = (asset: AssetRef) => Promise<void>;

export interface AssetDownloaderOptions {
  controllerUrl: string;
  assets: AssetStore;
  now: () => number;
  /** headers for each request, read at call time so a new token is used after pairing */
  headers?: () => Record<string, string>;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 120_000;

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

export function assetUrl(controllerUrl: string, sha256: string): string {
  return `${controllerUrl.replace(/\/+$/, '')}/assets/${sha256}`;
}

export function createAssetDownloader(options: AssetDownloaderOptions): DownloadAsset {
  const fetchImpl = options.fetchImpl ?? fetch;
  return async ({ sha256, bytes }) => {
    const partial = options.assets.partialPathOf(sha256);
    let offset = await sizeOf(partial);
    if (offset > bytes) {
      await rm(partial, { force: true });
      offset = 0;
    }
    if (offset < bytes || bytes === 0) {
      const headers: Record<string, string> = { ...(options.headers?.() ?? {}) };
      if (offset > 0) headers.range = `bytes=${offset}-`;
      const response = await fetchImpl(assetUrl(options.controllerUrl, sha256), {
        headers,
        signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
      const resumed = response.status === 206 && (response.headers.get('content-range') ?? '').startsWith(`bytes ${offset}-`);
      if (response.status !== 200 && !resumed) {
        // 416 or a Content-Range we did not ask for: the partial file is not worth keeping.
        await rm(partial, { force: true });
        await response.body?.cancel();
        throw new PlayerError('asset-download-failed', `GET asset ${sha256}: HTTP ${response.status}`);
      }
      if (!response.body) throw new PlayerError('asset-download-failed', `GET asset ${sha256}: empty body`);
      let received = resumed ? offset : 0;
      try {
        await pipeline(
          Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>),
          async function* limit(source: AsyncIterable<Buffer>) {
            for await (const chunk of source) {
              received += chunk.length;
              // Refuse to fill the disk with more than the manifest promised.
              if (received > bytes) throw new PlayerError('asset-size-mismatch', `asset ${sha256} is larger than ${bytes} bytes`);
              yield chunk;
            }
          },
          createWriteStream(partial, { flags: resumed ? 'a' : 'w' }),
        );
      } catch (error) {
        if (error instanceof PlayerError) await rm(partial, { force: true });
        throw error;
      }
    }
    await options.assets.commitPartial(sha256, bytes, options.now());
  };
}
