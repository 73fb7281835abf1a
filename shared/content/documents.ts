// What each kind of content row keeps in document_json, parsed on the way in and on the way out
// (a bad row must fail here, not in every player's manifest check), and read by the console's editors.

import { z } from 'zod';
import { MEDIA_TYPES } from './media-type.ts';
import { listKindSchema } from '../lists/list-entry.ts';
import { listViewOptionsSchema, tickerSchema } from '../protocol/manifest.ts';

export const mediaDocumentSchema = z.object({
  kind: z.enum(['image', 'video']),
  title: z.string().min(1).max(200),
  mediaType: z.enum(MEDIA_TYPES),
  durationMs: z.number().int().min(3_000).max(3_600_000),
});
export type MediaDocument = z.infer<typeof mediaDocumentSchema>;

export const tickerDocumentSchema = z.object({
  kind: z.literal('ticker'),
  title: z.string().min(1).max(200),
  text: z.string().trim().min(1).max(500),
  pxPerSecond: tickerSchema.shape.pxPerSecond,
});
export type TickerDocument = z.infer<typeof tickerDocumentSchema>;

/** A list view names its split media by content id; the manifest turns that into a timeline id if the media is approved. */
export const listViewDocumentSchema = z.object({
  kind: z.literal('list-view'),
  title: z.string().min(1).max(200),
  list: listKindSchema,
  /** 数据来源 shown in the header; absent: the controller's configured source */
  source: z.string().max(200).optional(),
  durationMs: z.number().int().min(3_000).max(3_600_000),
  view: listViewOptionsSchema.omit({ splitMediaItemId: true }).extend({ splitMediaContentId: z.string().min(1).max(64).optional() }),
});
export type ListViewDocument = z.infer<typeof listViewDocumentSchema>;
