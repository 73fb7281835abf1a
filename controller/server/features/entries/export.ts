// The current list (approved and in force) as a download an operator can open in Excel and the
// importer reads back: the import template's columns under their standard Chinese headers.

import { PassThrough, type Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { CalendarDate } from '../../../../shared/dates/calendar-date.ts';
import { SUBJECT_TYPE_LABELS_ZH, type ListKind, type SubjectType } from '../../../../shared/lists/list-entry.ts';
import { csvCell } from '../../http/csv-export.ts';
import type { Database } from '../../store/schema.ts';
import { STANDARD_HEADERS } from '../imports/header-map.ts';
import { IMPORT_FIELDS, type ImportField } from '../imports/import-report.ts';
import { inForceEntriesAfter, type ListedEntry } from './store.ts';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Entries read per query: a few ms each, with the event loop free between them. */
const EXPORT_CHUNK = 2_000;

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const LIST_NAMES: Record<ListKind, string> = { red: '红名单', black: '黑名单' };

/** 黑名单-2026-06-01.csv */
export function exportFileName(list: ListKind, today: CalendarDate, format: ExportFormat): string {
  return `${LIST_NAMES[list]}-${today}.${format}`;
}

const CODE_FIELDS: ReadonlySet<ImportField> = new Set(['creditCode', 'idNumber']);

function cellsOf(entry: ListedEntry): string[] {
  const value: Record<ImportField, string | null> = {
    subjectName: entry.subjectName,
    subjectType: SUBJECT_TYPE_LABELS_ZH[entry.subjectType as SubjectType] ?? entry.subjectType,
    creditCode: entry.creditCode,
    idNumber: entry.idNumber,
    legalRepresentative: entry.legalRepresentative,
    category: entry.category,
    reason: entry.reason,
    authority: entry.authority,
    basis: entry.basis,
    listedOn: entry.listedOn,
    validUntil: entry.validUntil,
    sourceRef: entry.sourceRef,
  };
  return IMPORT_FIELDS.map((field) => value[field] ?? '');
}

async function* inForceChunks(db: Kysely<Database>, list: ListKind, today: CalendarDate): AsyncGenerator<ListedEntry[]> {
  let after = 0;
  for (;;) {
    const chunk = await inForceEntriesAfter(db, list, today, after, EXPORT_CHUNK);
    if (chunk.length === 0) return;
    yield chunk;
    after = chunk[chunk.length - 1]!.seq;
  }
}

/**
 * An 18-digit ID number opened from a plain CSV becomes 1.50302E+17 in Excel, its last digits lost.
 * `="…"` keeps it text there, and the importer unwraps it (imports/normalise.ts). Codes are checked
 * to be letters and digits on import, so this formula is the only one a cell can hold; other cells
 * that a spreadsheet would run as a formula are defused (http/csv-export.ts).
 */
function csvCodeCell(code: string): string {
  return code === '' ? '' : `"=""${code}"""`;
}

function csvLine(cells: readonly string[]): string {
  return `${cells.map((cell, i) => (CODE_FIELDS.has(IMPORT_FIELDS[i]!) ? csvCodeCell(cell) : csvCell(cell))).join(',')}\r\n`;
}

/** The header and every in-force entry as CSV lines (CRLF), a chunk of entries at a time; sendCsv adds the BOM. */
export async function* csvExportLines(db: Kysely<Database>, list: ListKind, today: CalendarDate): AsyncGenerator<string> {
  yield `${IMPORT_FIELDS.map((f) => csvCell(STANDARD_HEADERS[f])).join(',')}\r\n`;
  for await (const chunk of inForceChunks(db, list, today)) yield chunk.map((entry) => csvLine(cellsOf(entry))).join('');
}

/** Resolves when the stream can take more, or is gone (the download was abandoned). */
function drainedOrClosed(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/**
 * Written by exceljs's streaming writer as rows arrive, codes as text cells. exceljs does not wait
 * for the download to keep up, so each chunk waits until the stream has drained.
 */
export function xlsxExport(db: Kysely<Database>, list: ListKind, today: CalendarDate): Readable {
  const out = new PassThrough();
  void (async () => {
    const { default: Excel } = await import('exceljs');
    const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet(LIST_NAMES[list]);
    sheet.addRow(IMPORT_FIELDS.map((f) => STANDARD_HEADERS[f])).commit();
    for await (const chunk of inForceChunks(db, list, today)) {
      for (const entry of chunk) sheet.addRow(cellsOf(entry)).commit();
      if (out.writableNeedDrain) await drainedOrClosed(out);
      if (out.destroyed) return;
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
