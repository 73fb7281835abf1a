// `gongshi demo`: the whole system on its embedded defaults: a controller on SQLite with
// synthetic demo data, and a local player paired automatically, shown in a kiosk window
// where Electron is installed.

import type { Command } from 'commander';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { startController } from '../../controller/server/controller.ts';
import { DEMO_PASSWORD, seedDemo } from '../../controller/server/demo/seed-demo.ts';
import type { PendingPairing } from '../../controller/server/features/screens/pairing-codes.ts';
import { startPlayer } from '../../player/core/player.ts';
import { DISPLAY_DIST_DIR } from '../paths.ts';
import { envPort } from '../options.ts';
import { assertDisplayBuilt, electronBinary, openKioskWindow } from './kiosk.ts';
import { onShutdown } from './shutdown.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('start the demo: controller with synthetic data + one local player (env GONGSHI_PORT, GONGSHI_DISPLAY_PORT, GONGSHI_DATA_DIR)')
    .option('--no-kiosk', 'do not open a kiosk window')
    .action(async (options: { kiosk: boolean }) => {
      assertDisplayBuilt(DISPLAY_DIST_DIR);
      const dataDir = resolve(process.env.GONGSHI_DATA_DIR ?? '.gongshi/demo');
      const logger = pino({ name: 'gongshi', level: process.env.GONGSHI_LOG_LEVEL ?? 'warn' });
      const controller = await startController({ dataDir: join(dataDir, 'controller'), port: envPort('GONGSHI_PORT', 8080), demo: true, logger });
      const seeded = await seedDemo(controller.context);
      const { hub, db } = controller.context;
      const admin = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();

      // Demo only: adopt the local player as soon as it shows a pairing code. Real screens are
      // adopted by an operator who reads the code off the screen.
      const adoptLocal = (pending: PendingPairing) => {
        if (!LOOPBACK.has(pending.remoteAddress)) return;
        hub.adopt({ pairingCode: pending.code, name: '演示屏幕 1（本机）', actorId: admin.id }).catch((error: unknown) => logger.warn({ err: error }, 'demo adoption failed'));
      };
      hub.events.on('pairing-requested', adoptLocal);
      for (const pending of hub.pendingPairings()) adoptLocal(pending);

      const player = await startPlayer({
        controllerUrl: controller.url,
        dataDir: join(dataDir, 'player'),
        displayPort: envPort('GONGSHI_DISPLAY_PORT', 8081),
        displayStaticDir: DISPLAY_DIST_DIR,
        logger: logger.child({ name: 'gongshi-player' }),
      });

      const out = process.stdout;
      out.write(`Gongshi demo ${seeded ? '(fresh data)' : '(existing data)'} in ${dataDir}\n`);
      out.write(`console: ${controller.url}/console/  (API: ${controller.url}/api/v1/health)\n`);
      out.write(`demo users: admin, operator, approver, technician, auditor — password "${DEMO_PASSWORD}" (demo mode only)\n`);
      out.write(`display: ${player.displayUrl}\n`);
      let kiosk: { close(): void } | null = null;
      if (options.kiosk && electronBinary()) kiosk = openKioskWindow('electron', player.displayUrl);
      else if (options.kiosk) out.write('Electron is not installed here: open the display URL in a browser, or use `gongshi player --kiosk chromium`.\n');
      out.write('Press Ctrl+C to stop.\n');
      onShutdown(async () => {
        kiosk?.close();
        await player.close();
        await controller.close();
      });
    });
}
