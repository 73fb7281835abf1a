// The admin's and the auditor's journeys in the real console: an admin creates an auditor through the
// form, resets that auditor's password, disables an account, sets a category's masking and publication
// period and builds a screen group; the new auditor signs in and finds the chain verified and the
// user's creation in the audit log, a real screen's plays in proof of play (exported as CSV), and a
// withdrawal with that screen's ack time in the takedown report. The server agrees at every step.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { demoListRows, toCsv } from '../../controller/server/demo/demo-lists.ts';
import { createScreen } from '../../controller/server/features/screens/service.ts';
import type { Player } from '../../player/core/player.ts';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import { DISPLAY_REPORT_PATH, type DisplayReport } from '../../shared/display/display-report.ts';
import { CONSOLE_VIEWPORT, consoleScreenshot, consoleSuite } from '../support/console-fixtures.ts';
import { importAndApprove, TEST_PASSWORD } from '../support/controller-harness.ts';
import { adoptPlayer, displayState, startTestPlayer } from '../support/player-harness.ts';
import { waitFor } from '../support/wait-for.ts';

const NEW_PASSWORD = 'audit-trail-2025-reset';

/** What the kiosk page posts when its scene changes: the player closes the last play and opens one. */
async function screenShows(player: Player, item: { kind: 'list' | 'slide'; id: string }): Promise<void> {
  const url = new URL(player.displayUrl);
  const report: DisplayReport = { metrics: { screenWidth: 1920, screenHeight: 1080, viewportWidth: 1920, viewportHeight: 1080, pixelRatio: 1 }, showing: { kind: item.kind, id: item.id, title: item.id } };
  const response = await fetch(`${url.origin}${DISPLAY_REPORT_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-display-token': url.searchParams.get('token') ?? '' }, body: JSON.stringify(report) });
  assert.equal(response.status, 204);
  // Plays of a quarter second: short for the test, long enough to read as time on screen.
  await new Promise((resolve) => setTimeout(resolve, 250));
}

describe('console: administration and audit', () => {
  const suite = consoleSuite();
  let player: Player | null = null;
  const playerDir = mkdtempSync(join(tmpdir(), 'gongshi-console-audit-player-'));
  const pageErrors: string[] = [];
  after(async () => {
    await player?.close();
    rmSync(playerDir, { recursive: true, force: true });
    assert.deepEqual(pageErrors, [], 'the console threw in the browser');
  });

  /** The sign-in form for a user the suite does not know. */
  async function signInWith(username: string, password: string): Promise<Page> {
    const context = await suite.browser().newContext({ viewport: CONSOLE_VIEWPORT, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${username}: ${error.message}`));
    await page.goto(`${suite.harness().url}/console/`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登 录' }).click();
    await page.getByTestId('signed-in-user').waitFor();
    return page;
  }

  it('an admin manages users, a category policy and a screen group; an auditor reads the log, proof of play and a takedown', async () => {
    const h = suite.harness();
    const today = calendarDateAt(Date.now(), 480);
    await importAndApprove(h, 'black', toCsv(demoListRows('black', today, 6, 77)));
    // Two lists, so the screen has two items to alternate between: each change closes a play.
    await importAndApprove(h, 'red', toCsv(demoListRows('red', today, 3, 78)));
    player = await startTestPlayer(h.url, playerDir, { proofOfPlay: { tickMs: 50, uploadIntervalMs: 100, uploadRetryBaseMs: 50, uploadRetryCapMs: 250 } });
    const stationId = await adoptPlayer(player, await h.as('technician'), '火车站大屏');
    await createScreen(h.controller.context.db, { name: '机场到达厅', deviceId: 'airport-hall', actorId: h.userIds.technician, now: Date.now() });
    const admin = await h.as('admin');

    // 1. Users: a new auditor through the form; the form refuses a short password first.
    const page = await suite.signIn('admin');
    await page.getByRole('menuitem', { name: '用户与角色' }).click();
    await page.getByTestId('users-table').getByText('operator2').first().waitFor();
    await page.getByRole('button', { name: '新建用户' }).click();
    const form = page.getByRole('dialog', { name: '新建用户' });
    await form.getByTestId('username').fill('auditor3');
    await form.getByTestId('display-name').fill('审计员丙');
    await form.getByTestId('password').fill('short');
    await form.getByTestId('password-confirm').fill('short');
    await form.getByRole('checkbox', { name: /审计员/ }).check();
    await form.getByRole('button', { name: '创 建' }).click();
    await form.getByText('密码至少 12 个字符').first().waitFor();
    await consoleScreenshot(page, 'users-create');
    await form.getByTestId('password').fill(TEST_PASSWORD);
    await form.getByTestId('password-confirm').fill(TEST_PASSWORD);
    await form.getByRole('button', { name: '创 建' }).click();
    await page.getByText('已创建用户 审计员丙').waitFor();
    const users = (await admin.request('GET', '/api/v1/users')).body.items as Array<{ id: string; username: string; displayName: string; roles: string[]; disabled: boolean }>;
    const auditor3 = users.find((u) => u.username === 'auditor3');
    assert.deepEqual(auditor3 && { displayName: auditor3.displayName, roles: auditor3.roles, disabled: auditor3.disabled }, { displayName: '审计员丙', roles: ['auditor'], disabled: false });

    // A password reset through the form: the old password stops working.
    const row = (name: string) => page.getByTestId('users-table').getByRole('row', { name: new RegExp(name) });
    await row('审计员丙').getByRole('button', { name: '重置密码' }).click();
    const reset = page.getByRole('dialog', { name: /重置「审计员丙」的密码/ });
    await reset.getByTestId('password').fill(NEW_PASSWORD);
    await reset.getByTestId('password-confirm').fill(NEW_PASSWORD);
    await reset.getByRole('button', { name: '重置密码' }).click();
    await page.getByText('已重置 审计员丙 的密码').waitFor();
    assert.equal((await new (await import('../support/controller-harness.ts')).ApiClient(h.url).login('auditor3')).status, 401);

    // Editing an account: a technician's name and an added role.
    await row('technician').getByRole('button', { name: '编 辑' }).click();
    const edit = page.getByRole('dialog', { name: /编辑用户「technician」/ });
    await edit.getByTestId('display-name').fill('运维张工');
    await edit.getByRole('checkbox', { name: /审计员/ }).check();
    await edit.getByRole('button', { name: '保 存' }).click();
    await page.getByText('已保存').waitFor();
    const technician = ((await admin.request('GET', '/api/v1/users')).body.items as Array<{ username: string; displayName: string; roles: string[] }>).find((u) => u.username === 'technician');
    assert.deepEqual(technician && [technician.displayName, technician.roles], ['运维张工', ['technician', 'auditor']]);

    // Disabling an account asks first, then the server holds it disabled.
    await row('operator2').getByRole('button', { name: '停 用' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '停 用' }).click();
    await page.getByText('已停用 operator2').waitFor();
    const operator2 = ((await admin.request('GET', '/api/v1/users')).body.items as Array<{ username: string; disabled: boolean }>).find((u) => u.username === 'operator2');
    assert.equal(operator2?.disabled, true);
    await row('operator2').getByText('已停用').waitFor();
    await consoleScreenshot(page, 'users');

    // 2. Policies: full names and a three-year period for dishonest judgment debtors.
    await page.getByRole('menuitem', { name: '脱敏与公示期' }).click();
    await page.getByTestId('policies-table').waitFor();
    await page.getByRole('button', { name: '添加类别策略' }).click();
    const policy = page.getByRole('dialog', { name: '添加类别策略' });
    await policy.getByTestId('policy-category').locator('input').fill('失信被执行人');
    await policy.getByRole('radio', { name: /显示全名/ }).check();
    await policy.getByTestId('limit-period').click();
    await policy.getByRole('spinbutton', { name: '公示期限' }).fill('36');
    await policy.getByTestId('policy-preview').getByText('欧阳示明').waitFor();
    await consoleScreenshot(page, 'policies-form');
    await policy.getByRole('button', { name: '保存并发布' }).click();
    await page.getByText(/已保存「失信被执行人」的策略/).waitFor();
    const policies = (await admin.request('GET', '/api/v1/category-policies')).body.categories as Array<{ category: string; nameDisplay: string; idKeepStart: number; idKeepEnd: number; publicationMonths: number | null }>;
    assert.deepEqual(policies.map((p) => [p.category, p.nameDisplay, p.idKeepStart, p.idKeepEnd, p.publicationMonths]), [['失信被执行人', 'full', 6, 4, 36]]);
    await page.getByTestId('policies-table').getByText('3 年').waitFor();
    await consoleScreenshot(page, 'policies');

    // 3. Screen groups: a group for the station, with its screen.
    await page.getByRole('menuitem', { name: '屏幕分组' }).click();
    await page.getByRole('button', { name: '新建分组' }).click();
    await page.getByRole('dialog', { name: '新建屏幕分组' }).getByTestId('group-name-input').fill('火车站');
    await page.getByRole('dialog', { name: '新建屏幕分组' }).getByRole('button', { name: '创 建' }).click();
    await page.getByText('已创建分组「火车站」').waitFor();
    await page.getByTestId('screen-groups-table').getByRole('row', { name: /火车站/ }).getByRole('button', { name: '调整屏幕' }).click();
    const assign = page.getByRole('dialog', { name: /调整「火车站」的屏幕/ });
    await assign.getByText('火车站大屏').click();
    await assign.getByRole('button', { name: /right/ }).click();
    await consoleScreenshot(page, 'screen-groups-assign');
    await assign.getByRole('button', { name: '保 存' }).click();
    await page.getByText('已保存，1 块屏幕在本组').waitFor();
    const groups = (await admin.request('GET', '/api/v1/screen-groups')).body.items as Array<{ name: string; screenIds: string[] }>;
    assert.deepEqual(groups.map((g) => [g.name, g.screenIds]), [['火车站', [stationId]]]);
    await page.getByTestId('screen-groups-table').getByText('火车站大屏').waitFor();
    await consoleScreenshot(page, 'screen-groups');

    // An approver reads the groups but is offered no changes.
    const approverPage = await suite.signIn('approver');
    await approverPage.getByRole('menuitem', { name: '屏幕分组' }).click();
    await approverPage.getByText('您可以查看分组').waitFor();
    assert.equal(await approverPage.getByRole('button', { name: '新建分组' }).count(), 0);
    await consoleScreenshot(approverPage, 'screen-groups-readonly');
    await approverPage.close();

    // The screen plays, and an entry is withdrawn, which the screen acks.
    const timeline = await waitFor('the station screen to play', async () => {
      const state = await displayState(player!);
      return state.mode === 'playing' && state.timeline.length >= 2 ? state.timeline.map((i) => ({ kind: i.kind as 'list' | 'slide', id: i.id })) : null;
    });
    for (const item of [timeline[0]!, timeline.at(-1)!, timeline[0]!, timeline.at(-1)!]) await screenShows(player, item);
    const operator = await h.as('operator');
    const person = ((await operator.request('GET', '/api/v1/entries?status=approved&limit=20')).body.items as Array<{ id: string; subjectName: string; subjectType: string }>).find((e) => e.subjectType === 'natural-person')!;
    const withdrawn = await operator.request('POST', `/api/v1/entries/${person.id}/withdraw`, { reason: '信用修复', note: '已履行法院判决' });
    assert.equal(withdrawn.status, 200);
    await waitFor('the station screen to drop the entry', () => player!.status().listRevision >= withdrawn.body.listRevision);
    const auditorApi = await h.as('auditor');
    const plays = await waitFor('three plays at the controller', async () => {
      const body = (await auditorApi.request('GET', `/api/v1/proof-of-play?screenId=${stationId}&limit=100`)).body as { items: unknown[] };
      return body.items.length >= 3 ? body.items.length : null;
    });

    // 4. The new auditor: the verified chain and the user's creation in the audit log.
    const auditor = await signInWith('auditor3', NEW_PASSWORD);
    await auditor.getByRole('menuitem', { name: '审计日志' }).click();
    const verdict = await auditor.getByTestId('chain-verdict').innerText();
    const verified = (await auditorApi.request('GET', '/api/v1/audit/verify')).body as { ok: boolean; events: number };
    assert.equal(verified.ok, true);
    assert.match(verdict, /^审计链完整 · 已验证 [\d,]+ 条$/);
    assert.ok(Number(verdict.replace(/\D/g, '')) >= 10, verdict);
    await auditor.getByTestId('audit-action').click();
    await auditor.locator('.ant-select-item-option', { hasText: '创建用户' }).click();
    const creation = auditor.getByTestId('audit-events').getByRole('row', { name: /创建用户.*用户 审计员丙（auditor3）/ });
    await creation.waitFor();
    assert.match(await creation.innerText(), /系统管理员|admin/);
    await creation.click();
    await auditor.getByTestId('audit-events').getByText('"username": "auditor3"').waitFor();
    await consoleScreenshot(auditor, 'audit-log');

    // 5. Proof of play: the station's plays, and the CSV export holds every one.
    await auditor.getByRole('menuitem', { name: '播放证明' }).click();
    await auditor.getByTestId('play-summary').getByText('火车站大屏').first().waitFor();
    assert.equal(await auditor.getByTestId('play-stats').getByText(String(plays), { exact: true }).count(), 1, `the stats show ${plays} plays`);
    await auditor.getByTestId('play-events').locator('tbody tr.ant-table-row').nth(plays - 1).waitFor();
    await consoleScreenshot(auditor, 'proof-of-play');
    const [download] = await Promise.all([auditor.waitForEvent('download'), auditor.getByTestId('export-csv').click()]);
    const csv = readFileSync(await download.path());
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = csv.subarray(3).toString('utf8').trim().split('\r\n');
    assert.match(lines[0]!, /^开始时间/);
    assert.equal(lines.length - 1, plays);
    assert.ok(lines.slice(1).every((line) => line.includes(`,火车站大屏,${stationId},`)));

    // 6. The takedown: withdrawn by the operator, dropped by the station, the airport still pending.
    await auditor.getByRole('menuitem', { name: '撤下报告' }).click();
    const takedown = auditor.getByTestId('takedown-table').getByRole('row', { name: new RegExp(person.subjectName) });
    await takedown.getByText('1 / 2 块屏幕已撤下').waitFor();
    await takedown.getByText('信用修复').waitFor();
    await consoleScreenshot(auditor, 'takedowns');
    await takedown.getByRole('button', { name: '查 看' }).click();
    const drawer = auditor.getByTestId('takedown-drawer');
    await drawer.getByRole('row', { name: /机场到达厅.*待确认/ }).waitFor();
    const stationAck = drawer.getByRole('row', { name: /火车站大屏/ });
    await waitFor('the station\'s ack time in the drawer', async () => /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/.test(await stationAck.innerText()));
    await drawer.getByText('已履行法院判决').waitFor();
    await consoleScreenshot(auditor, 'takedown-detail');
    const detail = (await auditorApi.request('GET', `/api/v1/reports/takedowns/${person.id}`)).body as { screenAcks: Array<{ name: string; ackedAt: number | null }> };
    assert.deepEqual(detail.screenAcks.map((a) => [a.name, a.ackedAt !== null]), [['机场到达厅', false], ['火车站大屏', true]]);
    await auditor.close();
    await page.close();
  });
});
