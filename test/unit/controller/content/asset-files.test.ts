// Content-addressed asset files: uploads streamed to their hash, and temp files a crash left behind cleared at start-up.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { removeStaleUploads, storeAssetStream } from '../../../../controller/server/features/content/asset-files.ts';
import { tempDir } from '../../../support/temp-dir.ts';

describe('asset files', () => {
  it('stores a stream under its SHA-256, keeps its first bytes, and says whether it is new', async (t) => {
    const dir = tempDir(t);
    const bytes = Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBP'), Buffer.alloc(100_000, 1)]);
    const chunks = () => Readable.from([bytes.subarray(0, 5), bytes.subarray(5, 70_000), bytes.subarray(70_000)]);
    const first = await storeAssetStream(dir, chunks(), 16);
    assert.equal(first.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.deepEqual({ bytes: first.bytes, created: first.created, head: Buffer.from(first.head).toString('latin1') }, { bytes: bytes.length, created: true, head: bytes.subarray(0, 16).toString('latin1') });
    const again = await storeAssetStream(dir, chunks(), 16);
    assert.equal(again.created, false);
    assert.deepEqual(readdirSync(dir), [first.sha256]);
  });

  it('removes upload temp files a crash left, and nothing else', async (t) => {
    const dir = tempDir(t);
    const asset = 'ab'.repeat(32);
    writeFileSync(join(dir, asset), 'asset');
    writeFileSync(join(dir, '.upload-0b6b0d1e-8c3a-4b53-9d52-2b0fbd6c7e11.tmp'), 'half an upload');
    assert.equal(await removeStaleUploads(dir), 1);
    assert.deepEqual(readdirSync(dir), [asset]);
    assert.equal(await removeStaleUploads(join(dir, 'missing')), 0);
    assert.ok(existsSync(join(dir, asset)));
  });
});
