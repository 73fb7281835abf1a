import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import { demoListRows, toCsv } from '../../controller/server/demo/demo-lists.ts';
import { startControllerHarness } from '../support/controller-harness.ts';
import { tempDir } from '../support/temp-dir.ts';

const today = calendarDateAt(Date.now(), 480);

interface PreviewBody {
  report: { rows: number; accepted: number; rejected: { line: number; column: string; code: string }[] };
  sample: { header: string[]; rows: { line: number; cells: string[] }[] };
}

/** Four good rows, then a person with an impossible ID (line 6) and a company without a code (line 7). */
function csvWithBadRows(): string {
  const lines = toCsv(demoListRows('black', today, 4, 7)).trimEnd().split('\r\n');
  lines.push('赵示例,自然人,,15030219900230123X,,失信被执行人,拒不履行,乌海市海勃湾区人民法院,依据,2024-01-05,2099-01-01');
  lines.push('乌海市缺码示例有限公司,法人,,,王示例,失信被执行人,拒不履行,乌海市海勃湾区人民法院,依据,2024-01-05,2099-01-01');
  return `${lines.join('\r\n')}\r\n`;
}

describe('import preview', () => {
  it('reports what an import would accept and refuse, with the rows as typed, and writes nothing', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const operator = await h.as('operator');
    const preview = await operator.upload<PreviewBody>('/api/v1/imports/preview?list=black', 'black.csv', csvWithBadRows());
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    assert.equal(preview.body.report.rows, 6);
    assert.equal(preview.body.report.accepted, 4);
    assert.deepEqual([...new Set(preview.body.report.rejected.map((issue) => issue.line))].sort(), [6, 7]);
    assert.equal(preview.body.report.rejected.find((issue) => issue.line === 6)?.column, '证件号码');
    assert.equal(preview.body.sample.header[0], '主体名称');
    assert.deepEqual(preview.body.sample.rows.map((row) => row.line), [2, 3, 4, 5, 6, 7]);
    assert.equal(preview.body.sample.rows[4]?.cells[0], '赵示例');
    assert.equal(preview.body.sample.rows[4]?.cells[3], '150302********123X', 'ID numbers are masked as in the report');

    const changeSets = await operator.request('GET', '/api/v1/change-sets');
    assert.deepEqual(changeSets.body.items, [], 'a preview stages nothing');
  });

  it('finds duplicates of live entries, as the import would', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const operator = await h.as('operator');
    const csv = toCsv(demoListRows('red', today, 3, 11));
    assert.equal((await operator.upload('/api/v1/imports?list=red', 'red.csv', csv)).status, 201);
    const preview = await operator.upload<PreviewBody>('/api/v1/imports/preview?list=red', 'red.csv', csv);
    assert.equal(preview.status, 200);
    assert.equal(preview.body.report.accepted, 0);
    assert.deepEqual(new Set(preview.body.report.rejected.map((issue) => issue.code)), new Set(['duplicate-of-live']));
    assert.equal(preview.body.sample.rows.length, 3);
  });

  it('reads an XLSX workbook, dates as dates', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const [row] = demoListRows('red', today, 1, 3);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(Object.keys(row!));
    sheet.addRow(Object.values(row!).map((value, i) => (i === 9 ? new Date(`${value}T00:00:00Z`) : value)));
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const operator = await h.as('operator');
    const preview = await operator.upload<PreviewBody>('/api/v1/imports/preview?list=red', 'red.xlsx', bytes);
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    assert.equal(preview.body.report.accepted, 1);
    assert.equal(preview.body.sample.rows[0]?.cells[9], row!.列入日期);
  });

  it('refuses a file without the required columns with the import\'s own error', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const operator = await h.as('operator');
    const preview = await operator.upload('/api/v1/imports/preview?list=red', 'x.csv', '名称,备注\n某公司,无\n');
    assert.equal(preview.status, 400);
    assert.equal(preview.body.code, 'import.missing-columns');
  });
});
