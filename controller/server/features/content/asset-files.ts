// Content-addressed media files: the name is the SHA-256 of the bytes, so a file never changes
// once written and any cache in front of /assets may keep it forever.

import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

export function assetPath(assetsDir: string, sha256: string): string {
  return join(assetsDir, sha256);
}

export function writeAssetFile(assetsDir: string, bytes: Uint8Array): { sha256: string; bytes: number } {
  mkdirSync(assetsDir, { recursive: true });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const target = assetPath(assetsDir, sha256);
  if (!existsSync(target)) {
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, bytes);
    renameSync(temp, target);
  }
  return { sha256, bytes: bytes.byteLength };
}

/**
 * Streams an upload into the assets folder while hashing it, so a video never sits in memory
 * whole; keeps the first bytes for sniffing. The file gets its hash as name only once complete.
 */
export async function storeAssetStream(assetsDir: string, source: AsyncIterable<Uint8Array>, sniffBytes: number): Promise<{ sha256: string; bytes: number; head: Uint8Array; created: boolean }> {
  mkdirSync(assetsDir, { recursive: true });
  const temp = join(assetsDir, `.upload-${randomUUID()}.tmp`);
  const hash = createHash('sha256');
  let bytes = 0;
  let head = new Uint8Array(0);
  try {
    await pipeline(
      source,
      async function* measure(chunks: AsyncIterable<Uint8Array>) {
        for await (const chunk of chunks) {
          if (head.byteLength < sniffBytes) head = Buffer.concat([head, chunk.subarray(0, sniffBytes - head.byteLength)]);
          hash.update(chunk);
          bytes += chunk.byteLength;
          yield chunk;
        }
      },
      createWriteStream(temp),
    );
    const sha256 = hash.digest('hex');
    const target = assetPath(assetsDir, sha256);
    const created = !existsSync(target);
    if (created) await rename(temp, target);
    else await rm(temp, { force: true });
    return { sha256, bytes, head, created };
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Removes an asset this upload created and then refused (wrong type, truncated); never one that existed before. */
export async function discardAssetFile(assetsDir: string, sha256: string): Promise<void> {
  await rm(assetPath(assetsDir, sha256), { force: true });
}

/** Upload temp files a crash left behind (up to the upload limit each); run at start-up, before any upload. */
export async function removeStaleUploads(assetsDir: string): Promise<number> {
  let removed = 0;
  for (const name of await readdir(assetsDir).catch(() => [] as string[])) {
    if (!/^\.upload-[0-9a-f-]+\.tmp$/.test(name)) continue;
    await rm(join(assetsDir, name), { force: true });
    removed += 1;
  }
  return removed;
}
