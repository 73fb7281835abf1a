// Benchmarks: `npm run bench -- import --rows 100000 --json`. Figures go to stdout as JSON;
// nothing here asserts on time.

import { Command } from 'commander';
import { runImportBench } from '../test/bench/import-bench.ts';
import { runPublishBench } from '../test/bench/publish-bench.ts';

const program = new Command().name('gongshi-bench').description('Gongshi benchmarks (JSON figures)');

program
  .command('import')
  .description('parse, validate and stage a synthetic CSV into a real SQLite store')
  .option('--rows <n>', 'rows in the CSV', (v) => Number.parseInt(v, 10), 100_000)
  .option('--json', 'print JSON (the default; kept for symmetry with the other benches)')
  .action(async (options: { rows: number }) => {
    const figures = await runImportBench({ rows: options.rows });
    process.stdout.write(`${JSON.stringify({ bench: 'import', ...figures })}\n`);
  });

program
  .command('publish')
  .description('publish N approved entries, then republish after one withdrawal')
  .option('--entries <n>', 'approved entries', (v) => Number.parseInt(v, 10), 100_000)
  .option('--json', 'print JSON (the default)')
  .action(async (options: { entries: number }) => {
    process.stdout.write(`${JSON.stringify({ bench: 'publish', ...(await runPublishBench({ entries: options.entries })) })}\n`);
  });

await program.parseAsync(process.argv);
