// Playlists and schedules (create, change, review, retire), the default playlist, a screen's time
// zone, and "what will screen X play at time T".

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { timeZoneSchema } from '../../../../shared/schedules/schedule.ts';
import type { ControllerContext } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { currentUser, requirePermission } from '../../http/auth.ts';
import { parseInput } from '../../http/validation.ts';
import { playlistDocumentSchema } from './documents.ts';
import { programmePreview } from './preview.ts';
import { createPlaylist, createSchedule, listReviewables, programmeScreens, retire, reviewPending, setDefaultPlaylist, updatePlaylist, updateSchedule } from './service.ts';
import { refreshScreens } from '../emergencies/service.ts';
import { screenGroupIdsOf } from '../screen-groups/service.ts';
import { screenTimeZone, setScreenTimeZone } from '../screens/service.ts';

const idParams = z.object({ id: z.string().min(1).max(64) });
const playlistBody = z.object({
  name: z.string().max(100),
  items: z.array(z.object({ contentId: z.string().min(1).max(64), durationSeconds: z.number().int().min(3).max(3_600) })).min(1).max(500),
  tickerIds: playlistDocumentSchema.shape.tickerIds,
});
// The schedule's own fields are checked by the shared schedule schema (refinements included) in the service.
const scheduleBody = z.object({ name: z.string().max(100) }).passthrough();
const reviewBody = z.object({ comment: z.string().max(2000).default('') });
/** `pendingAt` from the listing: the version of the change the reviewer looked at. */
const verdictBody = reviewBody.extend({ pendingAt: z.number().int() });
const defaultBody = z.object({ playlistId: z.string().min(1).max(64).nullable() });
const timeZoneBody = z.object({ timeZone: timeZoneSchema.nullable() });
const previewQuery = z.object({ at: z.string().min(1).max(40).optional() });

function toPlaylistDocument(body: z.infer<typeof playlistBody>) {
  return { items: body.items.map((item) => ({ contentId: item.contentId, durationMs: item.durationSeconds * 1000 })), tickerIds: body.tickerIds };
}

/** The schedule's fields as sent, unchecked: the service parses them with the shared schedule schema. */
function scheduleDocumentOf(body: Record<string, unknown>): unknown {
  const { name: _name, ...document } = body;
  return document;
}

/** Epoch ms from an ISO-8601 instant with an offset, or from epoch ms digits; now when absent. */
// Previews are for planning: a century either way is plenty, and keeps dates inside what Date can hold.
const PREVIEW_RANGE_MS = 100 * 366 * 86_400_000;

function instantOf(at: string | undefined, now: number): number {
  if (at === undefined) return now;
  const ms = /^\d+$/.test(at) ? Number(at) : Date.parse(at);
  if (!Number.isFinite(ms) || Math.abs(ms - now) > PREVIEW_RANGE_MS || (!/^\d+$/.test(at) && !/(Z|[+-]\d{2}:?\d{2})$/.test(at))) throw new AppError('validation.failed', '时间无效：请用带时区的 ISO 8601（如 2026-12-01T08:00:00+08:00）或毫秒时间戳 (at must be an ISO-8601 instant with an offset, or epoch ms)', { at });
  return ms;
}

