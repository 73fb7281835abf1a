// Propaganda content (slides, images, videos: create, list, review) and the immutable asset files players download by hash.

import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ControllerContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { currentUser, requirePermission } from '../../http/auth.ts';
import { parseInput } from '../../http/validation.ts';
import { MEDIA_SNIFF_BYTES, MEDIA_TYPES, sniffMediaType } from '../../../../shared/content/media-type.ts';
import { discardAssetFile, removeStaleUploads, storeAssetStream } from './asset-files.ts';
import { contentFileOf, createListView, createMedia, createSlide, createTicker, listContent, retireContent, reviewSlide } from './service.ts';
import { listViewRequestSchema, slideRequestSchema, tickerRequestSchema } from '../../../../shared/content/content-requests.ts';

const idParams = z.object({ id: z.string().min(1).max(64) });
const reviewBody = z.object({ comment: z.string().max(2000).default('') });
const shaParams = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });
// Query, not form fields: with multipart, fields after the file would only arrive once the file is stored.
const mediaQuery = z.object({
  title: z.string().trim().min(1).max(200),
  /** how long the item stays on screen; a video loops within it */
  durationSeconds: z.coerce.number().int().min(3).max(3600).default(15),
});

export function registerContentRoutes(app: FastifyInstance, ctx: ControllerContext): void {
  const canEdit = requirePermission(ctx.db, 'entries.import', ctx.now);
  const canReview = requirePermission(ctx.db, 'change-sets.review', ctx.now);
  // Routes are registered once, at start-up: no upload can be in progress yet.
  void removeStaleUploads(ctx.assetsDir).then((removed) => (removed > 0 ? app.log.info({ removed }, 'removed upload temp files left by a crash') : undefined));

  app.get('/api/v1/content', { preHandler: requirePermission(ctx.db, 'change-sets.read', ctx.now) }, async () => ({ items: await listContent(ctx.db) }));

  app.post('/api/v1/content/slides', { preHandler: canEdit }, async (request, reply) => {
    const body = parseInput(slideRequestSchema, request.body, 'body');
    const created = await createSlide(ctx.db, ctx.assetsDir, { document: { kind: 'slide', ...body }, submittedBy: currentUser(request).id, now: ctx.now() });
    void reply.status(201);
    return created;
  });

  app.post('/api/v1/content/tickers', { preHandler: canEdit }, async (request, reply) => {
    const body = parseInput(tickerRequestSchema, request.body, 'body');
    // A ticker's title is for the console; the text is what the screen shows.
    const title = body.title ?? body.text.slice(0, 40);
    const created = await createTicker(ctx.db, ctx.assetsDir, { document: { kind: 'ticker', title, text: body.text, pxPerSecond: body.pxPerSecond }, submittedBy: currentUser(request).id, now: ctx.now() });
    void reply.status(201);
    return created;
  });

  app.post('/api/v1/content/list-views', { preHandler: canEdit }, async (request, reply) => {
    const { durationSeconds, ...body } = parseInput(listViewRequestSchema, request.body, 'body');
    const created = await createListView(ctx.db, ctx.assetsDir, { document: { kind: 'list-view', ...body, durationMs: durationSeconds * 1000 }, submittedBy: currentUser(request).id, now: ctx.now() });
    void reply.status(201);
    return created;
  });

  app.post('/api/v1/content/media', { preHandler: canEdit }, async (request, reply) => {
    const query = parseInput(mediaQuery, request.query, 'query');
    if (!request.isMultipart()) throw new AppError('content.no-file', '请以 multipart/form-data 上传文件，字段名 file (upload the file as multipart field "file")');
    const file = await request.file();
    if (!file || file.fieldname !== 'file') throw new AppError('content.no-file', '缺少上传文件字段 file (missing multipart field "file")');
    const stored = await storeAssetStream(ctx.assetsDir, file.file, MEDIA_SNIFF_BYTES);
    const refuse = async (error: AppError): Promise<never> => {
      if (stored.created) await discardAssetFile(ctx.assetsDir, stored.sha256);
      throw error;
    };
    if (file.file.truncated) await refuse(new AppError('request.too-large', '文件过大，超过上传上限 (the upload exceeds the size limit)', null, 413));
    if (stored.bytes === 0) await refuse(new AppError('content.empty-file', '文件是空的 (the file is empty)'));
    const mediaType = sniffMediaType(stored.head);
    if (mediaType === null) {
      await refuse(new AppError('content.unsupported-media', `不支持的文件格式「${file.filename}」：只接受 PNG、JPEG、WebP 图片和 MP4、WebM 视频 (unsupported media: PNG, JPEG, WebP, MP4 or WebM only)`, { fileName: file.filename, accepted: MEDIA_TYPES }, 415));
      return;
    }
    const created = await createMedia(ctx.db, { sha256: stored.sha256, bytes: stored.bytes, mediaType, title: query.title, durationMs: query.durationSeconds * 1000, submittedBy: currentUser(request).id, now: ctx.now() });
    void reply.status(201);
    return { ...created, bytes: stored.bytes, mediaType };
  });

  // Taking content off the screens needs no second person: it can only make a screen show less.
  app.post('/api/v1/content/:id/retire', { preHandler: canEdit }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'params');
    const { comment } = parseInput(reviewBody, request.body ?? {}, 'body');
    await retireContent(ctx.db, { id, actorId: currentUser(request).id, reason: comment, now: ctx.now() });
    const published = await ctx.publishAndAnnounce(`content ${id} retired`, { entryIds: [] });
    return { id, status: 'retired', manifestVersion: published.manifestVersion };
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
    return sendStoredFile(reply, ctx.assetsDir, sha256, known.mediaType);
  });

  // Pending media must be seen before anyone can approve it or build a slide beside it: the
  // console's own users get any content's file, privately, whatever its status.
  app.get('/api/v1/content/:id/file', { preHandler: requirePermission(ctx.db, 'change-sets.read', ctx.now) }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params, 'params');
    const file = await contentFileOf(ctx.db, id);
    void reply.header('cache-control', 'private, max-age=31536000, immutable');
    return sendStoredFile(reply, ctx.assetsDir, file.sha256, file.mediaType);
  });
}

function sendStoredFile(reply: FastifyReply, assetsDir: string, sha256: string, mediaType: string) {
  // Served on the console's origin: a file that passed the sniffing but is also something else
  // (a polyglot) must never be run as a page there.
  void reply.header('x-content-type-options', 'nosniff');
  void reply.header('content-security-policy', "default-src 'none'; sandbox");
  void reply.type(mediaType);
  // The type is the sniffed one set above: the stored file is named by its hash, without an extension.
  return reply.sendFile(sha256, assetsDir, { cacheControl: false, etag: true, lastModified: false, contentType: false });
}
