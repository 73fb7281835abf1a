// The manifest: what a screen should play, signed by the controller. List data travels
// separately as deltas; the manifest pins the list revision and its digest.

import { z } from 'zod';
import { MEDIA_TYPES } from '../content/media-type.ts';
import { listKindSchema } from '../lists/list-entry.ts';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const slideDocumentSchema = z.object({
  kind: z.literal('slide'),
  title: z.string().min(1).max(200),
  body: z.string().max(2000),
  theme: z.enum(['integrity', 'red', 'black']).default('integrity'),
  footer: z.string().max(200).optional(),
});
export type SlideDocument = z.infer<typeof slideDocumentSchema>;

// Images and videos are content-addressed like slides; the player checks the bytes against the hash.
const mediaAssetSchema = z.object({ sha256, bytes: z.number().int().positive(), mediaType: z.enum(MEDIA_TYPES) });

export const timelineItemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('list'),
    id: z.string().min(1),
    list: listKindSchema,
    title: z.string().min(1).max(200),
    source: z.string().max(200),
    durationMs: z.number().int().min(3_000).max(3_600_000),
  }),
  z.object({
    kind: z.literal('slide'),
    id: z.string().min(1),
    asset: z.object({ sha256, bytes: z.number().int().nonnegative() }),
    durationMs: z.number().int().min(3_000).max(3_600_000),
  }),
  z.object({
    kind: z.literal('image'),
    id: z.string().min(1),
    title: z.string().min(1).max(200),
    asset: mediaAssetSchema,
    durationMs: z.number().int().min(3_000).max(3_600_000),
  }),
  z.object({
    kind: z.literal('video'),
    id: z.string().min(1),
    title: z.string().min(1).max(200),
    asset: mediaAssetSchema,
    /** how long the item stays on screen; a shorter video loops within it */
    durationMs: z.number().int().min(3_000).max(3_600_000),
  }),
]);
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const manifestSchema = z.object({
  version: z.number().int().positive(),
  issuedAt: z.number().int(),
  lists: z.object({
    revision: z.number().int().nonnegative(),
    digest: sha256,
    count: z.number().int().nonnegative(),
  }),
  timeline: z.array(timelineItemSchema).max(500),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const signedManifestSchema = z.object({
  payload: manifestSchema,
  signature: z.string().min(1),
  keyId: z.string().min(1),
});
export type SignedManifest = z.infer<typeof signedManifestSchema>;
