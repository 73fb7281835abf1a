// Reading a whole import file: every rejection with its line and column, warnings, duplicates, blank rows.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readImportFile, type ReadImportOptions } from '../../../../controller/server/features/imports/read-import-file.ts';
import type { ImportIssue } from '../../../../controller/server/features/imports/import-report.ts';
import { csvLine, syntheticCreditCode, syntheticResidentId, TEMPLATE_HEADER, withWrongCheckCharacter, type CsvRow } from '../../../fixtures/imports/synthetic-import.ts';

const TODAY = '2026-06-01';

function company(serial: number, overrides: Partial<CsvRow> = {}): CsvRow {
  return {
    主体名称: `乌海市示例${serial}号建材有限公司`,
    主体类型: '法人',
    统一社会信用代码: syntheticCreditCode(serial),
    证件号码: '',
    法定代表人: '王示例',
    类别: '失信被执行人',
    列入原因: '有履行能力而拒不履行生效法律文书确定的义务',
    认定部门: '乌海市海勃湾区人民法院',
    认定依据: `（2025）蒙0302执${serial}号`,
    列入日期: '2025-03-05',
    有效期至: '2028-03-04',
    来源编号: `SRC-${serial}`,
    ...overrides,
  };
}

function person(birthDate: string, sequence: number, overrides: Partial<CsvRow> = {}): CsvRow {
  return company(0, { 主体名称: '张示例', 主体类型: '自然人', 统一社会信用代码: '', 证件号码: syntheticResidentId(birthDate, sequence), 法定代表人: '', ...overrides });
}

function csv(rows: readonly (CsvRow | '')[]): string {
  return [csvLine(TEMPLATE_HEADER), ...rows.map((r) => (r === '' ? '' : csvLine(TEMPLATE_HEADER.map((h) => r[h]))))].join('\n') + '\n';
}

function counterIds(): () => string {
  let n = 0;
  return () => `entry-${++n}`;
}

async function read(text: string, options: Partial<ReadImportOptions> = {}) {
  return readImportFile(new TextEncoder().encode(text), 'list.csv', { list: 'black', today: TODAY, newId: counterIds(), ...options });
}

const brief = (issues: ImportIssue[]) => issues.map(({ line, column, code }) => ({ line, column, code }));

