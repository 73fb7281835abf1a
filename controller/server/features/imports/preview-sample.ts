// The rows a preview shows beside its report: the file's first rows, then its refused rows, as the cells the user typed.

import { maskIdNumber } from '../../../../shared/masking/masking.ts';
import { fieldOfHeader, headerLabel } from './header-map.ts';
import type { PreviewRow, PreviewSample, SampleSize } from '../../../../shared/lists/import-report.ts';
import type { RawCell } from './normalise.ts';
import type { SheetRow, SheetRows } from './sheet-rows.ts';

// A preview answers a person looking at a page, not an export: a few screens of rows, and enough
// refused rows to see what is wrong with them; the report still counts and names every one.
export const PREVIEW_SAMPLE_SIZE: Readonly<SampleSize> = { firstRows: 50, refusedRows: 500 };

export interface RowSampler {
  /** the sheet's rows as checkRows reads them, remembered on the way */
  rows: Iterable<SheetRow>;
  /** call for every accepted entry, as checkRows accepts it */
  accepted(line: number): void;
  /** once the check is done: drops kept rows that were blank rather than refused */
  finish(refusedLines: ReadonlySet<number>): PreviewSample;
}

/**
 * Samples while checkRows reads, so the file is read once: checkRows judges each row before it asks
 * for the next, so when the next is asked for, the previous was accepted or not. A row not accepted
 * may still be blank (checkRows skips those); `finish` keeps only the refused ones.
 */
export function sampleRows(sheet: SheetRows, size: SampleSize): RowSampler {
  const kept: PreviewRow[] = [];
  let lastAccepted = -1;
  function* rows(): Generator<SheetRow, void, undefined> {
    for (const row of sheet.rows) {
      yield row;
      // Blank rows are neither shown nor counted.
      const wanted = kept.length < size.firstRows || (row.line !== lastAccepted && kept.length < size.firstRows + size.refusedRows);
      if (!wanted) continue;
      const cells = row.cells.map(cellText);
      if (cells.some((cell) => cell.trim() !== '')) kept.push({ line: row.line, cells });
    }
  }
  return {
    rows: rows(),
    accepted(line) {
      lastAccepted = line;
    },
    finish(refusedLines) {
      // The first such column, as the check reads it.
      const idColumn = sheet.header.findIndex((cell) => fieldOfHeader(cell) === 'idNumber');
      return {
        header: sheet.header.map(headerLabel),
        size,
        rows: kept.filter((row, i) => i < size.firstRows || refusedLines.has(row.line)).map((row) => maskIdCell(row, idColumn)),
      };
    },
  };
}

/** As the report's messages do, the preview never repeats a whole ID number: the first 6 and last 4 characters are enough to find the row. */
function maskIdCell(row: PreviewRow, idColumn: number): PreviewRow {
  const id = row.cells[idColumn];
  if (idColumn < 0 || id === undefined || id === '') return row;
  const cells = [...row.cells];
  cells[idColumn] = maskIdNumber(id.trim(), { idKeepStart: 6, idKeepEnd: 4 });
  return { line: row.line, cells };
}

/** What a spreadsheet user would read in the cell. */
export function cellText(cell: RawCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    // exceljs gives a date cell as midnight UTC.
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('T', ' ').slice(0, 19);
  }
  return String(cell);
}
