// File formats: CSV in UTF-8 (with or without BOM), GBK and UTF-16, tab-separated text, XLSX, and files that cannot be read.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readImportFile } from '../../../../controller/server/features/imports/read-import-file.ts';
import { AppError } from '../../../../controller/server/errors.ts';
import { csvLine, syntheticCreditCode, syntheticResidentId, TEMPLATE_HEADER } from '../../../fixtures/imports/synthetic-import.ts';

const TODAY = '2026-06-01';
const options = () => {
  let n = 0;
  return { list: 'black' as const, today: TODAY, newId: () => `entry-${++n}` };
};

const ROWS = [
  ['乌海市示例建材有限公司（第２分公司）', '法人', syntheticCreditCode(1), '', '王示例', '失信被执行人', '拒不履行，情节严重', '乌海市海勃湾区人民法院', '（2025）蒙0302执1号', '2025/3/5', '2028-03-04', 'A-1'],
  ['张示例', '自然人', '', syntheticResidentId('1980-01-01', 123), '', '失信被执行人', '拒不履行', '乌海市海勃湾区人民法院', '', '2025年3月5日', '20280304', 'A-2'],
  ['乌海市示例商贸有限公司', '法人', 'BAD', '', '', '失信被执行人', '原因', '部门', '', '2025-03-05', '2028-03-04', 'A-3'],
];
const TEXT = [TEMPLATE_HEADER, ...ROWS].map(csvLine).join('\r\n') + '\r\n';

const isAppError = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

describe('import file formats', () => {
  it('reads UTF-8 with a BOM, UTF-8 without, GBK and UTF-16 identically, and says which it detected', async () => {
    const variants: [string, Uint8Array][] = [
      ['utf-8-bom', new TextEncoder().encode(`\ufeff${TEXT}`)],
      ['utf-8', new TextEncoder().encode(TEXT)],
      ['gb18030', iconv.encode(TEXT, 'gbk')],
      ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])],
    ];
    const results = await Promise.all(variants.map(([, bytes]) => readImportFile(bytes, 'list.csv', options())));
    assert.deepEqual(results.map((r) => r.report.encoding), variants.map(([name]) => name));
    const [first, ...others] = results.map(({ report: { encoding: _, ...report }, entries }) => ({ report, entries }));
    assert.equal(first?.report.accepted, 2);
    assert.equal(first?.entries[0]?.subjectName, '乌海市示例建材有限公司（第2分公司）');
    for (const other of others) assert.deepEqual(other, first);
  });

  it('reads tab-separated text, as Excel saves "Unicode text"', async () => {
    const tsv = [TEMPLATE_HEADER, ...ROWS].map((cells) => cells.join('\t')).join('\r\n');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]);
    const { report } = await readImportFile(bytes, 'list.txt', options());
    assert.equal(report.accepted, 2);
    assert.deepEqual(report.rejected.map((i) => [i.line, i.code]), [[4, 'bad-credit-code']]);
  });

  it('reads XLSX: a real date cell, a serial number, Excel row numbers, and a code Excel stored as a number', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow([...TEMPLATE_HEADER]);
    const dateRow = sheet.addRow(['乌海市示例建材有限公司', '法人', syntheticCreditCode(1), null, '王示例', '失信被执行人', { richText: [{ text: '拒不' }, { text: '履行' }] }, '乌海市海勃湾区人民法院', null, new Date(Date.UTC(2024, 2, 5)), 46400, null]);
    dateRow.getCell(10).numFmt = 'yyyy-mm-dd';
    sheet.getRow(3).getCell(1).value = null; // row 3 stays empty
    sheet.getRow(4).values = ['张示例', '自然人', null, Number('150302198001011237'), null, '失信被执行人', '拒不履行', '乌海市海勃湾区人民法院', null, '2024-03-05', '2027-03-04', null];
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const { report, entries } = await readImportFile(bytes, 'list.xlsx', options());
    assert.equal(report.encoding, undefined);
    assert.equal(report.rows, 2);
    assert.deepEqual(entries.map((e) => [e.line, e.listedOn, e.validUntil, e.reason]), [[2, '2024-03-05', '2027-01-13', '拒不履行']]);
    assert.deepEqual(report.rejected.map((i) => [i.line, i.column, i.code]), [[4, '证件号码', 'bad-id-number']]);
    assert.match(report.rejected[0]?.message ?? '', /被 Excel 存为数字/);
  });

  it('recognises an XLSX by its content whatever its name', async () => {
    const bytes = await readFile(new URL('../../../../assets/templates/gongshi-import-template.xlsx', import.meta.url));
    const { report } = await readImportFile(bytes, 'upload.bin', options());
    assert.equal(report.accepted, 3);
  });

  for (const name of ['csv', 'xlsx']) {
    it(`imports the ${name} template in assets/templates without a rejection or warning`, async () => {
      const bytes = await readFile(new URL(`../../../../assets/templates/gongshi-import-template.${name}`, import.meta.url));
      const { report, entries } = await readImportFile(bytes, `gongshi-import-template.${name}`, options());
      assert.deepEqual({ ...report, encoding: undefined }, { rows: 3, accepted: 3, rejected: [], warnings: [], encoding: undefined });
      assert.deepEqual(entries.map((e) => e.subjectType), ['legal-person', 'individual-business', 'natural-person']);
      assert.equal(entries[2]?.birthDate, '1980-01-01');
    });
  }

  it('refuses an empty file', async () => {
    await assert.rejects(readImportFile(new Uint8Array(), 'list.csv', options()), isAppError('import.empty'));
    await assert.rejects(readImportFile(new TextEncoder().encode('\ufeff \r\n'), 'list.csv', options()), isAppError('import.empty'));
  });

  it('refuses binary garbage, a damaged XLSX and a legacy .xls as unreadable', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    await assert.rejects(readImportFile(garbage, 'list.csv', options()), isAppError('import.unreadable'));
    const damagedZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...garbage.subarray(0, 200)]);
    await assert.rejects(readImportFile(damagedZip, 'list.xlsx', options()), isAppError('import.unreadable'));
    await assert.rejects(readImportFile(new TextEncoder().encode(TEXT), 'list.xlsx', options()), isAppError('import.unreadable'));
    const ole2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    await assert.rejects(readImportFile(ole2, 'list.xls', options()), /97–2003/);
  });

  it('refuses a CSV with an unclosed quote, naming the line where the broken record starts', async () => {
    const text = `${csvLine(TEMPLATE_HEADER)}\n${csvLine(ROWS[0] ?? [])}\n张示例,自然人,"未闭合\n下一行\n`;
    await assert.rejects(readImportFile(new TextEncoder().encode(text), 'list.csv', options()), (error: unknown) => {
      return error instanceof AppError && error.code === 'import.unreadable' && JSON.stringify(error.details) === '{"line":3}';
    });
  });

  it('refuses a file without the required columns', async () => {
    await assert.rejects(readImportFile(new TextEncoder().encode('名称,备注\n某公司,无\n'), 'list.csv', options()), isAppError('import.missing-columns'));
  });
});
