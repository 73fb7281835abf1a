// Staging an import in a real SQLite store: one pending change set, all or nothing, checked against live entries.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importDryRun } from '../../../../controller/server/features/imports/dry-run.ts';
import { toEntryRows, type EntryRows } from '../../../../controller/server/features/imports/entry-rows.ts';
import { readImportFile } from '../../../../controller/server/features/imports/read-import-file.ts';
import { importFile } from '../../../../controller/server/features/imports/service.ts';
import { loadLiveSubjectKeys, stageImport } from '../../../../controller/server/features/imports/store.ts';
import { AppError } from '../../../../controller/server/errors.ts';
import { csvLine, syntheticCreditCode, syntheticResidentId, syntheticRow, TEMPLATE_HEADER, toCsv, withWrongCheckCharacter } from '../../../fixtures/imports/synthetic-import.ts';
import { countRows, OPERATOR_ID, withTempStore } from '../../../fixtures/imports/temp-store.ts';

const TODAY = '2026-06-01';
const NOW = Date.UTC(2026, 5, 1, 2);

function row(name: string, type: string, creditCode: string, idNumber: string, extra: { reason?: string; listedOn?: string; validUntil?: string } = {}): string[] {
  return [name, type, creditCode, idNumber, '', '失信被执行人', extra.reason ?? '拒不履行', '乌海市海勃湾区人民法院', '', extra.listedOn ?? '2025-03-05', extra.validUntil ?? '2028-03-04', ''];
}

const FILE = [
  TEMPLATE_HEADER,
  row('乌海市示例1号建材有限公司', '法人', syntheticCreditCode(1), ''),
  row('乌海市示例2号建材有限公司', '法人', withWrongCheckCharacter(syntheticCreditCode(2)), ''),
  row('张示例', '自然人', '', syntheticResidentId('1980-01-01', 123)),
  row('乌海市示例4号建材有限公司', '法人', syntheticCreditCode(4), '', { reason: '' }),
].map(csvLine).join('\r\n');
const bytes = new TextEncoder().encode(FILE);

const isAppError = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

