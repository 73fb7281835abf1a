// The largest file an import accepts: anything bigger is refused whole, with an error that names the limit, before a row is written.

const MiB = 1024 * 1024;

export interface ImportLimits {
  /** data rows, blank rows not counted */
  maxRows: number;
  /** an XLSX file as uploaded (still zip-compressed) */
  maxXlsxBytes: number;
  /** the parts of an XLSX file once unzipped, added up */
  maxXlsxUnzippedBytes: number;
}

// A whole import is one change set that one approver reviews, and every row is held in memory
// until it is staged. exceljs keeps every unzipped part in memory and several times that as
// objects, so the unzipped size is what bounds the controller's memory; a zip bomb declares, or
// inflates to, gigabytes from a few kilobytes. For scale: 100,000 rows of the synthetic list in
// test/fixtures/imports make a 5.8 MB workbook that unzips to 62 MB, so about 800,000 such rows fit.
export const IMPORT_LIMITS: Readonly<ImportLimits> = {
  maxRows: 1_000_000,
  maxXlsxBytes: 50 * MiB,
  maxXlsxUnzippedBytes: 500 * MiB,
};

export function importLimits(overrides: Partial<ImportLimits> | undefined): ImportLimits {
  return { ...IMPORT_LIMITS, ...overrides };
}

/** "50 MB", "1,000,000": how messages name a limit. */
export function formatBytes(bytes: number): string {
  return bytes % MiB === 0 ? `${bytes / MiB} MB` : `${bytes.toLocaleString('en-US')} bytes`;
}
