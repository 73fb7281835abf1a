// Normalisation of what people type into spreadsheets, and the mapping of header spellings to fields.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { headerKey, mapHeader } from '../../../../controller/server/features/imports/header-map.ts';
import { normaliseCode, normaliseDateText, normaliseRow, normaliseText } from '../../../../controller/server/features/imports/normalise.ts';
import { AppError } from '../../../../controller/server/errors.ts';
import { parseLooseCalendarDate } from '../../../../shared/dates/calendar-date.ts';
import { TEMPLATE_HEADER } from '../../../fixtures/imports/synthetic-import.ts';

describe('normalise', () => {
  it('folds full-width digits and letters in a code and removes every space', () => {
    assert.equal(normaliseCode('９１１５ ０３００ＥＸＡＭＰＬＥ０１Ｊ'), '91150300EXAMPLE01J');
    assert.equal(normaliseCode(' 150302198001011237 '), '150302198001011237');
  });

  it('upper-cases a lower-case x check character', () => {
    assert.equal(normaliseCode('15030219800101123x'), '15030219800101123X');
  });

  it('unwraps the ="…" and leading-apostrophe tricks that keep Excel from turning a code into a number', () => {
    assert.equal(normaliseCode('="150302198001011237"'), '150302198001011237');
    assert.equal(normaliseCode("'150302198001011237"), '150302198001011237');
  });

  it('reads ２０２４／３／５ as 2024-03-05', () => {
    assert.equal(normaliseDateText('２０２４／３／５'), '2024/3/5');
    assert.equal(parseLooseCalendarDate(normaliseDateText('２０２４／３／５')), '2024-03-05');
  });

  it('drops a midnight time that exports append to dates', () => {
    assert.equal(parseLooseCalendarDate(normaliseDateText('2024-03-05 00:00:00')), '2024-03-05');
  });

  it('collapses stray, ideographic and zero-width spaces in text', () => {
    assert.equal(normaliseText('  乌海市\u3000示例  建材\u200b有限公司 '), '乌海市 示例 建材有限公司');
  });

  it('folds full-width letters and digits in text but keeps Chinese prose punctuation', () => {
    assert.equal(normaliseText('乌海市示例建材有限公司（第２分公司）'), '乌海市示例建材有限公司（第2分公司）');
    assert.equal(normaliseText('连续三年合同履约率１００％，无违约记录'), '连续三年合同履约率100%，无违约记录');
  });

  it('leaves case numbers and prose with Chinese brackets and punctuation as they are', () => {
    for (const text of ['（2025）蒙0302执1号', '乌税稽罚〔2025〕示例1号', '拒不履行，情节严重。', '《中华人民共和国税收征收管理法》第六十三条', '“示例”公司、某某（分公司）']) {
      assert.equal(normaliseText(text), text);
    }
  });

  it('still folds full-width digits and spaces inside text that has Chinese brackets', () => {
    assert.equal(normaliseText('（２０２５）蒙0302执1号'), '（2025）蒙0302执1号');
    assert.equal(normaliseText('〔2025〕\u3000示例  1号 '), '〔2025〕 示例 1号');
  });

  it('converts Excel date cells by their UTC date and serial numbers in date columns', () => {
    const { columns } = mapHeader([...TEMPLATE_HEADER], { categoryOverride: false });
    const cells = ['乌海市示例建材有限公司', '法人', '91150300EXAMPLE01J', null, null, '失信被执行人', '原因', '部门', null, new Date(Date.UTC(2024, 2, 5)), 46000, null];
    const row = normaliseRow(cells, columns);
    assert.equal(row?.values.listedOn, '2024-03-05');
    assert.equal(row?.values.validUntil, '2025-12-09');
  });

  it('takes only five-digit numbers in a date column for Excel serials', () => {
    const { columns } = mapHeader([...TEMPLATE_HEADER], { categoryOverride: false });
    const cells = ['乌海市示例建材有限公司', '法人', '91150300EXAMPLE01J', null, null, '失信被执行人', '原因', '部门', null, 20240305, 2024, null];
    const row = normaliseRow(cells, columns);
    // A compact date typed as a number stays text and parses as one; a bare year is left to be reported as a bad date.
    assert.equal(row?.values.listedOn, '20240305');
    assert.equal(parseLooseCalendarDate(row?.values.listedOn ?? ''), '2024-03-05');
    assert.equal(row?.values.validUntil, '2024');
    assert.equal(parseLooseCalendarDate(row?.values.validUntil ?? ''), null);
  });

  it('marks a code that the spreadsheet stored as a number', () => {
    const { columns } = mapHeader([...TEMPLATE_HEADER], { categoryOverride: false });
    const row = normaliseRow(['张示例', '自然人', null, 150302198001011000, null, '类', '因', '部门', null, '2024-03-05', '2027-03-04', null], columns);
    assert.equal(row?.values.idNumber, '150302198001011008');
    assert.deepEqual(row?.codesStoredAsNumbers, ['idNumber']);
  });

  it('returns null for a row whose cells are all blank', () => {
    const { columns } = mapHeader([...TEMPLATE_HEADER], { categoryOverride: false });
    assert.equal(normaliseRow(['', ' ', '\u3000', null], columns), null);
  });
});

describe('header map', () => {
  it('recognises Chinese, English and full-width spellings of each header', () => {
    const { columns, warnings } = mapHeader(
      ['企业名称', 'Subject Type', 'ＵＳＣＣ', '身份证号码', '法定代表人（负责人）', 'category', '失信行为', '认定机关', '依据文号', '认定日期', 'valid_until', '数据编号'],
      { categoryOverride: false },
    );
    assert.deepEqual(warnings, []);
    assert.deepEqual(Object.values(columns.index), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    assert.equal(columns.label.creditCode, 'USCC');
  });

  it('treats case, spaces, underscores and required-column asterisks alike', () => {
    assert.equal(headerKey('*Subject_Name'), headerKey('subject name'));
    assert.equal(headerKey(' 主体 名称 '), headerKey('主体名称'));
  });

  it('warns once, on line 1, about each unknown column', () => {
    const { warnings } = mapHeader([...TEMPLATE_HEADER, '备注'], { categoryOverride: false });
    assert.deepEqual(warnings, [{ line: 1, column: '备注', code: 'unknown-column', message: warnings[0]?.message }]);
  });

  it('refuses a file without the required columns and names them', () => {
    assert.throws(
      () => mapHeader(['主体名称', '主体类型', '列入原因'], { categoryOverride: false }),
      (error: unknown) => error instanceof AppError && error.code === 'import.missing-columns' && JSON.stringify(error.details) === JSON.stringify({ missing: ['类别', '认定部门', '列入日期', '有效期至'] }),
    );
  });

  it('does not require a category column when the import names the category', () => {
    const header = TEMPLATE_HEADER.filter((h) => h !== '类别');
    assert.doesNotThrow(() => mapHeader(header, { categoryOverride: true }));
    assert.throws(() => mapHeader(header, { categoryOverride: false }), /类别/);
  });
});
