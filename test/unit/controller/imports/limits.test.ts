// Limits on what one import may hold: a row cap, and XLSX files too large zipped or unzipped (zip bombs); each refused whole, nothing written.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { AppError } from '../../../../controller/server/errors.ts';
import { IMPORT_LIMITS } from '../../../../controller/server/features/imports/import-limits.ts';
import { readImportFile } from '../../../../controller/server/features/imports/read-import-file.ts';
import { importFile } from '../../../../controller/server/features/imports/service.ts';
import { craftZip } from '../../../fixtures/imports/crafted-zip.ts';
import { csvLine, syntheticCreditCode, TEMPLATE_HEADER } from '../../../fixtures/imports/synthetic-import.ts';
import { countRows, OPERATOR_ID, withTempStore } from '../../../fixtures/imports/temp-store.ts';

const TODAY = '2026-06-01';
const MiB = 1024 * 1024;

function companyRow(serial: number): string[] {
  return [`乌海市示例${serial}号建材有限公司`, '法人', syntheticCreditCode(serial), '', '', '失信被执行人', '拒不履行', '乌海市海勃湾区人民法院', '', '2025-03-05', '2028-03-04', ''];
}

function csvBytes(rows: number, blankLinesBetween = 0): Uint8Array {
  const lines = [csvLine(TEMPLATE_HEADER)];
  for (let i = 1; i <= rows; i++) {
    lines.push(csvLine(companyRow(i)));
    for (let b = 0; b < blankLinesBetween; b++) lines.push('');
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

const options = { list: 'black' as const, today: TODAY, newId: () => 'entry' };

function isAppError(code: string, details?: Record<string, unknown>) {
  return (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, code);
    if (details !== undefined) assert.deepEqual(Object.fromEntries(Object.keys(details).map((k) => [k, (error.details as Record<string, unknown>)[k]])), details);
    return true;
  };
}

describe('import row cap', () => {
  it('allows a million data rows by default', () => {
    assert.equal(IMPORT_LIMITS.maxRows, 1_000_000);
  });

  it('refuses a file with more data rows than the cap, naming the limit', async () => {
    await assert.rejects(readImportFile(csvBytes(3), 'list.csv', { ...options, limits: { maxRows: 2 } }), (error: unknown) => {
      isAppError('import.too-many-rows', { limit: 2 })(error);
      assert.match((error as AppError).message, /超过 2 行数据.*more than 2 data rows/);
      return true;
    });
  });

  it('counts data rows only: blank lines do not count towards the cap', async () => {
    const { report } = await readImportFile(csvBytes(2, 3), 'list.csv', { ...options, limits: { maxRows: 2 } });
    assert.equal(report.rows, 2);
  });

  it('writes nothing when the cap is passed after rows were already staged', async () => {
    await withTempStore(async (store) => {
      const input = { bytes: csvBytes(5), fileName: 'list.csv', list: 'black' as const, submittedBy: OPERATOR_ID, now: 0, today: TODAY };
      await assert.rejects(importFile(store, { ...input, limits: { maxRows: 4 } }), isAppError('import.too-many-rows', { limit: 4 }));
      assert.deepEqual(await countRows(store), { changeSets: 0, entries: 0 });
      assert.ok((await importFile(store, { ...input, limits: { maxRows: 5 } })).changeSetId);
    });
  });
});

describe('XLSX size guard', () => {
  it('refuses a workbook larger than 50 MB as uploaded', async () => {
    assert.equal(IMPORT_LIMITS.maxXlsxBytes, 50 * MiB);
    const template = await readFile(new URL('../../../../assets/templates/gongshi-import-template.xlsx', import.meta.url));
    await assert.rejects(
      readImportFile(template, 'list.xlsx', { ...options, limits: { maxXlsxBytes: template.byteLength - 1 } }),
      isAppError('import.too-large', { limit: template.byteLength - 1, bytes: template.byteLength }),
    );
    const { report } = await readImportFile(template, 'list.xlsx', { ...options, limits: { maxXlsxBytes: template.byteLength } });
    assert.equal(report.accepted, 3);
  });

  it('refuses a zip whose central directory declares more than 500 MB unzipped, before unzipping anything', async () => {
    assert.equal(IMPORT_LIMITS.maxXlsxUnzippedBytes, 500 * MiB);
    const bomb = craftZip([
      { name: '[Content_Types].xml', content: new TextEncoder().encode('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', content: new Uint8Array(1000), deflate: true, declaredSize: 600 * MiB },
    ]);
    await assert.rejects(readImportFile(bomb, 'list.xlsx', options), (error: unknown) => {
      isAppError('import.too-large', { limit: 500 * MiB })(error);
      assert.match((error as AppError).message, /500 MB/);
      return true;
    });
  });

  it('refuses a part that inflates to more than its directory declares, however small the declared size', async () => {
    // Four megabytes of zeros deflate to about four kilobytes; the directory claims a hundred bytes.
    const liar = craftZip([{ name: 'xl/worksheets/sheet1.xml', content: new Uint8Array(4 * MiB), deflate: true, declaredSize: 100 }]);
    await assert.rejects(readImportFile(liar, 'list.xlsx', options), isAppError('import.too-large', { part: 'xl/worksheets/sheet1.xml' }));
  });

  it('refuses parts that together inflate past the limit even when each is within its own declared size', async () => {
    const parts = [1, 2, 3].map((n) => ({ name: `xl/part${n}.xml`, content: new Uint8Array(MiB), deflate: true }));
    await assert.rejects(readImportFile(craftZip(parts), 'list.xlsx', { ...options, limits: { maxXlsxUnzippedBytes: 2.5 * MiB } }), isAppError('import.too-large'));
  });

  it('passes an honest zip on to the workbook reader', async () => {
    // Within every limit, but a workbook without a worksheet: the reader behind the guard is what refuses it.
    const honest = craftZip([{ name: 'hello.txt', content: new TextEncoder().encode('hello'.repeat(1000)), deflate: true }]);
    await assert.rejects(readImportFile(honest, 'list.xlsx', options), isAppError('import.empty'));
  });

  it('refuses a zip without a central directory as unreadable', async () => {
    const truncated = craftZip([{ name: 'a.xml', content: new Uint8Array(10) }]).subarray(0, 40);
    await assert.rejects(readImportFile(truncated, 'list.xlsx', options), isAppError('import.unreadable'));
  });

  it('writes nothing for a zip bomb', async () => {
    await withTempStore(async (store) => {
      const bomb = craftZip([{ name: 'xl/worksheets/sheet1.xml', content: new Uint8Array(4 * MiB), deflate: true, declaredSize: 100 }]);
      await assert.rejects(importFile(store, { bytes: bomb, fileName: 'list.xlsx', list: 'black', submittedBy: OPERATOR_ID, now: 0, today: TODAY }), isAppError('import.too-large'));
      assert.deepEqual(await countRows(store), { changeSets: 0, entries: 0 });
    });
  });
});
