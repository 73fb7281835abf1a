// What the kiosk page tells its core about itself: its size and what it shows. The core puts this in heartbeats.

import { z } from 'zod';

/** Loopback route the page posts its report to (token-checked like the rest of the core's /api). */
export const DISPLAY_REPORT_PATH = '/api/display-report';

/**
 * The page reports on every scene change and at least this often. Half the 30 s heartbeat, so
 * every heartbeat has a report younger than one beat from a page that is alive.
 */
export const DISPLAY_REPORT_INTERVAL_MS = 15_000;

/** Longest title the page sends; the heartbeat's onScreen (200) holds kind, id and this. */
export const DISPLAY_REPORT_TITLE_MAX = 120;
/** Longest item id the page sends; manifest ids are far shorter. */
export const DISPLAY_REPORT_ID_MAX = 64;

// Generous bounds: a video wall can be 8 × 4K wide, and Windows scaling can reach 5×.
const pixels = z.number().int().min(0).max(100_000);

/** The window as the page measures it, in CSS pixels, and the ratio to physical pixels. */
export const displayMetricsSchema = z.object({
  screenWidth: pixels,
  screenHeight: pixels,
  viewportWidth: pixels,
  viewportHeight: pixels,
  pixelRatio: z.number().positive().max(16),
});
export type DisplayMetrics = z.infer<typeof displayMetricsSchema>;

export const displayShowingSchema = z.object({
  // 'emergency': an override covers the rotation; it is proven by its per-screen ack, not by play events.
  kind: z.enum(['pairing', 'fallback', 'list', 'slide', 'image', 'video', 'emergency']),
  /**
   * the timeline item's id; null for pairing and fallback, and for an image or video the browser has
   * not decoded yet (nothing of it is on screen to prove). One that failed to decode is reported as
   * 'fallback': the built-in slide shows in its place, and proof of play must not count it.
   */
  id: z.string().max(DISPLAY_REPORT_ID_MAX).nullable(),
  title: z.string().max(DISPLAY_REPORT_TITLE_MAX).nullable(),
});
export type DisplayShowing = z.infer<typeof displayShowingSchema>;

export const displayReportSchema = z.object({ metrics: displayMetricsSchema, showing: displayShowingSchema });
export type DisplayReport = z.infer<typeof displayReportSchema>;
