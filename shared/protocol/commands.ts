// Remote commands on the wire: what a technician can ask a screen to do, and what the screen answers.

import { z } from 'zod';

/**
 * Every kind a screen understands. Additive: a new kind is a new member here and a player that does
 * not know it answers 'command-unknown' (its ack schema is lenient about `kind`), so protocol 1 holds.
 */
export const COMMAND_KINDS = ['reload-display', 'restart-player', 'screenshot', 'identify', 'clear-cache', 'sync-now'] as const;
export type CommandKind = (typeof COMMAND_KINDS)[number];
export const commandKindSchema = z.enum(COMMAND_KINDS);

/** How long the screen shows its name when asked to identify itself: long enough to walk up and read it. */
export const IDENTIFY_DURATION_MS = 10_000;

/** A command nobody picked up within this long is stale: a reload queued yesterday helps nobody. */
export const DEFAULT_COMMAND_EXPIRY_SECONDS = 600;
/** Bounds on the expiry a technician may ask for: at least the time to reconnect, at most a day. */
export const MIN_COMMAND_EXPIRY_SECONDS = 10;
export const MAX_COMMAND_EXPIRY_SECONDS = 86_400;

/**
 * Largest screenshot accepted. A 4K screen of busy list text compresses to 2–4 MB of PNG; 8 MiB
 * leaves room and still bounds what one screen can make the controller store.
 */
export const MAX_SCREENSHOT_BYTES = 8 * 1024 * 1024;

/** The eight bytes every PNG starts with (PNG spec §5.2). */
export const PNG_SIGNATURE: readonly number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function hasPngSignature(bytes: Uint8Array): boolean {
  return bytes.length > PNG_SIGNATURE.length && PNG_SIGNATURE.every((byte, i) => bytes[i] === byte);
}

/**
 * Screenshots travel over HTTP, not the socket: the socket's message limit (256 KiB) is far below a
 * PNG, and raising it for every screen would let any of them make the controller buffer megabytes.
 * The player PUTs the PNG here with its screen token, then acks the command.
 */
export function screenshotUploadPath(commandId: string): string {
  return `/api/v1/player/commands/${encodeURIComponent(commandId)}/screenshot`;
}
/** The screen's id beside its bearer token on the upload (a token alone does not name its screen). */
export const SCREEN_ID_HEADER = 'x-gongshi-screen-id';

export const commandIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a lowercase UUID');

/** controller → player: run this command. */
export const commandRequestSchema = z.object({
  id: commandIdSchema,
  kind: commandKindSchema,
  /** epoch ms of the controller's clock */
  issuedAt: z.number().int().nonnegative(),
  expiresAt: z.number().int().nonnegative(),
});
export type CommandRequest = z.infer<typeof commandRequestSchema>;

export const SYNC_OUTCOMES = ['applied', 'no-manifest', 'deferred', 'skipped', 'failed'] as const;
export const syncReportSchema = z.object({
  outcome: z.enum(SYNC_OUTCOMES),
  manifestVersion: z.number().int().nonnegative(),
  listRevision: z.number().int().nonnegative(),
  message: z.string().max(1000).nullable(),
});
export type SyncReport = z.infer<typeof syncReportSchema>;

/** What each kind reports when it succeeded. */
export const commandResultSchema = z.discriminatedUnion('kind', [
  /** pages told to reload (each open kiosk page) */
  z.object({ kind: z.literal('reload-display'), displaysNotified: z.number().int().nonnegative() }),
  /** the core acks first, then restarts (the Electron shell relaunches; the CLI exits for its supervisor) */
  z.object({ kind: z.literal('restart-player'), restartInMs: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('screenshot'), bytes: z.number().int().positive().max(MAX_SCREENSHOT_BYTES), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  z.object({ kind: z.literal('identify'), screenName: z.string().max(200), until: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('clear-cache'), assetsRemoved: z.number().int().nonnegative(), bytesBefore: z.number().nonnegative(), bytesAfter: z.number().nonnegative(), sync: syncReportSchema }),
  z.object({ kind: z.literal('sync-now'), sync: syncReportSchema }),
]);
export type CommandResult = z.infer<typeof commandResultSchema>;

export const commandErrorSchema = z.object({ code: z.string().min(1).max(100), message: z.string().max(1000) });

/** player → controller, as the ack of 'command:run'. */
export const commandOutcomeSchema = z.union([
  z.object({ ok: z.literal(true), result: commandResultSchema }),
  z.object({ ok: z.literal(false), error: commandErrorSchema }),
]);
export type CommandOutcome = z.infer<typeof commandOutcomeSchema>;

/** Where a command stands on the controller. */
export const COMMAND_STATUSES = ['queued', 'sent', 'succeeded', 'failed', 'expired'] as const;
export type CommandStatus = (typeof COMMAND_STATUSES)[number];