describe('reading an import file', () => {
  it('reports every kind of bad row with its line and column', async () => {
    const text = csv([
      company(1), // line 2: good
      company(2, { 统一社会信用代码: '91150300ABC' }), // 3
      person('1980-01-01', 1, { 证件号码: withWrongCheckCharacter(syntheticResidentId('1980-01-01', 1), '0123456789X') }), // 4
      company(4, { 列入原因: '' }), // 5
      company(5, { 列入日期: '2025-02-30' }), // 6
      company(6, { 列入日期: '2026-05-10', 有效期至: '2026-05-09' }), // 7
      person('2010-07-01', 2), // 8: a minor
      company(1, { 主体名称: '乌海市示例1号建材有限公司（重复）' }), // 9: same code as line 2
      company(10, { 有效期至: '2026-05-31' }), // 10: expired yesterday
      company(11, { 主体名称: '名'.repeat(201) }), // 11
      company(12, { 主体类型: '外星人' }), // 12
      company(13, { 认定部门: '' , 有效期至: '三年' }), // 13: two problems
    ]);
    const { report, entries } = await read(text);
    assert.equal(report.rows, 12);
    assert.equal(report.accepted, 1);
    assert.deepEqual(entries.map((e) => e.line), [2]);
    assert.deepEqual(brief(report.rejected), [
      { line: 3, column: '统一社会信用代码', code: 'bad-credit-code' },
      { line: 4, column: '证件号码', code: 'bad-id-number' },
      { line: 5, column: '列入原因', code: 'missing-field' },
      { line: 6, column: '列入日期', code: 'bad-date' },
      { line: 7, column: '有效期至', code: 'valid-until-before-listed' },
      { line: 7, column: '有效期至', code: 'already-expired' },
      { line: 8, column: '证件号码', code: 'minor' },
      { line: 9, column: '统一社会信用代码', code: 'duplicate-in-file' },
      { line: 10, column: '有效期至', code: 'already-expired' },
      { line: 11, column: '主体名称', code: 'too-long' },
      { line: 12, column: '主体类型', code: 'bad-subject-type' },
      { line: 13, column: '认定部门', code: 'missing-field' },
      { line: 13, column: '有效期至', code: 'bad-date' },
    ]);
    const byLine = new Map(report.rejected.map((i) => [i.line, i.message]));
    assert.match(byLine.get(3) ?? '', /统一社会信用代码「91150300ABC」格式错误：应为 18 位，实为 11 位/);
    assert.match(byLine.get(4) ?? '', /校验位错误/);
    assert.match(byLine.get(9) ?? '', /与第 2 行重复/);
  });

  it('never repeats a whole ID number in a message, not even a minor\'s', async () => {
    const id = syntheticResidentId('2010-07-01', 2);
    const { report } = await read(csv([person('2010-07-01', 2)]));
    assert.equal(report.rejected[0]?.code, 'minor');
    assert.ok(!JSON.stringify(report).includes(id));
    assert.match(report.rejected[0]?.message ?? '', /150302\*{8}\d{3}[\dX]/);
  });

  it('accepts a credit code whose check character is wrong, with a warning on the entry for the approver', async () => {
    const code = withWrongCheckCharacter(syntheticCreditCode(7));
    const { report, entries } = await read(csv([company(7, { 统一社会信用代码: code })]));
    assert.equal(report.accepted, 1);
    assert.deepEqual(report.rejected, []);
    assert.deepEqual(brief(report.warnings), [{ line: 2, column: '统一社会信用代码', code: 'credit-code-checksum' }]);
    assert.equal(report.warnings[0]?.message, `统一社会信用代码校验位错误：应为 ${syntheticCreditCode(7).charAt(17)}，实为 ${code.charAt(17)}，请审核人核实 (credit code check character mismatch: the approver must confirm)`);
    assert.deepEqual(entries[0]?.warnings, report.warnings);
    assert.equal(entries[0]?.creditCode, code);
  });

  it('counts lines as a spreadsheet user does when a quoted reason spans several lines', async () => {
    const reason = '"拒不履行\n生效判决\n（第二次）"';
    const text = [
      csvLine(TEMPLATE_HEADER),
      csvLine(TEMPLATE_HEADER.map((h) => company(1)[h])),
      TEMPLATE_HEADER.map((h) => (h === '列入原因' ? reason : csvLine([company(2)[h]]))).join(','), // lines 3–5
      csvLine(TEMPLATE_HEADER.map((h) => company(3, { 列入日期: 'soon' })[h])), // line 6
    ].join('\r\n');
    const { report, entries } = await read(text);
    assert.deepEqual(entries.map((e) => e.line), [2, 3]);
    assert.equal(entries[1]?.reason, '拒不履行 生效判决 （第二次）');
    assert.deepEqual(brief(report.rejected), [{ line: 6, column: '列入日期', code: 'bad-date' }]);
  });

  it('counts CRLF, LF and a lone CR each as one line break, inside quotes too', async () => {
    const line = (r: CsvRow) => csvLine(TEMPLATE_HEADER.map((h) => r[h]));
    const multiLine = TEMPLATE_HEADER.map((h) => (h === '列入原因' ? '"第一行\r\n第二行\r第三行"' : csvLine([company(3)[h]]))).join(',');
    const text = [csvLine(TEMPLATE_HEADER), '\r\n', line(company(1)), '\r', line(company(2)), '\n', multiLine, '\r\n', line(company(4, { 列入原因: '' }))].join('');
    const { report, entries } = await read(text);
    assert.deepEqual(entries.map((e) => e.line), [2, 3, 4]);
    assert.deepEqual(brief(report.rejected), [{ line: 7, column: '列入原因', code: 'missing-field' }]);
  });

  it('skips blank rows without counting them, but keeps their lines in the numbering', async () => {
    const { report } = await read(csv([company(1), '', company(2, { 列入原因: '' }), '']));
    assert.equal(report.rows, 2);
    assert.deepEqual(brief(report.rejected), [{ line: 4, column: '列入原因', code: 'missing-field' }]);
  });

  it('rejects a row whose subject already has a live entry', async () => {
    const live = new Set([`black|失信被执行人|${syntheticCreditCode(2)}`]);
    const { report, entries } = await read(csv([company(1), company(2)]), { isLive: (key) => live.has(key) });
    assert.deepEqual(entries.map((e) => e.line), [2]);
    assert.deepEqual(brief(report.rejected), [{ line: 3, column: '统一社会信用代码', code: 'duplicate-of-live' }]);
  });

  it('keys subjects by list, category and code, so the same company may sit in two categories', async () => {
    const { report, entries } = await read(csv([company(1), company(1, { 类别: '重大税收违法失信主体' })]));
    assert.equal(report.accepted, 2);
    assert.deepEqual(entries.map((e) => e.subjectKey), [`black|失信被执行人|${syntheticCreditCode(1)}`, `black|重大税收违法失信主体|${syntheticCreditCode(1)}`]);
  });

  it('identifies natural persons by ID number and keeps their birth date', async () => {
    const { entries } = await read(csv([person('1980-01-01', 123)]));
    assert.equal(entries[0]?.subjectType, 'natural-person');
    assert.equal(entries[0]?.idNumber, '150302198001011237');
    assert.equal(entries[0]?.creditCode, null);
    assert.equal(entries[0]?.birthDate, '1980-01-01');
  });

  it('accepts an individual business with either a credit code or an ID number, but not with neither', async () => {
    const business = { 主体类型: '个体工商户' };
    const { report, entries } = await read(csv([
      company(1, { ...business, 统一社会信用代码: syntheticCreditCode(1, '92') }),
      company(2, { ...business, 统一社会信用代码: '', 证件号码: syntheticResidentId('1975-05-05', 9) }),
      company(3, { ...business, 统一社会信用代码: '' }),
    ]));
    assert.deepEqual(entries.map((e) => [e.line, e.creditCode !== null, e.idNumber !== null]), [[2, true, false], [3, false, true]]);
    assert.deepEqual(brief(report.rejected), [{ line: 4, column: '统一社会信用代码', code: 'missing-field' }]);
  });

  it('requires a credit code for an organisation and an ID number for a person', async () => {
    const { report } = await read(csv([company(1, { 统一社会信用代码: '' }), person('1980-01-01', 1, { 证件号码: '' })]));
    assert.deepEqual(brief(report.rejected), [
      { line: 2, column: '统一社会信用代码', code: 'missing-field' },
      { line: 3, column: '证件号码', code: 'missing-field' },
    ]);
  });

  it('warns about an entry listed in the future and accepts it', async () => {
    const { report, entries } = await read(csv([company(1, { 列入日期: '2026-07-01' })]));
    assert.equal(entries.length, 1);
    assert.deepEqual(brief(report.warnings), [{ line: 2, column: '列入日期', code: 'listed-in-future' }]);
  });

  it('applies the --category option to every row, warning where the file said otherwise', async () => {
    const text = csv([company(1, { 类别: '' }), company(2, { 类别: '别的类别' })]);
    const { report, entries } = await read(text, { category: ' 失信被执行人 ' });
    assert.deepEqual(entries.map((e) => e.category), ['失信被执行人', '失信被执行人']);
    assert.deepEqual(brief(report.warnings), [{ line: 3, column: '类别', code: 'category-overridden' }]);
  });

  it('normalises full-width codes and dates before checking them', async () => {
    const full = (s: string) => s.replace(/[0-9A-Z/]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const { report, entries } = await read(csv([company(1, { 统一社会信用代码: full(syntheticCreditCode(1)), 列入日期: '２０２４／３／５', 有效期至: '2027年3月4日' })]));
    assert.deepEqual(report.rejected, []);
    assert.equal(entries[0]?.creditCode, syntheticCreditCode(1));
    assert.equal(entries[0]?.listedOn, '2024-03-05');
    assert.equal(entries[0]?.validUntil, '2027-03-04');
  });

  it('reads Excel serial numbers written into a CSV as dates', async () => {
    const { entries } = await read(csv([company(1, { 列入日期: '45356', 有效期至: '46400' })]));
    assert.equal(entries[0]?.listedOn, '2024-03-05');
    assert.equal(entries[0]?.validUntil, '2027-01-13');
  });

  it('does not take a bare year for an Excel serial', async () => {
    const { report } = await read(csv([company(1, { 列入日期: '2024' })]));
    assert.deepEqual(brief(report.rejected), [{ line: 2, column: '列入日期', code: 'bad-date' }]);
  });

  it('reads English headers', async () => {
    const header = ['Name', 'Subject type', 'Credit code', 'ID number', 'Legal representative', 'Category', 'Reason', 'Authority', 'Basis', 'Listed on', 'Valid until', 'Source ref'];
    const row = company(1);
    const text = [csvLine(header), csvLine(TEMPLATE_HEADER.map((h) => row[h]))].join('\n');
    const { report } = await read(text);
    assert.equal(report.accepted, 1);
  });

  it('reports only what the contract documents: rows, accepted, rejected, warnings (and the encoding)', async () => {
    const { report } = await read(csv([company(1), company(2, { 列入原因: '' }), company(3, { 列入日期: '2026-12-01', 有效期至: '2029-01-01' })]));
    assert.deepEqual(Object.keys(report), ['rows', 'accepted', 'rejected', 'warnings', 'encoding']);
    for (const issue of [...report.rejected, ...report.warnings]) {
      assert.deepEqual(Object.keys(issue), ['line', 'column', 'code', 'message']);
      assert.equal(typeof issue.line, 'number');
      assert.equal(typeof issue.message, 'string');
    }
    assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
  });
});
