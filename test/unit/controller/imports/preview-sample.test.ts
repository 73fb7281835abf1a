import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellText, sampleRows } from '../../../../controller/server/features/imports/preview-sample.ts';
import type { SheetRow } from '../../../../controller/server/features/imports/sheet-rows.ts';

/** Reads the rows the way checkRows does: judges each one before asking for the next. */
function check(rows: SheetRow[], accept: (line: number) => boolean, size = { firstRows: 2, refusedRows: 2 }) {
  const sampler = sampleRows({ header: [' 主体　名称 ', '类别'], rows }, size);
  const refused = new Set<number>();
  for (const row of sampler.rows) {
    if (row.cells.every((cell) => cell === '')) continue;
    if (accept(row.line)) sampler.accepted(row.line);
    else refused.add(row.line);
  }
  return sampler.finish(refused);
}

const row = (line: number, name = `名称${line}`): SheetRow => ({ line, cells: [name, '失信被执行人'] });

describe('import preview sample', () => {
  it('keeps the first rows whatever their verdict, then refused rows only, up to the limit', () => {
    const sample = check([row(2), row(3), row(4), row(5), row(6), row(7), row(8)], (line) => line % 2 === 0);
    assert.deepEqual(sample.rows.map((r) => r.line), [2, 3, 5, 7]);
  });

  it('drops blank rows, which are neither accepted nor refused', () => {
    const sample = check([row(2), row(3), row(4, ''), { line: 5, cells: ['', ''] }, row(6)], () => false, { firstRows: 1, refusedRows: 5 });
    assert.deepEqual(sample.rows.map((r) => r.line), [2, 3, 4, 6]);
  });

  it('spells the header as issues name their column', () => {
    assert.deepEqual(check([], () => true).header, ['主体 名称', '类别']);
  });

  it('masks ID numbers as the report does', () => {
    const sampler = sampleRows({ header: ['主体名称', '身份证号'], rows: [{ line: 2, cells: ['张某', '15030219900101123X'] }] }, { firstRows: 5, refusedRows: 5 });
    for (const row of sampler.rows) assert.ok(row);
    assert.deepEqual(sampler.finish(new Set()).rows[0]?.cells, ['张某', '150302********123X']);
  });

  it('shows cells as a spreadsheet user reads them', () => {
    assert.equal(cellText(new Date('2025-03-05T00:00:00Z')), '2025-03-05');
    assert.equal(cellText(new Date('2025-03-05T08:30:00Z')), '2025-03-05 08:30:00');
    assert.equal(cellText(12.5), '12.5');
    assert.equal(cellText(null), '');
  });
});
