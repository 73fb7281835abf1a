// The `gongshi` command: demo, controller, player, import, audit.

import { Command } from 'commander';
import { registerAuditCommand } from './commands/audit.ts';
import { registerControllerCommand } from './commands/controller.ts';
import { registerDemoCommand } from './commands/demo.ts';
import { registerImportCommand } from './commands/import.ts';
import { registerPlayerCommand } from './commands/player.ts';
import { registerUserCommand } from './commands/user.ts';

const program = new Command()
  .name('gongshi')
  .description('Gongshi (公示): signage for public credit screens — 守信红名单 / 失信黑名单')
  .version('0.1.0');

registerDemoCommand(program);
registerControllerCommand(program);
registerPlayerCommand(program);
registerImportCommand(program);
registerAuditCommand(program);
registerUserCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const err = error as { code?: string; message?: string };
  process.stderr.write(`gongshi: ${err.code ? `[${err.code}] ` : ''}${err.message ?? String(error)}\n`);
  process.exitCode = 1;
}
