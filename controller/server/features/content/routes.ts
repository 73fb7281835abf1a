// Slides (create, list, review) and the immutable asset files players download by hash.

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { slideDocumentSchema } from '../../../../shared/protocol/manifest.ts';
import type { ControllerContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { currentUser, requirePermission } from '../../http/auth.ts';
import { parseInput } from '../../http/validation.ts';
import { createSlide, listContent, reviewSlide } from './service.ts';

const slideBody = slideDocumentSchema.omit({ kind: true });
const idParams = z.object({ id: z.string().min(1).max(64) });
const reviewBody = z.object({ comment: z.string().max(2000).default('') });
const shaParams = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export function registerContentRoutes(app: FastifyInstance, ctx: ControllerContext): void {
  const canEdit = requirePermission(ctx.db, 'entries.import', ctx.now);
  const canReview = requirePermission(ctx.db, 'change-sets.review', ctx.now);

  app.get('/api/v1/content', { preHandler: requirePermission(ctx.db, 'change-sets.read', ctx.now) }, async () => ({ items: await listContent(ctx.db) }));

  app.post('/api/v1/content/slides', { preHandler: canEdit }, async (request, reply) => {
    const body = parseInput(slideBody, request.body, 'body');
    const created = await createSlide(ctx.db, ctx.assetsDir, { document: { kind: 'slide', ...body }, submittedBy: currentUser(request).id, now: ctx.now() });
    void reply.status(201);
    return created;
  });

  for (const action of ['approve', 'reject'] as const) {
    app.post(`/api/v1/content/:id/${action}`, { preHandler: canReview }, async (request) => {
      const { id } = parseInput(idParams, request.params, 'params');
      const { comment } = parseInput(reviewBody, request.body ?? {}, 'body');
      if (action === 'reject' && comment.trim() === '') throw new AppError('content.comment-required', '驳回时必须填写意见 (a rejection needs a comment)');
      await reviewSlide(ctx.db, { id, reviewerId: currentUser(request).id, approve: action === 'approve', comment, now: ctx.now() });
      const published = action === 'approve' ? await ctx.publishAndAnnounce(`content ${id} approved`, { entryIds: [] }) : null;
      return { id, status: action === 'approve' ? 'approved' : 'rejected', manifestVersion: published?.manifestVersion ?? null };
    });
  }

  // Assets are public by design: only those of approved content are served, and immutable
  // URLs let any CDN or nginx in front of the controller cache them.
  app.get('/assets/:sha256', async (request, reply) => {
    const { sha256 } = parseInput(shaParams, request.params, 'params');
    const known = await ctx.db
      .selectFrom('assets')
      .innerJoin('content', 'content.assetSha256', 'assets.sha256')
      .select(['assets.mediaType'])
      .where('assets.sha256', '=', sha256)
      .where('content.status', '=', 'approved')
      .executeTakeFirst();
    if (!known) throw new AppError('assets.not-found', `asset ${sha256} does not exist`, { sha256 }, 404);
    void reply.header('cache-control', 'public, max-age=31536000, immutable');
    void reply.type(known.mediaType);
    return reply.sendFile(sha256, ctx.assetsDir, { cacheControl: false, etag: true, lastModified: false });
  });
}
