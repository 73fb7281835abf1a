// What an import answers over HTTP: every problem by line and column, the counts, and a preview's rows.

/** Stable codes: clients translate on these, so never rename one. */
export type ImportIssueCode =
  // rejections
  | 'missing-field'
  | 'bad-subject-type'
  | 'bad-credit-code'
  | 'bad-id-number'
  | 'minor'
  | 'bad-date'
  | 'valid-until-before-listed'
  | 'already-expired'
  | 'too-long'
  | 'duplicate-in-file'
  | 'duplicate-of-live'
  // warnings
  | 'credit-code-checksum'
  | 'listed-in-future'
  | 'field-ignored'
  | 'category-overridden'
  | 'unknown-column'
  | 'duplicate-column';

export interface ImportIssue {
  /** as a spreadsheet user counts: the header is line 1 */
  line: number;
  /** the header text as it appears in the file (or the standard Chinese name if the column is absent) */
  column: string;
  code: ImportIssueCode;
  message: string;
}

export interface ImportReport {
  /** non-blank data rows */
  rows: number;
  accepted: number;
  /** one item per problem; a rejected row may have several */
  rejected: ImportIssue[];
  warnings: ImportIssue[];
  /** how the bytes were decoded (CSV only) */
  encoding?: string;
}

export interface PreviewRow {
  /** header = line 1, as in the report's issues */
  line: number;
  cells: string[];
}

export interface SampleSize {
  firstRows: number;
  refusedRows: number;
}

/** The rows a preview shows beside its report. */
export interface PreviewSample {
  /** header cells spelled as the report's issues name their column */
  header: string[];
  /** in file order: the first `firstRows` data rows, then refused rows up to `refusedRows` */
  rows: PreviewRow[];
  size: SampleSize;
}

/** POST /api/v1/imports/preview */
export interface ImportPreview {
  report: ImportReport;
  sample: PreviewSample;
}
