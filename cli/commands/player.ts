// `gongshi player --controller URL --data DIR`: runs a player core and serves its display on
// 127.0.0.1; with --kiosk chromium it also opens the display full screen in Chromium, which then
// takes the remote 'screenshot' command's pictures.

import { InvalidArgumentError, type Command } from 'commander';
import { resolve } from 'node:path';
import pino from 'pino';
import { startPlayer } from '../../player/core/player.ts';
import { DISPLAY_DIST_DIR } from '../paths.ts';
import { envPort, portOption } from '../options.ts';
import { onShutdown } from './shutdown.ts';
import { RESTART_EXIT_CODE } from '../../player/core/commands/restart-exit.ts';
import { assertDisplayBuilt, openKioskWindow, type KioskWindow } from './kiosk.ts';
import { screenGeometrySchema, type ScreenGeometry } from '../../shared/display/screen-geometry.ts';

function positiveNumber(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError(`not a positive number: ${value}`);
  return number;
}

/** Both or neither: a height without a distance (or the reverse) says nothing about legibility. */
export function screenGeometryOption(heightMm: number | undefined, viewingDistanceM: number | undefined): ScreenGeometry | null {
  if (heightMm === undefined && viewingDistanceM === undefined) return null;
  if (heightMm === undefined || viewingDistanceM === undefined) throw new InvalidArgumentError('--screen-height-mm and --viewing-distance-m go together');
  const parsed = screenGeometrySchema.safeParse({ heightMm, viewingDistanceM });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidArgumentError(`--${issue?.path[0] === 'heightMm' ? 'screen-height-mm' : 'viewing-distance-m'}: ${issue?.message ?? 'out of range'}`);
  }
  return parsed.data;
}

export function registerPlayerCommand(program: Command): void {
  program
    .command('player')
    .description('run a player: pairs with the controller, caches everything offline, serves the display on 127.0.0.1')
    .requiredOption('--controller <url>', 'controller URL, e.g. http://127.0.0.1:8080')
    .option('--data <dir>', 'player data folder', '.gongshi/player')
    .option('--display-port <port>', 'display port on 127.0.0.1 (env GONGSHI_DISPLAY_PORT; 0 = random)', portOption)
    .option('--kiosk <browser>', 'open the display full screen: "electron" or "chromium"')
    .option('--locale <locale>', 'zh-CN or en', 'zh-CN')
    .option('--asset-budget-mb <mb>', 'disk for cached images, videos and slides (default 4096)', (value: string) => {
      const mb = Number(value);
      if (!Number.isInteger(mb) || mb < 64) throw new InvalidArgumentError('a whole number of megabytes, at least 64');
      return mb;
    })
    .option('--contrast <level>', '"normal" or "high" (black ground, white text, yellow accents: bright halls, low-vision readers)', (value: string) => {
      if (value !== 'normal' && value !== 'high') throw new InvalidArgumentError('"normal" or "high"');
      return value;
    })
    .option('--screen-height-mm <mm>', "the picture's physical height, to size type for the viewing distance (a 55-inch 16:9 panel: 685)", positiveNumber)
    .option('--viewing-distance-m <m>', 'where most readers stand, in metres (with --screen-height-mm)', positiveNumber)
    .action(async (options: { controller: string; data: string; displayPort?: number; kiosk?: string; locale: string; assetBudgetMb?: number; screenHeightMm?: number; viewingDistanceM?: number; contrast?: 'normal' | 'high' }) => {
      assertDisplayBuilt(DISPLAY_DIST_DIR);
      const screen = screenGeometryOption(options.screenHeightMm, options.viewingDistanceM);
      let kiosk: KioskWindow | null = null;
      const player = await startPlayer({
        controllerUrl: options.controller.replace(/\/+$/, ''),
        dataDir: resolve(options.data),
        displayPort: options.displayPort ?? envPort('GONGSHI_DISPLAY_PORT', 0),
        displayStaticDir: DISPLAY_DIST_DIR,
        logger: pino({ name: 'gongshi-player', level: process.env.GONGSHI_LOG_LEVEL ?? 'info' }),
        locale: options.locale === 'en' ? 'en' : 'zh-CN',
        ...(screen ? { screen } : {}),
        ...(options.contrast ? { contrast: options.contrast } : {}),
        // A remote restart: close cleanly, then exit with a code of its own so the supervisor
        // (systemd Restart=always) starts a fresh process. The kiosk browser goes with it.
        onRestartRequested: () => {
          process.stderr.write(`gongshi: restart requested remotely; exiting with ${RESTART_EXIT_CODE} for the supervisor to restart\n`);
          kiosk?.close();
          void player.close().finally(() => process.exit(RESTART_EXIT_CODE));
        },
        ...(options.assetBudgetMb !== undefined ? { assetBudgetBytes: options.assetBudgetMb * 1024 * 1024 } : {}),
      });
      process.stdout.write(`display: ${player.displayUrl}\n`);
      const pairingShown = new Set<string>();
      const announcePairing = () => {
        const { pairingCode } = player.status();
        if (pairingCode && !pairingShown.has(pairingCode)) {
          pairingShown.add(pairingCode);
          process.stdout.write(`pairing code: ${pairingCode} (adopt it in the console: Screens → Pair)\n`);
        }
      };
      player.onStatusChange(announcePairing);
      announcePairing();
      kiosk = options.kiosk ? openKioskWindow(options.kiosk, player.displayUrl) : null;
      // Chromium's pictures come over its DevTools pipe; without a provider the command says 'screenshot-unsupported'.
      if (kiosk?.screenshotProvider) player.setScreenshotProvider(kiosk.screenshotProvider);
      onShutdown(async () => {
        kiosk?.close();
        await player.close();
      });
    });
}
