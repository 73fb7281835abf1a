import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImportIssueCode, ImportPreview } from '../../../shared/lists/import-report.ts';
import { formatFileSize, isImportFile } from '../../../controller/console/src/pages/imports/import-file.ts';
import { cellIssues, headerIssues, previewRows, reportCounts, rowIssues, sampleIsPartial } from '../../../controller/console/src/pages/imports/preview-rows.ts';
import { messageIn, splitBilingual } from '../../../controller/console/src/pages/imports/server-message.ts';

const issue = (line: number, column: string, code: ImportIssueCode) => ({ line, column, code, message: `第 ${line} 行 ${code} (${code})` });

const preview: ImportPreview = {
  report: {
    rows: 5,
    accepted: 3,
    rejected: [issue(4, '证件号码', 'bad-id-number'), issue(4, '有效期至', 'bad-date'), issue(6, '主体名称', 'missing-field')],
    warnings: [issue(1, '备注', 'unknown-column'), issue(3, '统一社会信用代码', 'credit-code-checksum'), issue(4, '统一社会信用代码', 'field-ignored')],
  },
  sample: {
    header: ['主体名称', '统一社会信用代码', '证件号码', '有效期至'],
    rows: [2, 3, 4, 5].map((line) => ({ line, cells: [`名称${line}`, '', '', '2099-01-01'] })),
    size: { firstRows: 4, refusedRows: 10 },
  },
};

describe('import preview rows', () => {
  it('marks each sampled row refused, to confirm, or good, refusals before warnings', () => {
    const rows = previewRows(preview);
    assert.deepEqual(rows.map((r) => [r.line, r.verdict]), [[2, 'accepted'], [3, 'warned'], [4, 'refused'], [5, 'accepted']]);
    assert.deepEqual(rows[2]?.issues.map((i) => i.code), ['bad-id-number', 'bad-date', 'field-ignored']);
  });

  it('finds a cell\'s issues by the column the report names', () => {
    const refused = previewRows(preview)[2]!;
    assert.deepEqual(cellIssues(refused, '证件号码').map((i) => i.code), ['bad-id-number']);
    assert.deepEqual(cellIssues(refused, '主体名称'), []);
  });

  it('counts refused rows, not issues, and rows to confirm among the accepted only', () => {
    assert.deepEqual(reportCounts(preview.report), { rows: 5, accepted: 3, refusedRows: 2, warnedRows: 1 });
  });

  it('keeps header issues apart and lists row issues in file order', () => {
    assert.deepEqual(headerIssues(preview.report).map((i) => i.column), ['备注']);
    assert.deepEqual(rowIssues(preview.report).map((i) => [i.line, i.severity]), [[3, 'warning'], [4, 'refusal'], [4, 'refusal'], [4, 'warning'], [6, 'refusal']]);
  });

  it('says when the sample leaves rows out', () => {
    assert.equal(sampleIsPartial(preview), true);
    assert.equal(sampleIsPartial({ ...preview, report: { ...preview.report, rows: 4 } }), false);
  });
});

describe('server messages', () => {
  it('shows the half in the reader\'s language', () => {
    const message = '有效期至 2024-01-01 已过（今天是 2025-01-01），过期信息不得公示 (already expired)';
    assert.equal(messageIn(message, 'zh-CN'), '有效期至 2024-01-01 已过（今天是 2025-01-01），过期信息不得公示');
    assert.equal(messageIn(message, 'en'), 'already expired');
  });

  it('splits at the parenthesis that closes the message, nested ones included', () => {
    assert.deepEqual(splitBilingual('与第 3 行重复 (duplicate of line 3 (same code))'), { zh: '与第 3 行重复', en: 'duplicate of line 3 (same code)' });
  });

  it('leaves a message in one language as it is', () => {
    assert.equal(messageIn('network error (retry)', 'zh-CN'), 'network error (retry)');
    assert.equal(messageIn('文件是空的', 'en'), '文件是空的');
    assert.equal(messageIn('依据（2025）蒙03执1号', 'en'), '依据（2025）蒙03执1号');
  });
});

describe('import files', () => {
  it('takes CSV and XLSX by name, whatever the case', () => {
    assert.equal(isImportFile('名单.CSV'), true);
    assert.equal(isImportFile('black.xlsx'), true);
    assert.equal(isImportFile('old.xls'), false);
    assert.equal(isImportFile('notes.txt'), false);
  });

  it('names sizes in B, KB and MB', () => {
    assert.equal(formatFileSize(512), '512 B');
    assert.equal(formatFileSize(2048), '2.0 KB');
    assert.equal(formatFileSize(5 * 1024 * 1024), '5.0 MB');
  });
});
