// CSV downloads for auditors, made for Excel: UTF-8 with a byte-order mark (without it Excel reads
// Chinese as GBK mojibake), CRLF line ends, and cells that Excel would run as a formula defused.

import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

export const CSV_BOM = '\uFEFF';

export type CsvCell = string | number | null | undefined;

/**
 * A typed title such as `=HYPERLINK(...)` or `+1-2` is a formula to a spreadsheet (CSV injection,
 * OWASP): a leading apostrophe makes it text. Numbers written by the controller are left alone.
 */
function defused(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : defused(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** `2024-05-01 08:30:05` at the given offset from UTC: what an auditor in that zone reads on a clock. */
export function csvInstant(ms: number, utcOffsetMinutes: number): string {
  return new Date(ms + utcOffsetMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** `+08:00` for 480. */
export function utcOffsetLabel(utcOffsetMinutes: number): string {
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(utcOffsetMinutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Streams the lines as an attachment; the name may be Chinese (RFC 5987 filename*), with an ASCII fallback. */
export function sendCsv(reply: FastifyReply, fileName: string, lines: AsyncIterable<string>): FastifyReply {
  async function* withBom(): AsyncGenerator<string> {
    yield CSV_BOM;
    yield* lines;
  }
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(Readable.from(withBom()));
}
