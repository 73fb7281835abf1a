// Joins the preview's sample rows with the report's issues: each row's verdict, and which cells are wrong.

import type { ImportIssue, ImportPreview, ImportReport } from '../../../../../shared/lists/import-report.ts';

export type RowVerdict = 'refused' | 'warned' | 'accepted';

export interface PreviewRowView {
  line: number;
  cells: string[];
  verdict: RowVerdict;
  /** refusals first, then warnings */
  issues: ImportIssue[];
}

function byLine(issues: readonly ImportIssue[]): Map<number, ImportIssue[]> {
  const map = new Map<number, ImportIssue[]>();
  for (const issue of issues) {
    const list = map.get(issue.line);
    if (list) list.push(issue);
    else map.set(issue.line, [issue]);
  }
  return map;
}

export function previewRows(preview: ImportPreview): PreviewRowView[] {
  const refusals = byLine(preview.report.rejected);
  const warnings = byLine(preview.report.warnings);
  return preview.sample.rows.map((row) => {
    const refused = refusals.get(row.line) ?? [];
    const warned = warnings.get(row.line) ?? [];
    const verdict: RowVerdict = refused.length > 0 ? 'refused' : warned.length > 0 ? 'warned' : 'accepted';
    return { line: row.line, cells: row.cells, verdict, issues: [...refused, ...warned] };
  });
}

/** The issues a cell carries: the report names a column by its header text. */
export function cellIssues(row: PreviewRowView, header: string): ImportIssue[] {
  return row.issues.filter((issue) => issue.column === header);
}

export interface ReportCounts {
  rows: number;
  accepted: number;
  refusedRows: number;
  /** accepted rows the approver will be asked to confirm */
  warnedRows: number;
}

export function reportCounts(report: ImportReport): ReportCounts {
  const refusedLines = new Set(report.rejected.map((issue) => issue.line));
  const warnedLines = new Set(report.warnings.filter((issue) => issue.line > 1 && !refusedLines.has(issue.line)).map((issue) => issue.line));
  return { rows: report.rows, accepted: report.accepted, refusedRows: report.rows - report.accepted, warnedRows: warnedLines.size };
}

/** Issues about the file as a whole (its header row): unknown or repeated columns. */
export function headerIssues(report: ImportReport): ImportIssue[] {
  return report.warnings.filter((issue) => issue.line === 1);
}

/** Every issue of the data rows in file order, refusals before warnings on the same line. */
export function rowIssues(report: ImportReport): (ImportIssue & { severity: 'refusal' | 'warning' })[] {
  const all = [
    ...report.rejected.map((issue) => ({ ...issue, severity: 'refusal' as const })),
    ...report.warnings.filter((issue) => issue.line > 1).map((issue) => ({ ...issue, severity: 'warning' as const })),
  ];
  // Array.prototype.sort is stable, so refusals stay before warnings on a line.
  return all.sort((a, b) => a.line - b.line);
}

/** True when the sample leaves rows out: the table says so rather than letting it look complete. */
export function sampleIsPartial(preview: ImportPreview): boolean {
  return preview.sample.rows.length < preview.report.rows;
}
