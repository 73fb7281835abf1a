// Refuses an XLSX (a zip) that would unpack to more than an import may hold, before exceljs unpacks any of it.

import { createInflateRaw } from 'node:zlib';
import { AppError } from '../../errors.ts';
import { formatBytes } from './import-limits.ts';

// Signatures and layouts from PKWARE's APPNOTE.TXT (6.3.10): sections 4.3.7, 4.3.12, 4.3.14–16.
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EXTRA_FIELD = 0x0001;
const END_OF_DIRECTORY_SIZE = 22;
const MAX_COMMENT = 0xffff;
const STORED = 0;
const DEFLATED = 8;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/**
 * Throws AppError('import.too-large') when the central directory declares more than
 * `maxUnzippedBytes` in all, or when a part inflates to more than it declares: a bomb can lie in its
 * directory, and exceljs (through JSZip) would inflate whatever the data holds. The check inflates
 * each part as a stream and keeps none of it, so it needs memory for one chunk, not for the file.
 * Throws AppError('import.unreadable') for a zip it cannot follow, which exceljs could not either.
 */
export async function checkZipSize(bytes: Uint8Array, maxUnzippedBytes: number): Promise<void> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readCentralDirectory(view);
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > maxUnzippedBytes) throw tooLarge(maxUnzippedBytes, declared);
  let inflated = 0;
  for (const entry of entries) {
    const data = entryData(bytes, view, entry);
    // A part may not inflate past what it declares, nor the file past the limit.
    const allowed = Math.min(entry.uncompressedSize, maxUnzippedBytes - inflated);
    const size = entry.method === STORED ? data.byteLength : await inflatedSize(data, allowed, entry.name);
    if (size > allowed) throw tooLarge(maxUnzippedBytes, inflated + size, entry.name);
    inflated += size;
  }
}

function tooLarge(limit: number, size: number, part?: string): AppError {
  return new AppError(
    'import.too-large',
    `XLSX 工作簿解压后超过 ${formatBytes(limit)}，请拆分为多个文件导入 (the workbook unzips to more than ${formatBytes(limit)}: split it into several files)`,
    { limit, unzippedBytes: size, ...(part !== undefined ? { part } : {}) },
    413,
  );
}

function unreadable(reason: string): AppError {
  return new AppError('import.unreadable', `XLSX 工作簿已损坏或无法读取 (the XLSX workbook is damaged or unreadable: ${reason})`);
}

function readCentralDirectory(view: DataView): ZipEntry[] {
  const end = findEndOfDirectory(view);
  let count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) ({ count, offset } = readZip64End(view, end));
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL_HEADER) throw unreadable('broken zip central directory');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength > view.byteLength) throw unreadable('broken zip central directory');
    const entry: ZipEntry = {
      name: new TextDecoder().decode(new Uint8Array(view.buffer, view.byteOffset + at + 46, nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    readZip64Sizes(view, at + 46 + nameLength, extraLength, entry);
    if (entry.method !== STORED && entry.method !== DEFLATED) throw unreadable(`unsupported compression method ${entry.method}`);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The end-of-central-directory record sits in the last 22 bytes plus a comment of up to 65,535. */
function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - END_OF_DIRECTORY_SIZE;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  throw unreadable('no zip central directory');
}

function readZip64End(view: DataView, end: number): { count: number; offset: number } {
  const locator = end - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) throw unreadable('broken zip64 directory');
  const record = safeNumber(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== ZIP64_END_OF_DIRECTORY) throw unreadable('broken zip64 directory');
  return { count: safeNumber(view.getBigUint64(record + 32, true)), offset: safeNumber(view.getBigUint64(record + 48, true)) };
}

/** Sizes and offsets that do not fit 32 bits are 0xFFFFFFFF in the header and follow, in this order, in the zip64 extra field. */
function readZip64Sizes(view: DataView, extraStart: number, extraLength: number, entry: ZipEntry): void {
  const wanted = (['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const).filter((key) => entry[key] === 0xffffffff);
  if (wanted.length === 0) return;
  for (let at = extraStart; at + 4 <= extraStart + extraLength; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === ZIP64_EXTRA_FIELD && size >= 8 * wanted.length) {
      wanted.forEach((key, i) => (entry[key] = safeNumber(view.getBigUint64(at + 4 + 8 * i, true))));
      return;
    }
    at += 4 + size;
  }
  throw unreadable('broken zip64 sizes');
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw unreadable('zip64 size out of range');
  return Number(value);
}

function entryData(bytes: Uint8Array, view: DataView, entry: ZipEntry): Uint8Array {
  const at = entry.localHeaderOffset;
  if (at + 30 > view.byteLength || view.getUint32(at, true) !== LOCAL_HEADER) throw unreadable(`broken zip entry ${entry.name}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.byteLength) throw unreadable(`truncated zip entry ${entry.name}`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** Bytes that `data` inflates to, counting no further than one past `limit`. */
async function inflatedSize(data: Uint8Array, limit: number, name: string): Promise<number> {
  const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
  inflate.end(data);
  let size = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (size > limit) break;
    }
  } catch (error) {
    throw unreadable(`zip entry ${name}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    inflate.destroy();
  }
  return size;
}
