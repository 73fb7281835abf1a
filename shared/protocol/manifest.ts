// The manifest: what a screen should play, signed by the controller. List data travels
// separately as deltas; the manifest pins the list revision and its digest.

import { z } from 'zod';
import { MEDIA_TYPES } from '../content/media-type.ts';
import { listKindSchema } from '../lists/list-entry.ts';
import { listQrSchema } from '../lists/query-link.ts';
import { regionPrefixSchema } from '../lists/region.ts';
import { playlistSchema, scheduleSchema } from '../schedules/schedule.ts';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const slideDocumentSchema = z.object({
  kind: z.literal('slide'),
  title: z.string().min(1).max(200),
  body: z.string().max(2000),
  theme: z.enum(['integrity', 'red', 'black']).default('integrity'),
  footer: z.string().max(200).optional(),
});
export type SlideDocument = z.infer<typeof slideDocumentSchema>;

/** How a list view moves: a continuous scroll at a speed, or pages that flip. */
export const listMotionSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('scroll'), pxPerSecond: z.number().int().min(10).max(400) }),
  z.object({ mode: z.literal('page'), rowsPerPage: z.number().int().min(1).max(50), secondsPerPage: z.number().int().min(3).max(120) }),
]);
export type ListMotion = z.infer<typeof listMotionSchema>;

/** 'full': the list fills the screen; 'split': the list beside an image or video; 'marquee': one line of names crawling past (LED strips). */
export const LIST_LAYOUTS = ['full', 'split', 'marquee'] as const;
export type ListLayout = (typeof LIST_LAYOUTS)[number];

/**
 * An operator's list view: which rows of a list and how they move. Every field is optional, so a
 * view without options is the whole list, full screen, at the display's own scroll speed.
 */
export const listViewOptionsSchema = z.object({
  /** only these categories (exact names, e.g. 失信被执行人); none: every category */
  categories: z.array(z.string().min(1).max(100)).min(1).max(50).optional(),
  /** only subjects registered under these administrative division code prefixes (15, 1503, 150302); none: everywhere */
  regions: z.array(regionPrefixSchema).min(1).max(50).optional(),
  layout: z.enum(LIST_LAYOUTS).optional(),
  motion: listMotionSchema.optional(),
  /** with layout 'split': the timeline id of the image or video shown beside the list */
  splitMediaItemId: z.string().min(1).max(64).optional(),
  /** a QR code linking to the official query page, for the list or per entry */
  qr: listQrSchema.optional(),
});
export type ListViewOptions = z.infer<typeof listViewOptionsSchema>;

/** A line of text crawling along the bottom of the screen (a ticker band) while its playlist plays. */
export const tickerSchema = z.object({
  id: z.string().min(1).max(64),
  text: z.string().min(1).max(500),
  pxPerSecond: z.number().int().min(20).max(400),
});
export type Ticker = z.infer<typeof tickerSchema>;

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
    /** absent: the whole list, full screen (manifests before list views) */
    view: listViewOptionsSchema.optional(),
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

/**
 * Playlists and schedules over the timeline's items. The player evaluates them itself, with its
 * own clock and zone, so dayparts switch while it is offline (shared/schedules/evaluate-schedule.ts).
 */
export const programmeSchema = z.object({
  playlists: z.array(playlistSchema).min(1).max(200),
  schedules: z.array(scheduleSchema).max(500),
  /** what plays when no schedule is on */
  defaultPlaylistId: z.string().min(1).max(64),
});
export type Programme = z.infer<typeof programmeSchema>;

export const manifestSchema = z
  .object({
    version: z.number().int().positive(),
    issuedAt: z.number().int(),
    lists: z.object({
      revision: z.number().int().nonnegative(),
      digest: sha256,
      count: z.number().int().nonnegative(),
    }),
    /**
     * Every item a screen may play. Without a programme it is the rotation, in order; with one it
     * is the library the playlists draw from.
     */
    timeline: z.array(timelineItemSchema).max(500),
    /** ticker bands; without a programme all of them run, with one those of the playing playlist */
    tickers: z.array(tickerSchema).max(20).optional(),
    programme: programmeSchema.optional(),
  })
  .superRefine((manifest, ctx) => {
    for (const problem of manifestReferenceProblems(manifest)) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
  });
export type Manifest = z.infer<typeof manifestSchema>;

export const signedManifestSchema = z.object({
  payload: manifestSchema,
  signature: z.string().min(1),
  keyId: z.string().min(1),
});
export type SignedManifest = z.infer<typeof signedManifestSchema>;

interface ReferenceProblem {
  message: string;
  path: (string | number)[];
}

/** Ids a manifest refers to that it does not hold: a signed manifest must be playable as it stands. */
function manifestReferenceProblems(manifest: { timeline: TimelineItem[]; tickers?: Ticker[] | undefined; programme?: Programme | undefined }): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const kindById = new Map(manifest.timeline.map((item) => [item.id, item.kind]));
  manifest.timeline.forEach((item, index) => {
    const mediaId = item.kind === 'list' ? item.view?.splitMediaItemId : undefined;
    const mediaKind = mediaId === undefined ? undefined : kindById.get(mediaId);
    if (mediaId !== undefined && mediaKind !== 'image' && mediaKind !== 'video') problems.push({ message: `split media ${mediaId} is not an image or video of the timeline`, path: ['timeline', index, 'view', 'splitMediaItemId'] });
  });
  const programme = manifest.programme;
  if (!programme) return problems;
  const tickerIds = new Set((manifest.tickers ?? []).map((ticker) => ticker.id));
  const playlistIds = new Set(programme.playlists.map((playlist) => playlist.id));
  if (playlistIds.size !== programme.playlists.length) problems.push({ message: 'playlist ids must be unique', path: ['programme', 'playlists'] });
  if (!playlistIds.has(programme.defaultPlaylistId)) problems.push({ message: `default playlist ${programme.defaultPlaylistId} is not in the programme`, path: ['programme', 'defaultPlaylistId'] });
  programme.playlists.forEach((playlist, p) => {
    playlist.items.forEach((item, i) => {
      if (!kindById.has(item.contentId)) problems.push({ message: `playlist ${playlist.id} names ${item.contentId}, which is not in the timeline`, path: ['programme', 'playlists', p, 'items', i, 'contentId'] });
    });
    (playlist.tickerIds ?? []).forEach((tickerId, t) => {
      if (!tickerIds.has(tickerId)) problems.push({ message: `playlist ${playlist.id} names ticker ${tickerId}, which is not in the manifest`, path: ['programme', 'playlists', p, 'tickerIds', t] });
    });
  });
  programme.schedules.forEach((schedule, s) => {
    if (!playlistIds.has(schedule.playlistId)) problems.push({ message: `schedule ${schedule.id} names playlist ${schedule.playlistId}, which is not in the programme`, path: ['programme', 'schedules', s, 'playlistId'] });
  });
  return problems;
}
