// `gongshi user add`: creates a user directly in a controller's store, e.g. the first approver
// of a new installation. Prints a generated password once unless GONGSHI_NEW_PASSWORD is set.

import type { Command } from 'commander';
import { Option } from 'commander';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROLES, type Role } from '../../shared/auth/roles.ts';
import { createUser } from '../../controller/server/features/users/service.ts';
import { openStore } from '../../controller/server/store/database.ts';

const MIN_PASSWORD_LENGTH = 12;

export function registerUserCommand(program: Command): void {
  const user = program.command('user').description('user administration');
  user
    .command('add')
    .description('create a user in a controller store (the controller may be running)')
    .requiredOption('--username <name>', 'login name')
    .addOption(new Option('--role <role>', 'role (repeat for several)').choices([...ROLES]).argParser((value: string, previous: Role[] | undefined) => [...(previous ?? []), value as Role]).makeOptionMandatory())
    .option('--display-name <name>', 'name shown in the console')
    .option('--data <dir>', 'controller data folder (env GONGSHI_DATA_DIR)')
    .action(async (options: { username: string; role: Role[]; displayName?: string; data?: string }) => {
      const path = join(resolve(options.data ?? process.env.GONGSHI_DATA_DIR ?? '.gongshi/controller'), 'controller.sqlite');
      if (!existsSync(path)) throw new Error(`no controller database at ${path}`);
      const given = process.env.GONGSHI_NEW_PASSWORD;
      if (given !== undefined && given.length < MIN_PASSWORD_LENGTH) throw new Error(`GONGSHI_NEW_PASSWORD must have at least ${MIN_PASSWORD_LENGTH} characters`);
      const password = given ?? randomBytes(12).toString('base64url');
      const store = await openStore(path, Date.now());
      try {
        await createUser(store.db, { username: options.username, displayName: options.displayName ?? options.username, password, roles: options.role, now: Date.now(), actor: 'cli:user-add' });
      } finally {
        await store.close();
      }
      process.stdout.write(`created user "${options.username}" (${options.role.join(', ')})${given === undefined ? ` with password ${password}` : ''}\n`);
    });
}
