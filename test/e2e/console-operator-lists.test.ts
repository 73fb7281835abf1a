// The operator's lists work through the console: import a file with bad rows, watch it approved,
// find an entry by a Chinese fragment, withdraw it with a reason, export the list.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import { csvLine, syntheticCreditCode, syntheticRow, TEMPLATE_HEADER, type CsvRow } from '../fixtures/imports/synthetic-import.ts';
import { consoleScreenshot, consoleSuite } from '../support/console-fixtures.ts';

const today = calendarDateAt(Date.now(), 480);
const inYears = (years: number) => `${Number(today.slice(0, 4)) + years}${today.slice(4)}`;

/** The entry the operator later finds by 「鸿雁」 and withdraws. */
const FOUND_NAME = '乌海市鸿雁物流有限公司';

function goodRow(i: number, name?: string): CsvRow {
  return { ...syntheticRow(i), ...(name ? { 主体名称: name } : {}), 列入日期: inYears(-1), 有效期至: inYears(2) };
}

/** Lines 2–5 good, 6–8 refused: a malformed credit code, an unknown subject type, valid-until before listed. */
function csvWithBadRows(): string {
  const rows: CsvRow[] = [
    goodRow(0),
    goodRow(1, FOUND_NAME),
    goodRow(2),
    goodRow(4),
    { ...goodRow(5), 统一社会信用代码: 'NOT-A-CODE' },
    { ...goodRow(6), 主体类型: '外星人' },
    { ...goodRow(7), 有效期至: inYears(-2) },
  ];
  rows[1]!.统一社会信用代码 = syntheticCreditCode(9001);
  return [csvLine(TEMPLATE_HEADER), ...rows.map((row) => csvLine(TEMPLATE_HEADER.map((h) => row[h])))].join('\r\n') + '\r\n';
}

async function changeSetIdIn(page: Page): Promise<string> {
  const id = new URL(page.url()).searchParams.get('changeSet');
  assert.ok(id, `no change set in ${page.url()}`);
  return id;
}

