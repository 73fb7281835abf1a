// Emergency overrides on the wire: a signed notice that covers every screen it targets until an equally signed end.

import { z } from 'zod';
import { slideDocumentSchema } from './manifest.ts';

/** A headline read from 10 m in huge type: two short lines at most. */
export const EMERGENCY_TITLE_MAX = 40;
/** A few sentences; more would not fit the screen at a size readable across a hall. */
export const EMERGENCY_BODY_MAX = 300;
/** Ids are UUIDs made by the controller. */
const emergencyIdSchema = z.string().uuid();
const groupIdSchema = z.string().min(1).max(64);

/** Who an emergency is for: every paired screen, or the screens in any of the chosen groups. */
export const emergencyTargetSchema = z.union([
  z.literal('all'),
  z.object({ groupIds: z.array(groupIdSchema).min(1).max(1000).refine((ids) => new Set(ids).size === ids.length, { message: 'groups must be unique' }) }),
]);
export type EmergencyTarget = z.infer<typeof emergencyTargetSchema>;

/**
 * What the screen shows. A slide travels inline (not as an asset to fetch) so it is on screen in
 * one message, even on a screen whose downloads are stuck.
 */
export const emergencyContentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), title: z.string().trim().min(1).max(EMERGENCY_TITLE_MAX), body: z.string().max(EMERGENCY_BODY_MAX) }),
  z.object({ kind: z.literal('slide'), contentId: z.string().min(1).max(64), slide: slideDocumentSchema }),
]);
export type EmergencyContent = z.infer<typeof emergencyContentSchema>;

/**
 * The signed part. `type` separates it from other signed payloads: a signature over a manifest
 * can never pass as one over an emergency, nor a start as an end.
 */
export const emergencyPayloadSchema = z.object({
  type: z.literal('emergency'),
  id: emergencyIdSchema,
  /** epoch ms of the controller; the newest active emergency is the one shown */
  issuedAt: z.number().int().nonnegative(),
  content: emergencyContentSchema,
});
export type EmergencyPayload = z.infer<typeof emergencyPayloadSchema>;

export const emergencyEndPayloadSchema = z.object({
  type: z.literal('emergency-end'),
  id: emergencyIdSchema,
  endedAt: z.number().int().nonnegative(),
});
export type EmergencyEndPayload = z.infer<typeof emergencyEndPayloadSchema>;

const signatureFields = { signature: z.string().min(1).max(200), keyId: z.string().min(1).max(64) };

/** Pushed at start to every connected target screen, and first thing on a target screen's reconnect. */
export const signedEmergencySchema = z.object({ payload: emergencyPayloadSchema, ...signatureFields });
export type SignedEmergency = z.infer<typeof signedEmergencySchema>;

/**
 * Signed too: a forged end would silence a real alert (an evacuation notice) just as a forged
 * start would put unapproved text on a public wall.
 */
export const signedEmergencyEndSchema = z.object({ payload: emergencyEndPayloadSchema, ...signatureFields });
export type SignedEmergencyEnd = z.infer<typeof signedEmergencyEndSchema>;

/** The player's receipt: it verified, stored and put the emergency on its display state. */
export const emergencyAckSchema = z.object({ id: emergencyIdSchema });
export type EmergencyAck = z.infer<typeof emergencyAckSchema>;

/**
 * The groups a screen belongs to and its IANA time zone, so it can evaluate schedules (which
 * target groups, in the screen's wall-clock time) offline. The zone is absent from older controllers.
 */
// The zone is not checked against this runtime's tz database here: a zone the kiosk's ICU lacks must
// not throw away the groups with it. The player checks it where it uses it and falls back.
export const screenGroupsSchema = z.object({ groupIds: z.array(groupIdSchema).max(1000), timeZone: z.string().min(1).max(64).optional() });
export type ScreenGroups = z.infer<typeof screenGroupsSchema>;
