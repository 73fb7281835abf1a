// The approver's journey through list changes in the real console against a real controller: an
// import with a bad row and a checksum warning is reviewed as a diff and approved with a comment; a
// corrected re-listing shows old → new and is rejected; and nobody is offered approval of their own
// change (the server refuses it too). Content and programme reviews: console-review-programme.test.ts.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoListRows, toCsv } from '../../controller/server/demo/demo-lists.ts';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import { consoleScreenshot, consoleSuite } from '../support/console-fixtures.ts';
import { openReviews, verdictAccepted, withWrongCheckCharacter } from '../support/review-fixtures.ts';

const today = calendarDateAt(Date.now(), 480);

describe('console review queue', () => {
  const suite = consoleSuite();

  it('lets an approver review an import as a diff, confirm its warning and approve it with a comment; a correction shows old → new and is rejected', async () => {
    const h = suite.harness();
    const operator = await h.as('operator');
    const approver = await h.as('approver');
    const rows = demoListRows('red', today, 4, 31);
    const warned = withWrongCheckCharacter(rows[2]!);
    const badRow = { ...demoListRows('red', today, 1, 32)[0]!, 统一社会信用代码: '123' };
    const upload = await operator.upload('/api/v1/imports?list=red', '红名单2026第12批.csv', toCsv([rows[0]!, rows[1]!, warned, rows[3]!, badRow]));
    assert.equal(upload.status, 201, JSON.stringify(upload.body));
    const changeSetId = upload.body.changeSetId as string;

    const page = await suite.signIn('approver');
    await openReviews(page, h.url);
    await page.getByRole('tab', { name: /名单变更\s*1/ }).waitFor();
    await page.getByTestId('change-set-table').getByText('红名单2026第12批.csv').waitFor();
    await consoleScreenshot(page, 'reviews-queue');

    await page.getByTestId(`open-change-set-${changeSetId}`).click();
    const drawer = page.getByTestId('review-drawer');
    await drawer.getByTestId('rows-added').getByText(rows[0]!.主体名称).waitFor();
    for (const row of [rows[1]!, warned, rows[3]!]) assert.equal(await drawer.getByTestId('rows-added').getByText(row.主体名称).count(), 1, row.主体名称);
    await drawer.getByText('新增 4').waitFor();
    await drawer.getByText('导入时已拒绝的行（1）').waitFor();
    const approve = drawer.getByRole('button', { name: '批准并发布' });
    assert.equal(await approve.isDisabled(), true, 'approval waits for the warning to be confirmed');
    await drawer.getByTestId('warnings-checklist').getByText('信用代码校验位不符', { exact: true }).waitFor();
    await consoleScreenshot(page, 'reviews-change-set');
    await drawer.getByTestId('confirm-warning-4').check();
    await drawer.getByLabel('审核意见').fill('核对原始文件无误，第 4 行代码经登记机关确认，同意发布');
    await approve.click();
    await verdictAccepted(page);

    const approved = await approver.request('GET', `/api/v1/change-sets/${changeSetId}`);
    assert.deepEqual([approved.body.status, approved.body.reviewComment, approved.body.reviewedByName], ['approved', '核对原始文件无误，第 4 行代码经登记机关确认，同意发布', 'approver']);
    const published = await approver.request('GET', '/api/v1/entries?list=red&status=approved');
    assert.equal(published.body.total, 4);

    // The operator withdraws a row as an error and imports it corrected: the approver sees what changed, and rejects it.
    const wrongEntry = (published.body.items as Array<{ id: string; subjectName: string }>).find((e) => e.subjectName === rows[1]!.主体名称)!;
    assert.equal((await approver.request('POST', `/api/v1/entries/${wrongEntry.id}/withdraw`, { reason: 'error', note: '认定部门填错' })).status, 200);
    const correction = await operator.upload('/api/v1/imports?list=red', '红名单更正.csv', toCsv([{ ...rows[1]!, 认定部门: '乌海市税务局稽查局' }]));
    assert.equal(correction.status, 201, JSON.stringify(correction.body));
    const correctionId = correction.body.changeSetId as string;
    await openReviews(page, h.url);
    await page.getByTestId(`open-change-set-${correctionId}`).click();
    await drawer.getByTestId('rows-changed').getByTestId('field-changes').getByText('乌海市税务局稽查局').waitFor();
    await drawer.getByTestId('rows-changed').getByText('已撤下').waitFor();
    await consoleScreenshot(page, 'reviews-change-set-changed');
    await drawer.getByRole('button', { name: '驳 回' }).click();
    await drawer.getByText('驳回须填写审核意见').waitFor();
    await drawer.getByLabel('审核意见').fill('认定部门应为市税务局，而非稽查局，请核实后重新导入');
    await drawer.getByRole('button', { name: '驳 回' }).click();
    await page.getByRole('dialog', { name: '确认驳回？' }).getByRole('button', { name: '驳 回' }).click();
    await verdictAccepted(page);
    const rejected = await approver.request('GET', `/api/v1/change-sets/${correctionId}`);
    assert.deepEqual([rejected.body.status, rejected.body.reviewComment], ['rejected', '认定部门应为市税务局，而非稽查局，请核实后重新导入']);
    await page.getByText('已驳回', { exact: true }).click();
    await page.getByTestId('change-set-table').getByText('红名单更正.csv').waitFor();
    await consoleScreenshot(page, 'reviews-history');
  });

  it('never offers operator2 approval of their own import, and the server refuses it', async () => {
    const h = suite.harness();
    const operator2 = await h.as('operator2');
    const upload = await operator2.upload('/api/v1/imports?list=black', '黑名单补充.csv', toCsv(demoListRows('black', today, 3, 41)));
    assert.equal(upload.status, 201, JSON.stringify(upload.body));
    const id = upload.body.changeSetId as string;

    const page = await suite.signIn('operator2');
    await openReviews(page, h.url);
    const row = page.getByTestId('change-set-table').locator('tr', { hasText: '黑名单补充.csv' });
    await row.getByText('本人提交').waitFor();
    await page.getByTestId(`open-change-set-${id}`).click();
    const drawer = page.getByTestId('review-drawer');
    await drawer.getByTestId('own-change-notice').getByText('您提交的变更需由他人审核').waitFor();
    assert.equal(await drawer.getByRole('button', { name: '批准并发布' }).count(), 0, 'no approve button on one\'s own change');
    assert.equal(await drawer.getByTestId('warnings-checklist').count(), 0);
    await consoleScreenshot(page, 'reviews-own-change');
    // The review's address reopens it, here in English.
    await page.evaluate(() => localStorage.setItem('gongshi.console.locale', 'en'));
    await page.reload();
    await drawer.getByTestId('own-change-notice').getByText('Your own change must be reviewed by someone else').waitFor();
    await consoleScreenshot(page, 'reviews-own-change-en');

    const refused = await operator2.request('POST', `/api/v1/change-sets/${id}/approve`, { comment: '自己批准' });
    assert.deepEqual([refused.status, refused.body.code], [403, 'review.own-change']);
    const still = await operator2.request('GET', `/api/v1/change-sets/${id}`);
    assert.equal(still.body.status, 'pending');
  });
});