describe('import service', () => {
  it('stages the good rows as one pending change set with its report and counts', async () => {
    await withTempStore(async (store) => {
      const { changeSetId, report } = await importFile(store, { bytes, fileName: '黑名单.csv', list: 'black', submittedBy: OPERATOR_ID, now: NOW, today: TODAY });
      assert.ok(changeSetId);
      assert.equal(report.accepted, 3);
      const changeSet = await store.db.selectFrom('changeSets').selectAll().executeTakeFirstOrThrow();
      assert.deepEqual(
        { ...changeSet, reportJson: JSON.parse(changeSet.reportJson) as unknown },
        { id: changeSetId, kind: 'import', list: 'black', category: null, sourceName: '黑名单.csv', submittedBy: OPERATOR_ID, submittedAt: NOW, status: 'pending', reviewedBy: null, reviewedAt: null, reviewComment: null, rowCount: 4, acceptedCount: 3, rejectedCount: 1, warningCount: 1, reportJson: report },
      );
      const entries = await store.db.selectFrom('entries').selectAll().orderBy('sourceLine').execute();
      assert.deepEqual(entries.map((e) => [e.sourceLine, e.status, e.changeSetId, e.createdAt]), [[2, 'pending', changeSetId, NOW], [3, 'pending', changeSetId, NOW], [4, 'pending', changeSetId, NOW]]);
      assert.equal(entries[0]?.warningsJson, null);
      assert.deepEqual((JSON.parse(entries[1]?.warningsJson ?? '[]') as { code: string }[]).map((w) => w.code), ['credit-code-checksum']);
      assert.deepEqual([entries[2]?.subjectType, entries[2]?.idNumber, entries[2]?.birthDate, entries[2]?.creditCode], ['natural-person', syntheticResidentId('1980-01-01', 123), '1980-01-01', null]);
      assert.equal(entries[0]?.subjectKey, `black|失信被执行人|${syntheticCreditCode(1)}`);
    });
  });

  it('counts on the change set only the entry warnings an approver must confirm, and keeps file-level warnings in the report', async () => {
    await withTempStore(async (store) => {
      const header = [...TEMPLATE_HEADER, '备注'];
      const text = [
        header,
        [...row('乌海市示例1号建材有限公司', '法人', syntheticCreditCode(1), ''), '无'],
        [...row('乌海市示例2号建材有限公司', '法人', withWrongCheckCharacter(syntheticCreditCode(2)), ''), ''],
        // refused (no reason) and listed in the future: its warning is reported, but there is no entry to confirm
        [...row('乌海市示例3号建材有限公司', '法人', syntheticCreditCode(3), '', { reason: '', listedOn: '2026-07-01' }), ''],
      ].map(csvLine).join('\n');
      const { changeSetId, report } = await importFile(store, { bytes: new TextEncoder().encode(text), fileName: 'a.csv', list: 'black', submittedBy: OPERATOR_ID, now: NOW, today: TODAY });
      assert.deepEqual(report.warnings.map((w) => [w.line, w.code]), [[1, 'unknown-column'], [3, 'credit-code-checksum'], [4, 'listed-in-future']]);
      const changeSet = await store.db.selectFrom('changeSets').select(['warningCount', 'reportJson']).where('id', '=', changeSetId ?? '').executeTakeFirstOrThrow();
      assert.equal(changeSet.warningCount, 1);
      assert.deepEqual((JSON.parse(changeSet.reportJson) as { warnings: unknown[] }).warnings, report.warnings);
    });
  });

  it('leaves nothing to confirm when the only warnings are about the file, not its entries', async () => {
    await withTempStore(async (store) => {
      const text = [[...TEMPLATE_HEADER, '备注'], [...row('乌海市示例1号建材有限公司', '法人', syntheticCreditCode(1), ''), '无']].map(csvLine).join('\n');
      const { changeSetId, report } = await importFile(store, { bytes: new TextEncoder().encode(text), fileName: 'a.csv', list: 'black', submittedBy: OPERATOR_ID, now: NOW, today: TODAY });
      assert.deepEqual(report.warnings.map((w) => w.code), ['unknown-column']);
      const changeSet = await store.db.selectFrom('changeSets').select('warningCount').where('id', '=', changeSetId ?? '').executeTakeFirstOrThrow();
      assert.equal(changeSet.warningCount, 0);
    });
  });

  it('rejects the same subjects on a second import while the first is pending, and writes nothing', async () => {
    await withTempStore(async (store) => {
      const input = { bytes, fileName: 'a.csv', list: 'black' as const, submittedBy: OPERATOR_ID, now: NOW, today: TODAY };
      await importFile(store, input);
      const again = await importFile(store, input);
      assert.equal(again.changeSetId, null);
      assert.equal(again.report.accepted, 0);
      assert.deepEqual(again.report.rejected.filter((i) => i.code === 'duplicate-of-live').map((i) => i.line), [2, 3, 4]);
      assert.deepEqual(await countRows(store), { changeSets: 1, entries: 3 });
      // Another list is another subject key.
      assert.ok((await importFile(store, { ...input, list: 'red' })).changeSetId);
    });
  });

  it('runs two simultaneous uploads of the same file one after the other, so only one is staged', async () => {
    await withTempStore(async (store) => {
      const input = { bytes, fileName: 'a.csv', list: 'black' as const, submittedBy: OPERATOR_ID, now: NOW, today: TODAY };
      const results = await Promise.all([importFile(store, input), importFile(store, input)]);
      assert.deepEqual(results.map((r) => r.report.accepted), [3, 0]);
      assert.deepEqual(await countRows(store), { changeSets: 1, entries: 3 });
    });
  });

  it('counts only pending or approved entries that have not expired as live', async () => {
    await withTempStore(async (store) => {
      const { changeSetId } = await importFile(store, { bytes, fileName: 'a.csv', list: 'black', submittedBy: OPERATOR_ID, now: NOW, today: TODAY });
      assert.equal((await loadLiveSubjectKeys(store, TODAY)).length, 3);
      await store.db.updateTable('entries').set({ status: 'withdrawn' }).where('sourceLine', '=', 2).execute();
      await store.db.updateTable('entries').set({ status: 'approved' }).where('sourceLine', '=', 3).execute();
      assert.equal((await loadLiveSubjectKeys(store, TODAY)).length, 2);
      assert.equal((await loadLiveSubjectKeys(store, '2028-03-05')).length, 0);
      assert.equal((await loadLiveSubjectKeys(store, TODAY, 'red')).length, 0);
      assert.ok(changeSetId);
    });
  });

  it('writes no change set when no row is accepted', async () => {
    await withTempStore(async (store) => {
      const text = [TEMPLATE_HEADER, row('乌海市示例4号建材有限公司', '法人', syntheticCreditCode(4), '', { reason: '' })].map(csvLine).join('\n');
      const result = await importFile(store, { bytes: new TextEncoder().encode(text), fileName: 'a.csv', list: 'black', submittedBy: OPERATOR_ID, now: NOW, today: TODAY });
      assert.equal(result.changeSetId, null);
      assert.equal(result.report.rejected[0]?.code, 'missing-field');
      assert.deepEqual(await countRows(store), { changeSets: 0, entries: 0 });
    });
  });

  it('writes nothing for a file with missing columns or one that cannot be read at all', async () => {
    await withTempStore(async (store) => {
      const base = { fileName: 'a.csv', list: 'black' as const, submittedBy: OPERATOR_ID, now: NOW, today: TODAY };
      await assert.rejects(importFile(store, { ...base, bytes: new TextEncoder().encode('主体名称,证件号码\n张示例,1\n') }), isAppError('import.missing-columns'));
      await assert.rejects(importFile(store, { ...base, bytes: new Uint8Array([0, 1, 2, 3, 0, 255]) }), isAppError('import.unreadable'));
      await assert.rejects(importFile(store, { ...base, bytes: new TextEncoder().encode(`${FILE}\n"unclosed`) }), isAppError('import.unreadable'));
      await assert.rejects(importFile(store, { ...base, bytes: new Uint8Array() }), isAppError('import.empty'));
      assert.deepEqual(await countRows(store), { changeSets: 0, entries: 0 });
    });
  });

  it('stages all or nothing: a failing entry insert leaves neither the change set nor any entry', async () => {
    await withTempStore(async (store) => {
      const { report, entries } = await readImportFile(bytes, 'a.csv', { list: 'black', today: TODAY, newId: () => 'same-id' });
      assert.equal(entries.length, 3);
      const header = { changeSetId: 'cs-1', list: 'black' as const, category: null, sourceName: 'a.csv', submittedBy: OPERATOR_ID, submittedAt: NOW };
      const stageAll = async (stage: (rows: EntryRows) => void) => {
        stage(toEntryRows(entries));
        return report;
      };
      await assert.rejects(stageImport(store, header, stageAll), /UNIQUE constraint failed: entries.id/);
      assert.deepEqual(await countRows(store), { changeSets: 0, entries: 0 });
      // The store is still usable afterwards: the transaction was rolled back, not left open.
      await stageImport(store, header, async (stage) => {
        stage(toEntryRows(entries.slice(0, 1)));
        return report;
      });
      assert.deepEqual(await countRows(store), { changeSets: 1, entries: 1 });
    });
  });

  it('writes nothing when the check throws after some entries were staged', async () => {
    await withTempStore(async (store) => {
      const broken = new TextEncoder().encode(`${FILE}\r\n"unclosed`);
      await assert.rejects(importFile(store, { bytes: broken, fileName: 'a.csv', list: 'black', submittedBy: OPERATOR_ID, now: NOW, today: TODAY }), isAppError('import.unreadable'));
      assert.deepEqual(await countRows(store), { changeSets: 0, entries: 0 });
    });
  });

  it('rolls back batches already staged when the file turns out broken further down', async () => {
    await withTempStore(async (store) => {
      // Enough rows that the worker hands several batches over before it reaches the broken record.
      // toCsv ends with a line break, so after one blank line the broken record starts on line 5003.
      const text = `${toCsv(Array.from({ length: 5_000 }, (_, i) => syntheticRow(i)))}\n"unclosed`;
      await assert.rejects(
        importFile(store, { bytes: new TextEncoder().encode(text), fileName: 'a.csv', list: 'black', submittedBy: OPERATOR_ID, now: NOW, today: TODAY }),
        (error: unknown) => isAppError('import.unreadable')(error) && (error as AppError).message.includes('5003'),
      );
      assert.deepEqual(await countRows(store), { changeSets: 0, entries: 0 });
    });
  });

  it('writes nothing when an insert fails half-way, and the next import runs normally', async () => {
    await withTempStore(async (store) => {
      // A trigger stands in for a full disk: the 3,000th entry cannot be written.
      store.sqlite.exec(`CREATE TRIGGER simulated_disk_full BEFORE INSERT ON entries WHEN NEW.source_line = 3001
        BEGIN SELECT RAISE(ABORT, 'simulated disk full'); END`);
      const input = { bytes: new TextEncoder().encode(toCsv(Array.from({ length: 12_000 }, (_, i) => syntheticRow(i)))), fileName: 'a.csv', list: 'black' as const, submittedBy: OPERATOR_ID, now: NOW, today: TODAY };
      await assert.rejects(importFile(store, input), /simulated disk full/);
      assert.deepEqual(await countRows(store), { changeSets: 0, entries: 0 });
      // The worker gave up the cancelled file instead of waiting for inserts that never come.
      store.sqlite.exec('DROP TRIGGER simulated_disk_full');
      const { report } = await importFile(store, input);
      assert.deepEqual(await countRows(store), { changeSets: 1, entries: report.accepted });
      assert.equal(report.rows, 12_000);
    });
  });

  it('writes nothing when an insert of a small file fails, its one batch staged at once', async () => {
    await withTempStore(async (store) => {
      store.sqlite.exec(`CREATE TRIGGER simulated_disk_full BEFORE INSERT ON entries WHEN NEW.source_line = 3
        BEGIN SELECT RAISE(ABORT, 'simulated disk full'); END`);
      await assert.rejects(importFile(store, { bytes, fileName: 'a.csv', list: 'black', submittedBy: OPERATOR_ID, now: NOW, today: TODAY }), /simulated disk full/);
      assert.deepEqual(await countRows(store), { changeSets: 0, entries: 0 });
    });
  });

  it('records the --category option on the change set', async () => {
    await withTempStore(async (store) => {
      const { changeSetId } = await importFile(store, { bytes, fileName: 'a.csv', list: 'black', category: '失信被执行人', submittedBy: OPERATOR_ID, now: NOW, today: TODAY });
      const changeSet = await store.db.selectFrom('changeSets').select('category').where('id', '=', changeSetId ?? '').executeTakeFirstOrThrow();
      assert.equal(changeSet.category, '失信被执行人');
    });
  });
});

describe('import dry run', () => {
  it('prints exactly the documented report shape, without a store', async () => {
    await withTempStore(async (_store, dir) => {
      const filePath = join(dir, 'list.csv');
      await writeFile(filePath, FILE + '\r\n' + csvLine(row('乌海市示例1号建材有限公司', '法人', syntheticCreditCode(1), '')));
      const report = await importDryRun({ filePath, list: 'black', today: TODAY });
      assert.deepEqual(JSON.parse(JSON.stringify(report)), {
        rows: 5,
        accepted: 3,
        rejected: [
          { line: 5, column: '列入原因', code: 'missing-field', message: '缺少必填项「列入原因」 (required)' },
          { line: 6, column: '统一社会信用代码', code: 'duplicate-in-file', message: '与第 2 行重复：同一名单、类别和代码只能出现一次 (duplicate of line 2)' },
        ],
        warnings: [{ line: 3, column: '统一社会信用代码', code: 'credit-code-checksum', message: report.warnings[0]?.message }],
        encoding: 'utf-8',
      });
    });
  });
});
