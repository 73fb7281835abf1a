// zod schemas for every message between player and controller. Handlers parse what arrives
// before trusting it; the TypeScript types below are derived from these schemas.

import { z } from 'zod';
import { displayMetricsSchema } from '../display/display-report.ts';
import { publicEntrySchema } from '../lists/list-entry.ts';
import { signedManifestSchema } from './manifest.ts';

export const playerAuthSchema = z.union([
  z.object({ protocol: z.number().int(), screenId: z.string().min(1).max(64), token: z.string().min(16).max(200) }),
  z.object({ protocol: z.number().int(), deviceId: z.string().min(8).max(64) }),
]);
export type PlayerAuth = z.infer<typeof playerAuthSchema>;

export const pairingCodeSchema = z.object({ code: z.string().regex(/^\d{6}$/), expiresAt: z.number().int() });
export type PairingCode = z.infer<typeof pairingCodeSchema>;

export const pairingAdoptedSchema = z.object({
  screenId: z.string().min(1),
  screenName: z.string().min(1),
  token: z.string().min(16),
  controllerPublicKey: z.string().min(1),
});
export type PairingAdopted = z.infer<typeof pairingAdoptedSchema>;

/**
 * What a screen exactly one publish behind would fetch, pushed with the announcement when small:
 * the single page of changes since `sinceRevision` and the signed manifest. One encoded broadcast
 * then replaces a request and an answer per screen for each. The content is as untrusted as a
 * pulled page (the signature and the digest still decide), hence unknown here; a screen at another
 * revision ignores it and pulls.
 */
export const syncPushSchema = z.object({ sinceRevision: z.number().int().nonnegative(), changes: z.unknown(), manifest: z.unknown() });
export type SyncPush = z.infer<typeof syncPushSchema>;

export const manifestAvailableSchema = z.object({ version: z.number().int().positive(), listRevision: z.number().int().nonnegative(), push: syncPushSchema.optional() });
export type ManifestAvailable = z.infer<typeof manifestAvailableSchema>;

/** Pushed the moment entries are withdrawn or expire, ahead of the manifest that follows. */
export const takedownSchema = z.object({ revision: z.number().int().nonnegative(), ids: z.array(z.string().min(1)).max(100_000) });
export type Takedown = z.infer<typeof takedownSchema>;

export const listChangesRequestSchema = z.object({
  sinceRevision: z.number().int().nonnegative(),
  /** opaque cursor from the previous page */
  cursor: z.string().max(200).nullable(),
  limit: z.number().int().min(1).max(5_000),
});
export type ListChangesRequest = z.infer<typeof listChangesRequestSchema>;

export const listChangesPageSchema = z.object({
  upserts: z.array(publicEntrySchema),
  tombstones: z.array(z.string()),
  /** the revision the player reaches once it applied this page and there is no next cursor */
  revision: z.number().int().nonnegative(),
  cursor: z.string().nullable(),
});
export type ListChangesPage = z.infer<typeof listChangesPageSchema>;

export const syncAppliedSchema = z.object({ manifestVersion: z.number().int().nonnegative(), listRevision: z.number().int().nonnegative() });
export type SyncApplied = z.infer<typeof syncAppliedSchema>;

/**
 * The kiosk renderer's restarts by the shell's watchdog (crashed, hung, failed to load) since the
 * player started. lastReason is free text ('renderer-gone:oom', 'unresponsive', ...), not an enum:
 * a newer shell's reason must not make a controller refuse the whole heartbeat.
 */
export const rendererRestartsSchema = z.object({
  count: z.number().int().nonnegative(),
  /** epoch ms of the player's trusted clock */
  lastAt: z.number().int().nullable(),
  lastReason: z.string().max(200).nullable(),
});
export type RendererRestarts = z.infer<typeof rendererRestartsSchema>;

export const heartbeatSchema = z.object({
  sentAt: z.number().int(),
  onScreen: z.string().max(200).nullable(),
  manifestVersion: z.number().int().nonnegative(),
  listRevision: z.number().int().nonnegative(),
  cacheBytes: z.number().nonnegative(),
  diskFreeBytes: z.number().nonnegative().nullable(),
  memoryRssBytes: z.number().nonnegative(),
  uptimeSeconds: z.number().nonnegative(),
  resolution: z.string().max(40).nullable(),
  appVersion: z.string().max(40),
  clockOffsetMs: z.number(),
  lastError: z.string().max(500).nullable(),
  // Screen health, added after protocol 1 shipped. Each field defaults to null, so a heartbeat from
  // an older player still parses; an older controller strips these keys (z.object drops unknown
  // ones). The change is additive, so PROTOCOL_VERSION stays 1: bumping it would make every
  // controller in the field refuse every newer player at connect.
  /** when lastError happened, epoch ms of the player's trusted clock */
  lastErrorAt: z.number().int().nullable().default(null),
  /** when the kiosk page last reported (player's trusted clock); old or null: the page may be hung */
  displayReportedAt: z.number().int().nullable().default(null),
  /** the kiosk window as the page measured it (CSS pixels and pixel ratio); resolution is its summary */
  display: displayMetricsSchema.nullable().default(null),
  memoryFreeBytes: z.number().nonnegative().nullable().default(null),
  memoryTotalBytes: z.number().nonnegative().nullable().default(null),
  cpuCount: z.number().int().nonnegative().max(4_096).nullable().default(null),
  /** share of all cores busy since the previous heartbeat (0–1); null on the first */
  cpuBusyFraction: z.number().min(0).max(1).nullable().default(null),
  /** 1, 5 and 15 minute load averages; null where the OS keeps none (Windows) */
  loadAverage: z.tuple([z.number().nonnegative(), z.number().nonnegative(), z.number().nonnegative()]).nullable().default(null),
  /** the machine's uptime; uptimeSeconds above is the player process's */
  systemUptimeSeconds: z.number().nonnegative().nullable().default(null),
  /**
   * null where no watchdog restarts the kiosk renderer (a core without the Electron shell); absent
   * from players older than the field. Optional rather than defaulted, so a Heartbeat written
   * before the field existed still type-checks.
   */
  rendererRestarts: rendererRestartsSchema.nullable().optional(),
});
export type Heartbeat = z.infer<typeof heartbeatSchema>;

export const playerErrorReportSchema = z.object({
  code: z.enum(['manifest-signature-invalid', 'manifest-digest-mismatch', 'unmasked-data-refused', 'asset-hash-mismatch', 'asset-budget-exceeded', 'emergency-refused', 'sync-failed']),
  message: z.string().max(1000),
  manifestVersion: z.number().int().nullable(),
});
export type PlayerErrorReport = z.infer<typeof playerErrorReportSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export { signedManifestSchema };
