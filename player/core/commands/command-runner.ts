// Runs the technician's remote commands on the player: checks each, runs its kind, and answers { ok, result | error }.

import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import {
  commandRequestSchema,
  hasPngSignature,
  IDENTIFY_DURATION_MS,
  MAX_SCREENSHOT_BYTES,
  type CommandOutcome,
  type CommandRequest,
  type CommandResult,
  type SyncReport,
} from '../../../shared/protocol/commands.ts';
import { errorMessage } from '../errors.ts';
import type { ScreenshotProvider } from './screenshot-provider.ts';
import { CommandFailure } from './screenshot-upload.ts';
import { syncSucceeded } from './sync-report.ts';

/** The ack must leave before the process goes; a second is ample on loopback or a LAN. */
export const RESTART_DELAY_MS = 1_000;
/** Commands remembered by id, so one re-delivered after a reconnect is answered, not run twice. */
const REMEMBERED_COMMANDS = 100;
/**
 * The controller checks expiry when it sends; this is a second check against the player's trusted
 * (controller-corrected) clock, with a minute of grace for what correction cannot remove.
 */
const EXPIRY_GRACE_MS = 60_000;

/** What the runner needs from the player core; each is a narrow capability, faked in unit tests. */
export interface CommandHost {
  now(): number;
  logger: Logger;
  /** tells every open display page to reload; returns how many were told */
  reloadDisplay(): number;
  /** the hook the Electron shell or the CLI registered, or null when nobody can restart the core */
  restartHook(): (() => void) | null;
  screenshotProvider(): ScreenshotProvider | null;
  uploadScreenshot(commandId: string, png: Uint8Array): Promise<void>;
  /** shows the screen name in the overlay until the returned instant */
  identify(durationMs: number): { screenName: string; until: number };
  clearCache(): Promise<Extract<CommandResult, { kind: 'clear-cache' }>>;
  syncNow(): Promise<SyncReport>;
}

export interface CommandRunner {
  /** runs a command as it arrived (unparsed); never rejects */
  run(payload: unknown): Promise<CommandOutcome>;
}

async function runKind(host: CommandHost, command: CommandRequest): Promise<CommandResult> {
  switch (command.kind) {
    case 'reload-display': {
      const displaysNotified = host.reloadDisplay();
      if (displaysNotified === 0) throw new CommandFailure('display-not-connected', 'no display page is connected to reload');
      return { kind: 'reload-display', displaysNotified };
    }
    case 'restart-player': {
      const hook = host.restartHook();
      if (!hook) throw new CommandFailure('restart-unsupported', 'this player was started without a restart hook');
      setTimeout(() => {
        host.logger.warn({ commandId: command.id }, 'restarting the player on remote command');
        hook();
      }, RESTART_DELAY_MS);
      return { kind: 'restart-player', restartInMs: RESTART_DELAY_MS };
    }
    case 'screenshot': {
      const provider = host.screenshotProvider();
      if (!provider) throw new CommandFailure('screenshot-unsupported', 'no screenshot provider is registered (run the player in the Electron kiosk)');
      const png = await provider.capture();
      if (!hasPngSignature(png)) throw new CommandFailure('screenshot-invalid', 'the screenshot provider returned something that is not a PNG');
      if (png.byteLength > MAX_SCREENSHOT_BYTES) throw new CommandFailure('screenshot-too-large', `the screenshot has ${png.byteLength} bytes, over ${MAX_SCREENSHOT_BYTES}`);
      await host.uploadScreenshot(command.id, png);
      return { kind: 'screenshot', bytes: png.byteLength, sha256: createHash('sha256').update(png).digest('hex') };
    }
    case 'identify':
      return { kind: 'identify', ...host.identify(IDENTIFY_DURATION_MS) };
    case 'clear-cache': {
      const result = await host.clearCache();
      if (!syncSucceeded(result.sync)) throw new CommandFailure(`sync-${result.sync.outcome}`, `cache cleared (${result.assetsRemoved} assets removed) but the resync did not complete: ${result.sync.message ?? result.sync.outcome}`);
      return result;
    }
    case 'sync-now': {
      const sync = await host.syncNow();
      if (!syncSucceeded(sync)) throw new CommandFailure(`sync-${sync.outcome}`, sync.message ?? sync.outcome);
      return { kind: 'sync-now', sync };
    }
  }
}

export function createCommandRunner(host: CommandHost): CommandRunner {
  const remembered = new Map<string, Promise<CommandOutcome>>();

  async function execute(command: CommandRequest): Promise<CommandOutcome> {
    if (host.now() > command.expiresAt + EXPIRY_GRACE_MS) return { ok: false, error: { code: 'command-expired', message: 'the command expired before it arrived' } };
    try {
      const result = await runKind(host, command);
      host.logger.info({ commandId: command.id, kind: command.kind }, 'remote command done');
      return { ok: true, result };
    } catch (error) {
      const code = error instanceof CommandFailure ? error.code : 'command-failed';
      host.logger.warn({ commandId: command.id, kind: command.kind, code, err: errorMessage(error) }, 'remote command failed');
      return { ok: false, error: { code, message: errorMessage(error).slice(0, 1000) } };
    }
  }

  return {
    run(payload) {
      const parsed = commandRequestSchema.safeParse(payload);
      if (!parsed.success) {
        const kind = (payload as { kind?: unknown } | null)?.kind;
        // A kind from a newer controller is expected, not malformed: say so, so the history reads well.
        const code = typeof kind === 'string' && parsed.error.issues.some((i) => i.path[0] === 'kind') ? 'command-unknown' : 'command-invalid';
        return Promise.resolve({ ok: false, error: { code, message: parsed.error.issues[0]?.message ?? 'invalid command' } });
      }
      const known = remembered.get(parsed.data.id);
      if (known) return known;
      const outcome = execute(parsed.data);
      remembered.set(parsed.data.id, outcome);
      if (remembered.size > REMEMBERED_COMMANDS) remembered.delete(remembered.keys().next().value as string);
      return outcome;
    },
  };
}
