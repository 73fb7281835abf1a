// What both readers hand over: the header cells and the data rows, each with the line a user would look at.

import type { RawCell } from './normalise.ts';

export interface SheetRow {
  /** header = line 1 */
  line: number;
  cells: RawCell[];
}

export interface SheetRows {
  header: string[];
  /** read once, in order (a CSV is parsed as it is read) */
  rows: Iterable<SheetRow>;
  /** the workbook counts dates from 1904 (old Mac Excel) */
  date1904?: boolean;
}