export function registerProgrammeRoutes(app: FastifyInstance, ctx: ControllerContext): void {
  const canRead = requirePermission(ctx.db, 'programme.read', ctx.now);
  const canEdit = requirePermission(ctx.db, 'programme.edit', ctx.now);
  const canReview = requirePermission(ctx.db, 'programme.review', ctx.now);
  const republish = (reason: string) => ctx.publishAndAnnounce(reason, { entryIds: [] });

  app.get('/api/v1/playlists', { preHandler: canRead }, async () => ({ items: await listReviewables(ctx.db, 'playlists') }));
  app.get('/api/v1/schedules', { preHandler: canRead }, async () => ({ items: await listReviewables(ctx.db, 'schedules') }));

  app.post('/api/v1/playlists', { preHandler: canEdit }, async (request, reply) => {
    const body = parseInput(playlistBody, request.body, 'body');
    const created = await createPlaylist(ctx.db, { name: body.name, document: toPlaylistDocument(body), actorId: currentUser(request).id, now: ctx.now() });
    void reply.status(201);
    return { ...created, status: 'pending' };
  });

  app.put('/api/v1/playlists/:id', { preHandler: canEdit }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'params');
    const body = parseInput(playlistBody, request.body, 'body');
    await updatePlaylist(ctx.db, { id, name: body.name, document: toPlaylistDocument(body), actorId: currentUser(request).id, now: ctx.now() });
    return { id, pending: true };
  });

  app.post('/api/v1/schedules', { preHandler: canEdit }, async (request, reply) => {
    const body = parseInput(scheduleBody, request.body, 'body');
    const created = await createSchedule(ctx.db, { name: body.name, document: scheduleDocumentOf(body), actorId: currentUser(request).id, now: ctx.now() });
    void reply.status(201);
    return { ...created, status: 'pending' };
  });

  app.put('/api/v1/schedules/:id', { preHandler: canEdit }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'params');
    const body = parseInput(scheduleBody, request.body, 'body');
    await updateSchedule(ctx.db, { id, name: body.name, document: scheduleDocumentOf(body), actorId: currentUser(request).id, now: ctx.now() });
    return { id, pending: true };
  });

  for (const kind of ['playlists', 'schedules'] as const) {
    for (const action of ['approve', 'reject'] as const) {
      app.post(`/api/v1/${kind}/:id/${action}`, { preHandler: canReview }, async (request) => {
        const { id } = parseInput(idParams, request.params, 'params');
        const { comment, pendingAt } = parseInput(verdictBody, request.body ?? {}, 'body');
        if (action === 'reject' && comment.trim() === '') throw new AppError(`${kind}.comment-required`, '驳回时必须填写意见 (a rejection needs a comment)');
        await reviewPending(ctx.db, kind, { id, pendingAt, reviewerId: currentUser(request).id, approve: action === 'approve', comment, now: ctx.now() });
        const published = action === 'approve' ? await republish(`${kind} ${id} approved`) : null;
        return { id, status: action === 'approve' ? 'approved' : 'rejected', manifestVersion: published?.manifestVersion ?? null };
      });
    }
    app.post(`/api/v1/${kind}/:id/retire`, { preHandler: canEdit }, async (request) => {
      const { id } = parseInput(idParams, request.params, 'params');
      const { comment } = parseInput(reviewBody, request.body ?? {}, 'body');
      await retire(ctx.db, kind, { id, actorId: currentUser(request).id, reason: comment, now: ctx.now() });
      const published = await republish(`${kind} ${id} retired`);
      return { id, status: 'retired', manifestVersion: published.manifestVersion };
    });
  }

  app.put('/api/v1/programme/default-playlist', { preHandler: canReview }, async (request) => {
    const { playlistId } = parseInput(defaultBody, request.body, 'body');
    await setDefaultPlaylist(ctx.db, { playlistId, actorId: currentUser(request).id, now: ctx.now() });
    const published = await republish('default playlist changed');
    return { playlistId, manifestVersion: published.manifestVersion };
  });

  app.put('/api/v1/screens/:id/time-zone', { preHandler: requirePermission(ctx.db, 'screens.configure', ctx.now) }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'params');
    const { timeZone } = parseInput(timeZoneBody, request.body, 'body');
    await setScreenTimeZone(ctx.db, { screenId: id, timeZone, actorId: currentUser(request).id, now: ctx.now() });
    // The screen re-reads its schedules in the new zone as soon as it hears it.
    await refreshScreens({ db: ctx.db, hub: ctx.hub, sign: ctx.sign, now: ctx.now, defaultTimeZone: ctx.config.timeZone }, [id]).catch((error: unknown) => ctx.logger.error({ err: error, screenId: id }, 'telling the screen its zone failed; it hears it on reconnect'));
    return { id, timeZone: timeZone ?? ctx.config.timeZone, isDefault: timeZone === null };
  });

  // The same pure evaluation the screen runs, on the newest manifest: "what will screen X play at T".
  app.get('/api/v1/screens/:id/programme', { preHandler: canRead }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'params');
    const { at } = parseInput(previewQuery, request.query, 'query');
    const zone = await screenTimeZone(ctx.db, id);
    if (zone === undefined) throw notFound('screen', id);
    const nowMs = instantOf(at, ctx.now());
    const manifest = (await ctx.publisher.latestManifest())?.payload ?? null;
    return programmePreview(manifest, { screenId: id, nowMs, timeZone: zone ?? ctx.config.timeZone, screenGroupIds: await screenGroupIdsOf(ctx.db, id) });
  });

  // The screens a preview may ask about, for everyone who plans programmes (approvers do not read the fleet).
  app.get('/api/v1/programme/screens', { preHandler: canRead }, async () => ({ items: await programmeScreens(ctx.db, ctx.config.timeZone) }));
}
