// `gongshi import FILE --list red|black [--category NAME] --dry-run --json`: checks a list file
// and prints the report, without a running controller.

import type { Command } from 'commander';
import { Option } from 'commander';
import { resolve } from 'node:path';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import { importDryRun } from '../../controller/server/features/imports/dry-run.ts';
import { DEFAULT_CONTROLLER_CONFIG } from '../../controller/server/controller.ts';

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('check a red/black list file (CSV or XLSX) and print the import report')
    .argument('<file>', 'CSV (UTF-8 or GBK) or XLSX file')
    .addOption(new Option('--list <list>', 'which list the file belongs to').choices(['red', 'black']).makeOptionMandatory())
    .option('--category <name>', 'category for every row (when the file has no 类别 column)')
    .option('--dry-run', 'only check and report; nothing is written (the only mode without a controller)')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, options: { list: 'red' | 'black'; category?: string; dryRun?: boolean; json?: boolean }) => {
      if (!options.dryRun) throw new Error('without a controller only --dry-run is possible; upload through POST /api/v1/imports to stage a change set');
      const report = await importDryRun({
        filePath: resolve(file),
        list: options.list,
        ...(options.category ? { category: options.category } : {}),
        today: calendarDateAt(Date.now(), DEFAULT_CONTROLLER_CONFIG.utcOffsetMinutes),
      });
      if (options.json) {
        process.stdout.write(`${JSON.stringify(report)}\n`);
      } else {
        process.stdout.write(`rows ${report.rows}, accepted ${report.accepted}, rejected ${report.rejected.length}, warnings ${report.warnings.length}\n`);
        for (const issue of [...report.rejected, ...report.warnings]) process.stdout.write(`  line ${issue.line} [${issue.column}] ${issue.code}: ${issue.message}\n`);
      }
    });
}
