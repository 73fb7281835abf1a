// XLSX workbook to rows: the first worksheet, header in row 1, each row numbered as Excel shows it.

import type ExcelJS from 'exceljs';
import { AppError } from '../../errors.ts';
import type { RawCell } from './normalise.ts';
import { emptyFile } from './read-csv.ts';
import type { SheetRow, SheetRows } from './sheet-rows.ts';

export async function readXlsx(bytes: Uint8Array): Promise<SheetRows> {
  // Loaded on first use: exceljs adds about 25 MB to a process that only ever imports CSV.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('import.unreadable', `XLSX 工作簿已损坏或无法读取 (the XLSX workbook is damaged or unreadable: ${reason})`);
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined || sheet.actualRowCount === 0) throw emptyFile();
  const rows: SheetRow[] = [];
  let header: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // row.values is 1-based (index 0 is always empty), like Excel's column numbers.
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    const cells = Array.from(values, toRawCell);
    if (rowNumber === 1) header = cells.map((c) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString() : String(c)));
    else rows.push({ line: rowNumber, cells });
  });
  return { header, rows, date1904: workbook.properties.date1904 === true };
}

function toRawCell(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  // A formula keeps the value Excel last computed; a hyperlink's text can itself be rich text.
  if ('result' in value || 'formula' in value || 'sharedFormula' in value) return toRawCell((value as ExcelJS.CellFormulaValue).result ?? null);
  if ('text' in value) return toRawCell(value.text as ExcelJS.CellValue);
  return null;
}
