// Content-addressed asset files under <dataDir>/assets/<sha256>, indexed in SQLite. A file gets
// its final name only after its SHA-256 is verified, so a crash never leaves a partial "complete" file.

import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { PlayerError } from '../errors.ts';
import type { CachedAsset } from './asset-budget.ts';

const SHA256_HEX = /^[0-9a-f]{64}$/;

interface AssetRow {
  sha256: string;
  bytes: number;
  path: string;
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function assertSha256(sha256: string): void {
  // The hash becomes a file name: anything but 64 hex characters could escape the folder.
  if (!SHA256_HEX.test(sha256)) throw new PlayerError('invalid-payload', `not a sha256: ${JSON.stringify(sha256)}`);
}

export class AssetStore {
  readonly dir: string;
  readonly partialDir: string;
  readonly #statements;

  constructor(db: Database.Database, dataDir: string) {
    this.dir = join(dataDir, 'assets');
    this.partialDir = join(this.dir, '.partial');
    mkdirSync(this.partialDir, { recursive: true });
    this.#statements = {
      get: db.prepare<[sha256: string], AssetRow>('SELECT sha256, bytes, path FROM assets WHERE sha256 = ?'),
      all: db.prepare<[], AssetRow>('SELECT sha256, bytes, path FROM assets'),
      upsert: db.prepare<[sha256: string, bytes: number, path: string, storedAt: number]>(
        'INSERT OR REPLACE INTO assets (sha256, bytes, path, stored_at) VALUES (?, ?, ?, ?)',
      ),
      remove: db.prepare<[sha256: string]>('DELETE FROM assets WHERE sha256 = ?'),
      totalBytes: db.prepare<[], { total: number | null }>('SELECT sum(bytes) AS total FROM assets'),
    };
  }

  pathOf(sha256: string): string {
    assertSha256(sha256);
    return join(this.dir, sha256);
  }

  /** Where a download in progress accumulates; kept across restarts so it can resume with Range. */
  partialPathOf(sha256: string): string {
    assertSha256(sha256);
    return join(this.partialDir, `${sha256}.part`);
  }

  isIndexed(sha256: string): boolean {
    return this.#statements.get.get(sha256) !== undefined;
  }

  totalBytes(): number {
    return this.#statements.totalBytes.get()?.total ?? 0;
  }

  /** Verifies a finished partial file and only then gives it its final name and an index row. */
  async commitPartial(sha256: string, expectedBytes: number | null, storedAt: number): Promise<void> {
    const partial = this.partialPathOf(sha256);
    const size = (await stat(partial)).size;
    if (expectedBytes !== null && size !== expectedBytes) {
      await rm(partial, { force: true });
      throw new PlayerError('asset-size-mismatch', `asset ${sha256} has ${size} bytes, manifest says ${expectedBytes}`);
    }
    const actual = await sha256OfFile(partial);
    if (actual !== sha256) {
      await rm(partial, { force: true });
      throw new PlayerError('asset-hash-mismatch', `asset ${sha256} hashed to ${actual}`, { expected: sha256, actual });
    }
    await rename(partial, this.pathOf(sha256));
    this.#statements.upsert.run(sha256, size, join('assets', sha256), storedAt);
  }

  /** Stores bytes already in memory, through a temp file so the final name appears atomically. */
  async putBytes(sha256: string, bytes: Uint8Array, storedAt: number): Promise<void> {
    const partial = this.partialPathOf(sha256);
    const temp = `${partial}.${randomBytes(4).toString('hex')}`;
    await writeFile(temp, bytes);
    await rename(temp, partial);
    await this.commitPartial(sha256, bytes.byteLength, storedAt);
  }

  /**
   * Reads an indexed asset and checks its hash. A file that was corrupted or removed behind our
   * back is dropped from the index, so the next sync downloads it again.
   */
  async readVerified(sha256: string): Promise<Buffer | null> {
    if (!this.isIndexed(sha256)) return null;
    const path = this.pathOf(sha256);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      this.#statements.remove.run(sha256);
      return null;
    }
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
      this.#statements.remove.run(sha256);
      await rm(path, { force: true });
      return null;
    }
    return bytes;
  }

  /**
   * Checks an indexed file against its hash without reading it into memory (a video may be
   * gigabytes); a corrupted or missing file is forgotten, so the next sync downloads it again.
   */
  async verifyIndexed(sha256: string): Promise<boolean> {
    if (!this.isIndexed(sha256)) return false;
    const path = this.pathOf(sha256);
    let actual: string | null;
    try {
      actual = await sha256OfFile(path);
    } catch {
      actual = null;
    }
    if (actual === sha256) return true;
    this.#statements.remove.run(sha256);
    await rm(path, { force: true });
    return false;
  }

  /**
   * Every indexed asset with its last use, kept as the file's modification time: no schema change,
   * and a file copied or restored keeps a plausible age. A file gone missing counts as never used.
   */
  async cachedAssets(): Promise<CachedAsset[]> {
    const assets: CachedAsset[] = [];
    for (const row of this.#statements.all.all()) {
      const lastUsedAt = await stat(this.pathOf(row.sha256)).then((s) => s.mtimeMs, () => 0);
      assets.push({ sha256: row.sha256, bytes: row.bytes, lastUsedAt });
    }
    return assets;
  }

  /** Marks assets as used now (see cachedAssets). */
  async markUsed(sha256s: Iterable<string>, now: number): Promise<void> {
    const at = new Date(now);
    for (const sha256 of sha256s) if (this.isIndexed(sha256)) await utimes(this.pathOf(sha256), at, at).catch(() => undefined);
  }

  /** Deletes one asset and its index row. */
  async remove(sha256: string): Promise<void> {
    this.#statements.remove.run(sha256);
    await rm(this.pathOf(sha256), { force: true });
  }

  /** Partial downloads no longer wanted: a later manifest that needs one starts it again. */
  async removePartialsExcept(keep: ReadonlySet<string>): Promise<void> {
    for (const name of await readdir(this.partialDir)) {
      if (!keep.has(name.slice(0, 64))) await rm(join(this.partialDir, name), { force: true });
    }
  }

  /**
   * Deletes every asset not in `keep` (a clear-cache command keeps only what the current manifest
   * needs), and the partial downloads of anything else; returns how many assets went.
   */
  async retainOnly(keep: ReadonlySet<string>): Promise<number> {
    let removed = 0;
    for (const row of this.#statements.all.all()) {
      if (keep.has(row.sha256)) continue;
      this.#statements.remove.run(row.sha256);
      await rm(this.pathOf(row.sha256), { force: true });
      removed++;
    }
    await this.removePartialsExcept(keep);
    return removed;
  }
}
