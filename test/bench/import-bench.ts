// Import throughput: a synthetic N-row CSV read, validated and staged into a real SQLite store; prints JSON.

import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { warmUpImportChecker } from '../../controller/server/features/imports/check-in-worker.ts';
import { importFile } from '../../controller/server/features/imports/service.ts';
import { openStore } from '../../controller/server/store/database.ts';
import { csvLine, syntheticRow, TEMPLATE_HEADER } from '../fixtures/imports/synthetic-import.ts';

// One row in 40 is broken (2.5 %), about what a hand-maintained export contains.
const BAD_EVERY = 40;
const TODAY = '2026-06-01';
const NOW = Date.UTC(2026, 5, 1, 2, 0, 0);

export async function runImportBench(options: { rows: number }): Promise<Record<string, number | string>> {
  const dir = await mkdtemp(join(tmpdir(), 'gongshi-import-bench-'));
  try {
    const csvPath = join(dir, 'bench.csv');
    await writeSyntheticCsv(csvPath, options.rows);

    const store = await openStore(join(dir, 'controller.sqlite'), NOW);
    try {
      await store.db.insertInto('users').values({ id: 'bench-operator', username: 'bench', displayName: '基准测试', passwordHash: '-', roles: '["operator"]', disabled: 0, createdAt: NOW }).execute();
      const bytes = await readFile(csvPath);
      const csvBytes = bytes.byteLength;
      // The controller starts its import worker at start-up; its first file does not pay for that.
      await warmUpImportChecker();
      const cpuBefore = process.cpuUsage();
      const started = process.hrtime.bigint();
      // As the upload route does: the file's bytes are not needed afterwards.
      const { report } = await importFile(store, { bytes, handOverBytes: true, fileName: 'bench.csv', list: 'black', submittedBy: 'bench-operator', now: NOW, today: TODAY });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // CPU time as well as wall time: on a shared machine the two differ, and the CPU figure is the steadier one.
      const cpu = process.cpuUsage(cpuBefore);
      return {
        rows: report.rows,
        accepted: report.accepted,
        rejected: report.rows - report.accepted,
        seconds: Math.round(seconds * 1000) / 1000,
        cpuSeconds: Math.round((cpu.user + cpu.system) / 1000) / 1000,
        rowsPerSecond: Math.round(report.rows / seconds),
        peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
        csvBytes,
      };
    } finally {
      await store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Written in slices so that making the file does not raise the peak RSS the bench reports. */
async function writeSyntheticCsv(path: string, rows: number): Promise<void> {
  const file = await open(path, 'w');
  try {
    // With a BOM and CRLF, as Excel saves "CSV UTF-8".
    await file.write('\ufeff' + csvLine(TEMPLATE_HEADER) + '\r\n');
    const SLICE = 5_000;
    for (let from = 0; from < rows; from += SLICE) {
      const lines: string[] = [];
      for (let i = from; i < Math.min(rows, from + SLICE); i++) {
        const row = syntheticRow(i, BAD_EVERY);
        lines.push(csvLine(TEMPLATE_HEADER.map((h) => row[h])));
      }
      await file.write(lines.join('\r\n') + '\r\n');
    }
  } finally {
    await file.close();
  }
}

// `npx tsx test/bench/import-bench.ts --rows 100000` runs it alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--rows');
  const rows = at === -1 ? 100_000 : Number(process.argv[at + 1]);
  process.stdout.write(JSON.stringify(await runImportBench({ rows })) + '\n');
}
