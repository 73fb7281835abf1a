// List rows for review tests: a credit code whose check character is wrong (a warning the approver
// must confirm, never a refusal) and a corrected re-listing of a subject.

import type { SyntheticRow } from '../../controller/server/demo/synthetic-subjects.ts';

/** The same row with its credit code's 18th (check) character replaced by another valid one. */
export function withWrongCheckCharacter(row: SyntheticRow): SyntheticRow {
  const code = row.统一社会信用代码;
  if (code.length !== 18) throw new Error(`row ${row.主体名称} has no credit code`);
  const wrong = code.endsWith('0') ? '1' : '0';
  return { ...row, 统一社会信用代码: `${code.slice(0, 17)}${wrong}` };
}
