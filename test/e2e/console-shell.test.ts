import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consoleScreenshot, consoleSuite } from '../support/console-fixtures.ts';

describe('console shell', () => {
  const suite = consoleSuite();

  it('refuses a wrong password with the server\'s message and keeps the user on the sign-in form', async () => {
    const page = await suite.browser().newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${suite.harness().url}/console/`);
    await page.getByLabel('用户名').fill('operator');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登 录' }).click();
    await assert.doesNotReject(page.getByTestId('login-error').waitFor());
    assert.match(await page.getByTestId('login-error').innerText(), /用户名或密码错误/);
    await consoleScreenshot(page, 'login-error');
    await page.close();
  });

  it('offers each role only its own pages', async () => {
    const operator = await suite.signIn('operator');
    const operatorMenu = await operator.locator('.ant-menu-item').allInnerTexts();
    assert.ok(operatorMenu.includes('导入名单'), `operator menu: ${operatorMenu.join(', ')}`);
    assert.ok(!operatorMenu.includes('审计日志'), 'an operator is not offered the audit log');
    assert.ok(!operatorMenu.includes('用户与角色'));
    await consoleScreenshot(operator, 'overview-operator');

    const auditor = await suite.signIn('auditor');
    const auditorMenu = await auditor.locator('.ant-menu-item').allInnerTexts();
    assert.ok(auditorMenu.includes('审计日志'), `auditor menu: ${auditorMenu.join(', ')}`);
    assert.ok(!auditorMenu.includes('导入名单'), 'an auditor is not offered imports');
    // A page outside the role is not routable either.
    await auditor.goto(`${suite.harness().url}/console/imports`);
    await auditor.getByText('页面不存在').waitFor();
  });

  it('switches to English and back, remembering the choice', async () => {
    const page = await suite.signIn('admin');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Overview' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await consoleScreenshot(page, 'overview-admin-en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByLabel('用户名').waitFor();
  });

  it('serves client routes as the app, with a strict content security policy, and 404s missing assets', async () => {
    const url = suite.harness().url;
    const deep = await fetch(`${url}/console/screens/some-screen`);
    assert.equal(deep.status, 200);
    assert.match(deep.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.match(await deep.text(), /<div id="root">/);
    const missing = await fetch(`${url}/console/assets/nope.js`);
    assert.equal(missing.status, 404);
  });
});
