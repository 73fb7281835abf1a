// The bytes of an upload to a header and rows: XLSX by its zip signature, else CSV text in whatever encoding it came in.

import { AppError } from '../../errors.ts';
import { decodeText } from './decode.ts';
import { formatBytes, type ImportLimits } from './import-limits.ts';
import { emptyFile, readCsv } from './read-csv.ts';
import { readXlsx } from './read-xlsx.ts';
import type { SheetRows } from './sheet-rows.ts';
import { checkZipSize } from './zip-guard.ts';

export interface Sheet extends SheetRows {
  /** how the bytes were decoded (CSV only) */
  encoding?: string;
}

// ZIP local-file header: every XLSX starts with it, whatever the file is called.
const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
// OLE2 compound file: Excel 97–2003 .xls, which exceljs cannot read.
const isOle2 = (b: Uint8Array): boolean => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** Throws AppError('import.empty' | 'import.unreadable' | 'import.too-large'). */
export async function readSheet(bytes: Uint8Array, fileName: string, limits: ImportLimits): Promise<Sheet> {
  if (bytes.byteLength === 0) throw emptyFile();
  if (isZip(bytes)) {
    if (bytes.byteLength > limits.maxXlsxBytes) {
      throw new AppError(
        'import.too-large',
        `XLSX 工作簿超过 ${formatBytes(limits.maxXlsxBytes)}，请拆分为多个文件导入 (the workbook is larger than ${formatBytes(limits.maxXlsxBytes)}: split it into several files)`,
        { limit: limits.maxXlsxBytes, bytes: bytes.byteLength },
        413,
      );
    }
    await checkZipSize(bytes, limits.maxXlsxUnzippedBytes);
    return readXlsx(bytes);
  }
  if (isOle2(bytes)) {
    throw new AppError('import.unreadable', '不支持旧版 Excel 97–2003 (.xls) 文件，请另存为 .xlsx 或 CSV 后导入 (legacy .xls is not supported: save as .xlsx or CSV)');
  }
  // Some systems export tab-separated text named .xls, so only a name claiming XLSX is held to the ZIP signature.
  if (/\.xls[xm]$/i.test(fileName)) {
    throw new AppError('import.unreadable', 'XLSX 工作簿已损坏或无法读取 (the XLSX workbook is damaged or unreadable)');
  }
  const { text, encoding } = decodeText(bytes);
  return { ...readCsv(text), encoding };
}
