// The console's entry list over HTTP: search by name and code fragments, filters and counts, one
// entry with its history, the current list as CSV and XLSX, and the 400s that name the parameter.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import { STANDARD_HEADERS } from '../../controller/server/features/imports/header-map.ts';
import { IMPORT_FIELDS } from '../../controller/server/features/imports/import-report.ts';
import { readImportFile } from '../../controller/server/features/imports/read-import-file.ts';
import { ApiClient, startControllerHarness, type ControllerHarness } from '../support/controller-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { syntheticRow, toCsv, type CsvRow } from '../fixtures/imports/synthetic-import.ts';

interface Item {
  id: string;
  subjectName: string;
  creditCode: string | null;
  idNumber: string | null;
  status: string;
  category: string;
  validUntil: string;
}
interface Page {
  total: number;
  totalIsExact: boolean;
  items: Item[];
}

const today = calendarDateAt(Date.now(), 480);

function inDays(days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Twelve black-list rows: companies, individual businesses and people, one with a 2-character name. */
function blackRows(): CsvRow[] {
  return Array.from({ length: 12 }, (_, i) => {
    const row = syntheticRow(i);
    row.列入日期 = inDays(-30);
    row.有效期至 = i % 4 === 0 ? inDays(10) : inDays(400);
    if (i === 1) row.类别 = '安全生产失信';
    if (i === 9) row.主体名称 = '王伟';
    if (i === 10) row.主体名称 = '欧阳示明';
    return row;
  });
}

async function importAndApprove(h: ControllerHarness, list: 'red' | 'black', rows: CsvRow[]): Promise<string> {
  const operator = await h.as('operator');
  const upload = await operator.upload(`/api/v1/imports?list=${list}`, `${list}.csv`, toCsv(rows));
  assert.equal(upload.status, 201, JSON.stringify(upload.body));
  const approve = await (await h.as('approver')).request('POST', `/api/v1/change-sets/${upload.body.changeSetId}/approve`, { comment: '同意' });
  assert.equal(approve.status, 200, JSON.stringify(approve.body));
  return upload.body.changeSetId as string;
}

async function search(client: ApiClient, query: Record<string, string | number>): Promise<Page> {
  const response = await client.request<Page>('GET', `/api/v1/entries?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`);
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body;
}

describe('entry search API', () => {
  it('finds Chinese names by 1, 2 and 3+ characters and codes by a fragment, and filters, counts and sorts', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const rows = blackRows();
    await importAndApprove(h, 'black', rows);
    const red = syntheticRow(100);
    red.类别 = 'A级纳税人';
    red.有效期至 = inDays(700);
    await importAndApprove(h, 'red', [red]);
    const auditor = await h.as('auditor');
    const names = async (query: Record<string, string | number>): Promise<string[]> => (await search(auditor, query)).items.map((i) => i.subjectName).sort();

    assert.deepEqual(await names({ q: '王伟' }), ['王伟']);
    assert.deepEqual(await names({ q: '伟' }), ['王伟']);
    assert.deepEqual(await names({ q: '欧阳' }), ['欧阳示明']);
    assert.deepEqual(await names({ q: '示例4号建材' }), ['乌海市示例4号建材有限公司']);
    const code = rows[5]!.统一社会信用代码;
    assert.deepEqual(await names({ q: code.slice(12).toLowerCase() }), [rows[5]!.主体名称]);
    const person = rows[11]!;
    assert.deepEqual(await names({ q: person.证件号码.slice(6, 14) }), [person.主体名称]);

    const all = await search(auditor, { list: 'black', status: 'approved' });
    assert.deepEqual({ total: all.total, totalIsExact: all.totalIsExact, shown: all.items.length }, { total: 12, totalIsExact: true, shown: 12 });
    assert.deepEqual(await names({ category: '安全生产失信' }), [rows[1]!.主体名称]);
    assert.equal((await search(auditor, { region: '1503', list: 'black' })).total, 12);
    assert.equal((await search(auditor, { region: '150302' })).total, 3, 'only the people carry Haibowan district (150302) in their ID numbers');
    assert.deepEqual((await search(auditor, { expiringWithinDays: 30, list: 'black' })).items.map((i) => i.validUntil), [inDays(10), inDays(10), inDays(10)]);
    assert.deepEqual(await names({ list: 'red' }), [red.主体名称]);
    const byName = await search(auditor, { list: 'black', sort: 'name', limit: 3, offset: 2 });
    assert.deepEqual(byName.items.map((i) => i.subjectName), rows.map((r) => r.主体名称).sort().slice(2, 5));
    assert.equal(byName.total, 12);
    const soonest = await search(auditor, { sort: 'validUntil', order: 'desc', limit: 1 });
    assert.equal(soonest.items[0]!.validUntil, inDays(700));
  });

  it('shows an entry with its change sets, reviewers and withdrawal, and the subject\'s later listing', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const rows = blackRows();
    const firstChangeSet = await importAndApprove(h, 'black', rows);
    const operator = await h.as('operator');
    const target = (await search(operator, { q: rows[3]!.主体名称 })).items[0]!;
    const withdraw = await operator.request('POST', `/api/v1/entries/${target.id}/withdraw`, { reason: '信用修复', note: '已履行义务' });
    assert.equal(withdraw.status, 200, JSON.stringify(withdraw.body));
    // Listed again after the repair, in a change set of its own.
    const relisted = { ...rows[3]!, 列入原因: '再次失信', 有效期至: inDays(500) };
    const secondChangeSet = await importAndApprove(h, 'black', [relisted]);

    const detail = await operator.request('GET', `/api/v1/entries/${target.id}`);
    assert.equal(detail.status, 200, JSON.stringify(detail.body));
    assert.equal(detail.body.entry.id, target.id);
    assert.equal(detail.body.entry.status, 'withdrawn');
    assert.deepEqual(
      { id: detail.body.changeSet.id, status: detail.body.changeSet.status, submittedByName: detail.body.changeSet.submittedByName, reviewedByName: detail.body.changeSet.reviewedByName, reviewComment: detail.body.changeSet.reviewComment, sourceLine: detail.body.changeSet.sourceLine },
      { id: firstChangeSet, status: 'approved', submittedByName: 'operator', reviewedByName: 'approver', reviewComment: '同意', sourceLine: 5 },
    );
    assert.deepEqual({ reason: detail.body.withdrawal.reason, note: detail.body.withdrawal.note, byName: detail.body.withdrawal.byName }, { reason: 'credit-repair', note: '已履行义务', byName: 'operator' });
    assert.deepEqual(detail.body.history.map((e: { action: string; changeSetId: string; actorName: string }) => [e.action, e.changeSetId, e.actorName]), [
      ['submitted', firstChangeSet, 'operator'],
      ['approved', firstChangeSet, 'approver'],
      ['withdrawn', firstChangeSet, 'operator'],
      ['submitted', secondChangeSet, 'operator'],
      ['approved', secondChangeSet, 'approver'],
    ]);
    assert.deepEqual(detail.body.versions.map((v: { changeSetId: string; status: string; current: boolean }) => [v.changeSetId, v.status, v.current]), [
      [firstChangeSet, 'withdrawn', true],
      [secondChangeSet, 'approved', false],
    ]);

    const missing = await operator.request('GET', '/api/v1/entries/no-such-entry');
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, { code: 'entry.not-found', message: 'entry no-such-entry does not exist', details: { id: 'no-such-entry' } });
  });

  it('exports the current list as UTF-8 CSV with a BOM that the importer reads back, and as XLSX', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const rows = blackRows();
    rows[2]!.主体名称 = '乌海市"双引号",逗号建材有限公司';
    rows[3]!.认定依据 = '-（2025）蒙03执3号';
    await importAndApprove(h, 'black', rows);
    const operator = await h.as('operator');
    const gone = (await search(operator, { q: rows[0]!.主体名称 })).items[0]!;
    await operator.request('POST', `/api/v1/entries/${gone.id}/withdraw`, { reason: 'error' });
    const token = (await operator.login('operator')).body.token;
    const download = (format: string): Promise<Response> => fetch(`${h.url}/api/v1/entries/export?list=black&format=${format}`, { headers: { authorization: `Bearer ${token}` } });

    const csv = await download('csv');
    assert.equal(csv.status, 200);
    assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(csv.headers.get('content-disposition') ?? '', /attachment; filename=".*\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''%E9%BB%91%E5%90%8D%E5%8D%95-/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    assert.equal(text.split('\r\n')[0], IMPORT_FIELDS.map((f) => STANDARD_HEADERS[f]).join(','));
    const back = await readImportFile(bytes, 'black.csv', { list: 'black', today });
    assert.deepEqual(back.report.rejected, []);
    const expected = rows.slice(1).map((r) => [r.主体名称, r.统一社会信用代码 || null, r.证件号码 || null, r.类别, r.有效期至, r.来源编号]);
    assert.deepEqual(back.entries.map((e) => [e.subjectName, e.creditCode, e.idNumber, e.category, e.validUntil, e.sourceRef]), expected);
    // A cell Excel would run as a formula keeps a leading apostrophe (CSV injection), as in every CSV download.
    assert.equal(back.entries[2]!.basis, "'-（2025）蒙03执3号");

    const xlsx = await download('xlsx');
    assert.equal(xlsx.status, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), IMPORT_FIELDS.map((f) => STANDARD_HEADERS[f]));
    assert.equal(sheet.actualRowCount, 12);
    const person = rows[9]!;
    const personRow = (sheet.getSheetValues() as unknown[][]).find((values) => values?.[1] === person.主体名称)!;
    assert.equal(personRow[4], person.证件号码, 'an ID number stays text, every digit kept');
    const fromXlsx = await readImportFile(new Uint8Array(await (await download('xlsx')).arrayBuffer()), 'black.xlsx', { list: 'black', today });
    assert.equal(fromXlsx.report.accepted, 11);
  });

  it('answers bad parameters with 400 naming the parameter', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const operator = await h.as('operator');
    const cases: Array<[string, string]> = [
      ['/api/v1/entries?offset=4990&limit=50', 'query.offset'],
      ['/api/v1/entries?region=15x', 'query.region'],
      ['/api/v1/entries?region=153', 'query.region'],
      ['/api/v1/entries?sort=popularity', 'query.sort'],
      ['/api/v1/entries?order=up', 'query.order'],
      ['/api/v1/entries?expiringWithinDays=-1', 'query.expiringWithinDays'],
      ['/api/v1/entries?status=expired', 'query.status'],
      ['/api/v1/entries?limit=501', 'query.limit'],
      ['/api/v1/entries/export', 'query.list'],
      ['/api/v1/entries/export?list=black&format=pdf', 'query.format'],
    ];
    for (const [path, field] of cases) {
      const response = await operator.request('GET', path);
      assert.equal(response.status, 400, path);
      assert.equal(response.body.code, 'validation.failed', path);
      assert.deepEqual(response.body.details.issues.map((i: { path: string }) => i.path), [field], path);
    }
    const blank = await search(operator, { q: '', category: '', list: '', sort: '' });
    assert.equal(blank.totalIsExact, true);
  });
});
