// Screenshot PNGs on the controller's disk, one file per command under <dataDir>/screenshots; never in the database or the audit log.
// Files are removed only by the retention (service.ts), after their rows stop naming them.

import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
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

/** Removes one command's PNG; false when it was not there. */
export async function deleteScreenshot(dataDir: string, commandId: string): Promise<boolean> {
  return unlinkIfPresent(screenshotPath(dataDir, commandId));
}

async function unlinkIfPresent(path: string): Promise<boolean> {
  try {
    await unlink(path);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return false;
    throw error;
  }
}

export interface ScreenshotFile {
  name: string;
  /** the command a `<uuid>.png` belongs to; null for a temp file left by an interrupted save */
  commandId: string | null;
  modifiedAt: number;
}

const SCREENSHOT_NAME = /^(.+)\.png$/;
const TEMP_NAME = /^[^/\\]+\.png\.[0-9a-f]{8}\.tmp$/;

/** The screenshot folder's PNGs and interrupted saves' temp files; anything else there is not ours and is left alone. */
export async function screenshotFiles(dataDir: string): Promise<ScreenshotFile[]> {
  let names: string[];
  try {
    names = await readdir(screenshotsDir(dataDir));
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return [];
    throw error;
  }
  const files: ScreenshotFile[] = [];
  for (const name of names) {
    const id = SCREENSHOT_NAME.exec(name)?.[1];
    const commandId = id !== undefined && commandIdSchema.safeParse(id).success ? id : null;
    if (commandId === null && !TEMP_NAME.test(name)) continue;
    try {
      files.push({ name, commandId, modifiedAt: (await stat(join(screenshotsDir(dataDir), name))).mtimeMs });
    } catch {
      // removed meanwhile
    }
  }
  return files;
}

/** Removes a file screenshotFiles listed (so its name is one of ours, with no path in it). */
export async function removeScreenshotFile(dataDir: string, file: ScreenshotFile): Promise<boolean> {
  return unlinkIfPresent(join(screenshotsDir(dataDir), file.name));
}