describe('console: operator lists', () => {
  const suite = consoleSuite();

  it('imports a file with bad rows through the wizard, shows why each is refused, and follows the review to approved', async () => {
    const page = await suite.signIn('operator');
    await page.getByRole('menuitem', { name: '导入名单' }).click();
    await page.getByTestId('import-dropzone').waitFor();
    await consoleScreenshot(page, 'imports-choose-file');

    await page.getByTestId('import-list').getByText('黑名单').click();
    await page.locator('input[type=file]').setInputFiles({ name: '黑名单-2026.csv', mimeType: 'text/csv', buffer: Buffer.from(csvWithBadRows()) });
    await page.getByTestId('import-file').getByText('黑名单-2026.csv').waitFor();
    await page.getByRole('button', { name: '上传并校验' }).click();

    await page.getByTestId('preview-table').waitFor();
    assert.equal(await page.getByTestId('count-rows').locator('.ant-statistic-content-value').innerText(), '7');
    assert.equal(await page.getByTestId('count-accepted').locator('.ant-statistic-content-value').innerText(), '4');
    assert.equal(await page.getByTestId('count-refused').locator('.ant-statistic-content-value').innerText(), '3');
    // The refused rows come first, each with its line, the wrong cell marked and the reason.
    const refusedRows = page.getByTestId('preview-table').locator('tbody tr.preview-row-refused');
    assert.equal(await refusedRows.count(), 3);
    const line6 = await refusedRows.nth(0).innerText();
    assert.match(line6, /^6\s/);
    assert.match(line6, /统一社会信用代码错误/);
    assert.equal(await refusedRows.nth(0).getByTestId('bad-cell').innerText(), 'NOT-A-CODE');
    assert.match(await refusedRows.nth(1).innerText(), /主体类型无法识别/);
    assert.match(await refusedRows.nth(2).innerText(), /有效期早于列入日期/);
    await consoleScreenshot(page, 'imports-preview');

    await page.getByRole('tab', { name: /问题清单/ }).click();
    // Line 8's valid-until is both before its listed date and past: two problems.
    const issues = page.getByTestId('issue-table').locator('tbody tr');
    assert.equal(await issues.count(), 4);
    assert.match(await issues.nth(0).innerText(), /6\s+统一社会信用代码\s+统一社会信用代码错误/);
    await consoleScreenshot(page, 'imports-preview-issues');

    await page.getByTestId('submit-import').click();
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByTestId('review-status-title').getByText('等待审核').waitFor();
    const changeSetId = await changeSetIdIn(page);
    await consoleScreenshot(page, 'imports-status-pending');

    const operatorApi = await suite.harness().as('operator');
    const pending = await operatorApi.request('GET', `/api/v1/change-sets/${changeSetId}`);
    assert.equal(pending.body.status, 'pending');
    assert.equal(pending.body.acceptedCount, 4);
    assert.equal(pending.body.rejectedCount, 3);
    assert.equal(pending.body.list, 'black');

    const approver = await suite.harness().as('approver');
    const approval = await approver.request('POST', `/api/v1/change-sets/${changeSetId}/approve`, { comment: '核对无误' });
    assert.equal(approval.status, 200, JSON.stringify(approval.body));
    // The page polls the change set: no reload.
    await page.getByTestId('review-status-title').getByText('审核已通过').waitFor({ timeout: 15_000 });
    assert.match(await page.getByText('审核意见：核对无误').innerText(), /核对无误/);
    const history = page.getByTestId('import-history').locator('tbody tr').first();
    await history.getByText('已通过').waitFor();
    assert.match(await history.innerText(), /黑名单-2026\.csv/);
    await consoleScreenshot(page, 'imports-status-approved');

    const entries = await operatorApi.request('GET', '/api/v1/entries?list=black&status=approved');
    assert.equal(entries.body.total, 4);
    await page.context().close();
  });

  it('finds an entry by two Chinese characters, withdraws it with a reason, and exports the list', async () => {
    const page = await suite.signIn('operator');
    await page.getByRole('menuitem', { name: '名单条目' }).click();
    await page.getByTestId('entry-table').locator('tbody tr.ant-table-row').first().waitFor();
    assert.match(await page.getByTestId('entry-total').innerText(), /共 4 条/);
    await consoleScreenshot(page, 'entries');

    await page.getByPlaceholder('搜索名称、信用代码或证件号码').fill('鸿雁');
    await page.waitForURL(/q=%E9%B8%BF%E9%9B%81/);
    const rows = page.getByTestId('entry-table').locator('tbody tr.ant-table-row');
    await page.getByTestId('entry-total').getByText('共 1 条').waitFor();
    assert.equal(await rows.count(), 1);
    assert.match(await rows.first().innerText(), new RegExp(FOUND_NAME));
    await consoleScreenshot(page, 'entries-search');

    await rows.first().click();
    await page.getByTestId('entry-history').waitFor();
    const entryId = page.url().split('/').pop()!;
    assert.equal(await page.getByTestId('entry-status').innerText(), '已公示');
    const history = await page.getByTestId('entry-history').innerText();
    assert.match(history, /operator 提交导入/);
    assert.match(history, /approver 审核通过/);
    assert.match(history, /核对无误/);
    await consoleScreenshot(page, 'entry-detail');

    await page.getByRole('button', { name: /撤\s*下/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '确认撤下' }).click();
    await dialog.getByText('请选择撤下原因').last().waitFor();
    await dialog.locator('.ant-select').click();
    await page.locator('.ant-select-item-option', { hasText: '信用修复' }).click();
    await dialog.getByRole('textbox').fill('已履行法院判决义务，提交信用修复证明');
    await consoleScreenshot(page, 'entry-withdraw');
    await dialog.getByRole('button', { name: '确认撤下' }).click();
    await page.getByTestId('withdrawal').waitFor();
    assert.equal(await page.getByTestId('entry-status').innerText(), '已撤下');
    assert.match(await page.getByTestId('withdrawal').innerText(), /信用修复[\s\S]*operator[\s\S]*已履行法院判决义务/);
    assert.match(await page.getByTestId('entry-history').innerText(), /operator 撤下/);
    await consoleScreenshot(page, 'entry-withdrawn');

    const api = await suite.harness().as('operator');
    const detail = await api.request('GET', `/api/v1/entries/${entryId}`);
    assert.equal(detail.body.entry.status, 'withdrawn');
    assert.equal(detail.body.withdrawal.reason, 'credit-repair');
    assert.equal(detail.body.withdrawal.note, '已履行法院判决义务，提交信用修复证明');

    // Back on the list, the search is as it was; the export holds the list in force, without the withdrawn entry.
    await page.getByRole('button', { name: '返回名单' }).click();
    await page.getByTestId('entry-total').getByText('共 1 条').waitFor();
    await page.getByTestId('filter-status').click();
    await page.locator('.ant-select-item-option', { hasText: '已公示' }).click();
    await page.getByText('没有符合条件的条目').waitFor();
    assert.match(page.url(), /status=approved/);
    await page.getByTestId('export-csv').hover();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-black-csv').click();
    const file = await download;
    assert.match(file.suggestedFilename(), /\.csv$/);
    const csv = readFileSync((await file.path())!, 'utf8');
    assert.match(csv.split('\r\n')[0] ?? '', /主体名称/);
    assert.equal(csv.trimEnd().split('\r\n').length, 1 + 3, 'the header and the three entries still in force');
    assert.ok(!csv.includes(FOUND_NAME), 'the withdrawn entry is not exported');
    await page.context().close();
  });
});
