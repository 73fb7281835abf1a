// Proof of play on the wire: what a player uploads (batches of play events) and what the controller acks.

import { z } from 'zod';

/**
 * Largest batch a player sends. With the bounds below even the widest full batch is ~204 KB of
 * JSON, inside the controller's 256 KiB Socket.IO message limit (a test keeps it so); a screen
 * offline for a day of 15 s slides (~5 800 events) catches up in a dozen round trips.
 */
export const MAX_PLAY_EVENTS_PER_BATCH = 500;

/**
 * Longest single event. Players split a long play (a list view shown for hours) into segments of
 * minutes, so an hour is far above any honest event; the controller's time-range query relies on it.
 */
export const MAX_PLAY_EVENT_SPAN_MS = 3_600_000;

/** Longest content id: manifest timeline ids are `list-red` or `slide-<uuid>`, far shorter. */
export const PLAY_CONTENT_ID_MAX = 128;

/**
 * Timeline items that are content, and so are proven. Images and videos are named ahead of their
 * timeline items: the recorder only ever records a kind the signed manifest has.
 */
export const PLAY_KINDS = ['list', 'slide', 'image', 'video'] as const;
export type PlayKind = (typeof PLAY_KINDS)[number];

/** The player-generated idempotent key (a UUIDv7); a re-sent event carries the same one. */
export const playEventIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a lowercase UUID');

export const playEventSchema = z
  .object({
    id: playEventIdSchema,
    /** what kind of timeline item was on screen */
    kind: z.enum(PLAY_KINDS),
    /** the manifest timeline item's id (e.g. `list-red`, `slide-<content id>`) */
    contentId: z.string().min(1).max(PLAY_CONTENT_ID_MAX),
    /** the item's asset SHA-256 (slide, image, video); for a list view, the digest of the list data the manifest pins */
    contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex'),
    manifestVersion: z.number().int().positive(),
    listRevision: z.number().int().nonnegative(),
    /** epoch ms of the player's trusted clock */
    startedAt: z.number().int().nonnegative(),
    endedAt: z.number().int().nonnegative(),
  })
  .refine((event) => event.endedAt >= event.startedAt, { message: 'endedAt is before startedAt', path: ['endedAt'] })
  .refine((event) => event.endedAt - event.startedAt <= MAX_PLAY_EVENT_SPAN_MS, { message: 'event spans more than an hour', path: ['endedAt'] });
export type PlayEvent = z.infer<typeof playEventSchema>;

export const playEventBatchSchema = z.object({ events: z.array(playEventSchema).min(1).max(MAX_PLAY_EVENTS_PER_BATCH) });
export type PlayEventBatch = z.infer<typeof playEventBatchSchema>;

/** `accepted` counts events new to the controller; the rest of the batch it already had. */
export const playEventsAcceptedSchema = z.object({ accepted: z.number().int().nonnegative() });
export type PlayEventsAccepted = z.infer<typeof playEventsAcceptedSchema>;
