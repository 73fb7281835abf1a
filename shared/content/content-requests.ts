// The HTTP bodies that create content (POST /api/v1/content/slides|tickers|list-views): the
// controller parses them, the console's editors are typed by them.

import { z } from 'zod';
import { slideDocumentSchema } from '../protocol/manifest.ts';
import { listViewDocumentSchema, tickerDocumentSchema } from './documents.ts';

export const slideRequestSchema = slideDocumentSchema.omit({ kind: true });
export type SlideRequest = z.input<typeof slideRequestSchema>;

/** crawl speed when none is given; 120 px/s reads comfortably on a 1080-line screen */
export const DEFAULT_TICKER_PX_PER_SECOND = 120;

export const tickerRequestSchema = tickerDocumentSchema.omit({ kind: true, title: true, pxPerSecond: true }).extend({
  /** for the console's lists; absent: the text's start */
  title: z.string().trim().min(1).max(200).optional(),
  pxPerSecond: tickerDocumentSchema.shape.pxPerSecond.default(DEFAULT_TICKER_PX_PER_SECOND),
});
export type TickerRequest = z.input<typeof tickerRequestSchema>;

export const listViewRequestSchema = listViewDocumentSchema.omit({ kind: true, durationMs: true, view: true }).extend({
  durationSeconds: z.number().int().min(3).max(3600).default(60),
  view: listViewDocumentSchema.shape.view.default({}),
});
export type ListViewRequest = z.input<typeof listViewRequestSchema>;
