import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import { demoListRows, toCsv } from '../../controller/server/demo/demo-lists.ts';
import { startControllerHarness } from '../support/controller-harness.ts';
import { tempDir } from '../support/temp-dir.ts';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '..', '..', 'cli', 'gongshi.mjs');

async function gongshi(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env: { ...process.env, GONGSHI_LOG_LEVEL: 'silent' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('gongshi command', () => {
  it('lists its subcommands', async () => {
    const { code, stdout } = await gongshi(['--help']);
    assert.equal(code, 0);
    for (const sub of ['demo', 'controller', 'player', 'import', 'audit']) assert.match(stdout, new RegExp(`\\b${sub}\\b`));
  });

  it('checks a list file without a controller and prints the documented JSON report', async (t) => {
    const dir = tempDir(t);
    const file = join(dir, 'black.csv');
    const rows = toCsv(demoListRows('black', calendarDateAt(Date.now(), 480), 3, 1)).trimEnd();
    writeFileSync(file, `${rows}\r\n乌海市坏码示例有限公司,法人,91110000600037341I,,王示例,失信被执行人,原因,法院,依据,2024/3/5,2099-01-01\r\n`);
    const { code, stdout } = await gongshi(['import', file, '--list', 'black', '--dry-run', '--json']);
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.equal(report.rows, 4);
    assert.equal(report.accepted, 3);
    assert.deepEqual(Object.keys(report.rejected[0]).sort(), ['code', 'column', 'line', 'message']);
    assert.equal(report.rejected[0].line, 5);
    assert.equal(report.rejected[0].column, '统一社会信用代码');
    assert.ok(Array.isArray(report.warnings));
  });

  it('refuses to import without --dry-run or a list, with a clear message', async (t) => {
    const file = join(tempDir(t), 'x.csv');
    writeFileSync(file, 'a\n');
    const noDryRun = await gongshi(['import', file, '--list', 'red']);
    assert.notEqual(noDryRun.code, 0);
    assert.match(noDryRun.stderr, /dry-run/);
    const noList = await gongshi(['import', file, '--dry-run']);
    assert.notEqual(noList.code, 0);
    assert.match(noList.stderr, /--list/);
  });

  it('verifies the audit chain and names the first broken link', async (t) => {
    const dir = tempDir(t);
    const h = await startControllerHarness(dir);
    const operator = await h.as('operator');
    await operator.upload('/api/v1/imports?list=red', 'red.csv', toCsv(demoListRows('red', calendarDateAt(Date.now(), 480), 2, 9)));
    await h.close();
    const data = join(dir, 'controller');
    const ok = await gongshi(['audit', 'verify', '--data', data]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /audit log OK/);
    const sqlite = new BetterSqlite3(join(data, 'controller.sqlite'));
    sqlite.prepare("UPDATE audit_events SET details_json = '{\"forged\":true}' WHERE seq = 4").run();
    sqlite.close();
    const broken = await gongshi(['audit', 'verify', '--data', data, '--json']);
    assert.equal(broken.code, 2);
    assert.equal(JSON.parse(broken.stdout).brokenAtSeq, 4);
  });
});
