// `gongshi audit verify --data DIR`: checks the audit log's hash chain in a controller's store.

import type { Command } from 'commander';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { openStore } from '../../controller/server/store/database.ts';
import { verifyAuditLog } from '../../controller/server/features/audit/store.ts';

export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('audit log tools');
  audit
    .command('verify')
    .description('verify the hash chain of the audit log and name the first broken link')
    .option('--data <dir>', 'controller data folder', process.env.GONGSHI_DATA_DIR ?? '.gongshi/controller')
    .option('--json', 'print JSON')
    .action(async (options: { data: string; json?: boolean }) => {
      const path = join(resolve(options.data), 'controller.sqlite');
      if (!existsSync(path)) throw new Error(`no controller database at ${path}`);
      const store = await openStore(path, Date.now(), { readonly: true });
      try {
        const verdict = await verifyAuditLog(store.db);
        if (options.json) process.stdout.write(`${JSON.stringify(verdict)}\n`);
        else if (verdict.ok) process.stdout.write(`audit log OK: ${verdict.events} events, head ${verdict.headHash}\n`);
        else process.stdout.write(`audit log BROKEN at event ${verdict.brokenAtSeq}: ${verdict.reason}\n`);
        if (!verdict.ok) process.exitCode = 2;
      } finally {
        await store.close();
      }
    });
}
