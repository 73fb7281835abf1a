// `gongshi controller`: runs a production controller. On first start with an empty store it
// creates the `admin` user with a random password and prints it once.

import { InvalidArgumentError, type Command } from 'commander';
import { isValidTimeZone } from '../../shared/schedules/zoned-time.ts';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { startController } from '../../controller/server/controller.ts';
import { createUser } from '../../controller/server/features/users/service.ts';
import { envPort, portOption } from '../options.ts';
import { onShutdown } from './shutdown.ts';

export function registerControllerCommand(program: Command): void {
  program
    .command('controller')
    .description('run the controller (HTTP API, Socket.IO hub for players, jobs) on SQLite')
    .option('--port <port>', 'HTTP port (env GONGSHI_PORT)', portOption)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--data <dir>', 'data folder (env GONGSHI_DATA_DIR)')
    .option('--time-zone <zone>', 'IANA zone schedules are read in on screens without their own', 'Asia/Shanghai')
    .action(async (options: { port?: number; host: string; data?: string; timeZone: string }) => {
      if (!isValidTimeZone(options.timeZone)) throw new InvalidArgumentError(`unknown IANA time zone: ${options.timeZone} (for example Asia/Shanghai)`);
      const dataDir = resolve(options.data ?? process.env.GONGSHI_DATA_DIR ?? '.gongshi/controller');
      const controller = await startController({ dataDir, host: options.host, port: options.port ?? envPort('GONGSHI_PORT', 8080), timeZone: options.timeZone });
      const { db } = controller.context;
      const users = await db.selectFrom('users').select('id').limit(1).execute();
      if (users.length === 0) {
        const password = randomBytes(12).toString('base64url');
        await createUser(db, { username: 'admin', displayName: '系统管理员', password, roles: ['admin'], now: Date.now(), actor: 'system:first-start' });
        process.stdout.write(`first start: created user "admin" with password ${password} — change it after logging in\n`);
      }
      process.stdout.write(`controller: ${controller.url}\n`);
      onShutdown(() => controller.close());
    });
}
