// Content-addressed media files: the name is the SHA-256 of the bytes, so a file never changes
// once written and any cache in front of /assets may keep it forever.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
