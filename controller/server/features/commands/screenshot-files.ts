// Screenshot PNGs on the controller's disk, one file per command under <dataDir>/screenshots; never in the database or the audit log.

import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { commandIdSchema, hasPngSignature, MAX_SCREENSHOT_BYTES } from '../../../../shared/protocol/commands.ts';
import { AppError } from '../../errors.ts';

export function screenshotsDir(dataDir: string): string {
  return join(dataDir, 'screenshots');
}

function screenshotPath(dataDir: string, commandId: string): string {
  // The id becomes a file name: only a UUID may, so nothing can escape the folder.
  if (!commandIdSchema.safeParse(commandId).success) throw new AppError('commands.not-found', `命令 ${commandId} 不存在 (unknown command)`, { commandId }, 404);
  return join(screenshotsDir(dataDir), `${commandId}.png`);
}

/** Checks the bytes are a PNG of bounded size, then writes them atomically (temp file, rename). */
export async function saveScreenshot(dataDir: string, commandId: string, bytes: Buffer): Promise<{ sha256: string; bytes: number }> {
  if (bytes.length > MAX_SCREENSHOT_BYTES) throw new AppError('commands.screenshot-too-large', `截图超过 ${MAX_SCREENSHOT_BYTES} 字节 (screenshot too large)`, { bytes: bytes.length, max: MAX_SCREENSHOT_BYTES }, 413);
  if (!hasPngSignature(bytes)) throw new AppError('commands.screenshot-not-png', '截图不是 PNG 图片 (not a PNG)', null, 400);
  const path = screenshotPath(dataDir, commandId);
  await mkdir(screenshotsDir(dataDir), { recursive: true });
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, path);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

export async function readScreenshot(dataDir: string, commandId: string): Promise<Buffer | null> {
  try {
    return await readFile(screenshotPath(dataDir, commandId));
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
}
