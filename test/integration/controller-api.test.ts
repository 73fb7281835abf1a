import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import { demoListRows, toCsv } from '../../controller/server/demo/demo-lists.ts';
import { ApiClient, startControllerHarness, TEST_PASSWORD } from '../support/controller-harness.ts';
import { tempDir } from '../support/temp-dir.ts';

const today = calendarDateAt(Date.now(), 480);

function csvWithBadRows(): string {
  const rows = demoListRows('black', today, 4, 7);
  const csv = toCsv(rows).trimEnd().split('\r\n');
  // line 6: a natural person with an impossible ID; line 7: a company without a credit code
  csv.push('赵示例,自然人,,15030219900230123X,,失信被执行人,拒不履行,乌海市海勃湾区人民法院,依据,2024-01-05,2099-01-01');
  csv.push('乌海市缺码示例有限公司,法人,,,王示例,失信被执行人,拒不履行,乌海市海勃湾区人民法院,依据,2024-01-05,2099-01-01');
  return `${csv.join('\r\n')}\r\n`;
}

describe('controller HTTP API', () => {
  it('answers health without a login and refuses protected routes without one', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const anonymous = new ApiClient(h.url);
    const health = await anonymous.request('GET', '/api/v1/health');
    assert.equal(health.status, 200);
    assert.equal(health.body.status, 'ok');
    const root = await fetch(`${h.url}/`, { redirect: 'manual' });
    assert.equal(root.status, 302);
    assert.equal(root.headers.get('location'), '/console/');
    const entries = await anonymous.request('GET', '/api/v1/entries');
    assert.equal(entries.status, 401);
    assert.equal(entries.body.code, 'auth.required');
    assert.ok(entries.body.message);
  });

  it('sets an httpOnly SameSite=Strict session cookie at login and rate-limits guessing', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const response = await fetch(`${h.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'operator', password: TEST_PASSWORD }) });
    assert.equal(response.status, 200);
    const cookie = response.headers.get('set-cookie') ?? '';
    assert.match(cookie, /gongshi_session=/);
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Strict/i);
    const guesser = new ApiClient(h.url);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await guesser.login('approver', `wrong-${i}`)).status);
    assert.equal(statuses[0], 401);
    assert.ok(statuses.includes(429), `expected a 429 among ${statuses.join(',')}`);
  });

  it('imports a CSV into a pending change set and reports every bad row by line and column', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const operator = await h.as('operator');
    const response = await operator.upload('/api/v1/imports?list=black', 'black.csv', csvWithBadRows());
    assert.equal(response.status, 201, JSON.stringify(response.body));
    assert.equal(response.body.report.rows, 6);
    assert.equal(response.body.report.accepted, 4);
    const lines = response.body.report.rejected.map((r: { line: number }) => r.line).sort();
    assert.deepEqual([...new Set(lines)], [6, 7]);
    const idIssue = response.body.report.rejected.find((r: { line: number }) => r.line === 6);
    assert.equal(idIssue.column, '证件号码');
    const changeSet = await operator.request('GET', `/api/v1/change-sets/${response.body.changeSetId}`);
    assert.equal(changeSet.body.status, 'pending');
    assert.equal(changeSet.body.acceptedCount, 4);
  });

  it('refuses approval by the submitter and by a role without review rights, accepts a second person', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const submitter = await h.as('operator2');
    const upload = await submitter.upload('/api/v1/imports?list=red', 'red.csv', toCsv(demoListRows('red', today, 3, 11)));
    const id = upload.body.changeSetId as string;
    const own = await submitter.request('POST', `/api/v1/change-sets/${id}/approve`, { comment: 'self' });
    assert.equal(own.status, 403);
    assert.equal(own.body.code, 'review.own-change');
    const operator = await h.as('operator');
    const noRight = await operator.request('POST', `/api/v1/change-sets/${id}/approve`, { comment: 'x' });
    assert.equal(noRight.status, 403);
    assert.equal(noRight.body.code, 'auth.forbidden');
    const approver = await h.as('approver');
    const ok = await approver.request('POST', `/api/v1/change-sets/${id}/approve`, { comment: '同意' });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.approvedEntries, 3);
    const entries = await operator.request('GET', '/api/v1/entries?list=red&status=approved');
    assert.equal(entries.body.total, 3);
    const again = await approver.request('POST', `/api/v1/change-sets/${id}/approve`, { comment: 'twice' });
    assert.equal(again.status, 409);
  });

  it('answers bad input with { code, message, details } naming the field', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const operator = await h.as('operator');
    const badList = await operator.upload('/api/v1/imports?list=purple', 'x.csv', 'a,b\n1,2\n');
    assert.equal(badList.status, 400);
    assert.equal(badList.body.code, 'validation.failed');
    assert.equal(badList.body.details.issues[0].path, 'query.list');
    const withdraw = await operator.request('POST', '/api/v1/entries/nope/withdraw', { reason: 'because' });
    assert.equal(withdraw.status, 400);
    assert.equal(withdraw.body.details.issues[0].path, 'body.reason');
  });

  it('keeps a hash-chained audit log whose verification names the first altered event', async (t) => {
    const dir = tempDir(t);
    const h = await startControllerHarness(dir);
    const operator = await h.as('operator');
    await operator.upload('/api/v1/imports?list=red', 'red.csv', toCsv(demoListRows('red', today, 2, 5)));
    const auditor = await h.as('auditor');
    const ok = await auditor.request('GET', '/api/v1/audit/verify');
    assert.equal(ok.body.ok, true);
    assert.ok(ok.body.events >= 8);
    const events = await auditor.request('GET', '/api/v1/audit/events?limit=5');
    assert.ok(events.body.items.some((e: { action: string }) => e.action === 'import.submit'));
    await h.close();
    const sqlite = new BetterSqlite3(join(dir, 'controller', 'controller.sqlite'));
    sqlite.prepare("UPDATE audit_events SET actor = 'user:someone-else' WHERE seq = 3").run();
    sqlite.close();
    const { openStore } = await import('../../controller/server/store/database.ts');
    const { verifyAuditLog } = await import('../../controller/server/features/audit/store.ts');
    const store = await openStore(join(dir, 'controller', 'controller.sqlite'), Date.now());
    const verdict = await verifyAuditLog(store.db);
    await store.close();
    assert.equal(verdict.ok, false);
    assert.equal(verdict.ok === false && verdict.brokenAtSeq, 3);
  });
});
