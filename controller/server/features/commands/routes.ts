// Remote commands over HTTP: technicians send them and read each screen's history and screenshots; screens upload screenshot PNGs.

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { COMMAND_KINDS, commandIdSchema, MAX_COMMAND_EXPIRY_SECONDS, MAX_SCREENSHOT_BYTES, MIN_COMMAND_EXPIRY_SECONDS, SCREEN_ID_HEADER } from '../../../../shared/protocol/commands.ts';
import type { ControllerContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { currentUser, requirePermission } from '../../http/auth.ts';
import { parseInput } from '../../http/validation.ts';
import { readScreenshot } from './screenshot-files.ts';
import { acceptScreenshot, createCommand, MAX_HISTORY_PAGE, screenCommandHistory, screenshotCommand } from './service.ts';
import { findCommand } from './store.ts';

const screenParams = z.object({ id: z.string().min(1).max(64) });
const screenshotParams = z.object({ id: z.string().min(1).max(64), commandId: commandIdSchema });
const commandBody = z.object({
  kind: z.enum(COMMAND_KINDS),
  expiresInSeconds: z.number().int().min(MIN_COMMAND_EXPIRY_SECONDS).max(MAX_COMMAND_EXPIRY_SECONDS).optional(),
});
const historyQuery = z.object({ limit: z.coerce.number().int().min(1).max(MAX_HISTORY_PAGE).default(50) });

export function registerCommandRoutes(app: FastifyInstance, ctx: ControllerContext): void {
  app.post('/api/v1/screens/:id/commands', { preHandler: requirePermission(ctx.db, 'screens.command', ctx.now) }, async (request, reply) => {
    const { id } = parseInput(screenParams, request.params, 'params');
    const body = parseInput(commandBody, request.body, 'body');
    const command = await createCommand(ctx.db, { screenId: id, kind: body.kind, expiresInSeconds: body.expiresInSeconds, actorId: currentUser(request).id, now: ctx.now() });
    // Sent now when the screen is online; the answer arrives later and is read from the history.
    await ctx.hub.commands.deliverPending(id);
    const current = await findCommand(ctx.db, command.id);
    void reply.status(202);
    return { commandId: command.id, status: current?.status ?? command.status, expiresAt: command.expiresAt };
  });

  app.get('/api/v1/screens/:id/commands', { preHandler: requirePermission(ctx.db, 'screens.commands.read', ctx.now) }, async (request) => {
    const { id } = parseInput(screenParams, request.params, 'params');
    const { limit } = parseInput(historyQuery, request.query, 'query');
    return { items: await screenCommandHistory(ctx.db, id, limit, ctx.now()) };
  });

  app.get('/api/v1/screens/:id/screenshots/:commandId', { preHandler: requirePermission(ctx.db, 'screens.commands.read', ctx.now) }, async (request, reply) => {
    const { id, commandId } = parseInput(screenshotParams, request.params, 'params');
    await screenshotCommand(ctx.db, id, commandId);
    const png = await readScreenshot(ctx.config.dataDir, commandId);
    if (!png) throw new AppError('commands.screenshot-not-found', '没有该截图 (no such screenshot)', { screenId: id, commandId }, 404);
    void reply.header('cache-control', 'private, max-age=3600').type('image/png');
    return reply.send(png);
  });

  // The screen's side, in its own scope so the PNG body parser and its size limit apply nowhere else.
  void app.register(async (scope) => {
    scope.addContentTypeParser('image/png', { parseAs: 'buffer', bodyLimit: MAX_SCREENSHOT_BYTES }, (_request, body, done) => done(null, body));
    scope.put('/api/v1/player/commands/:commandId/screenshot', { bodyLimit: MAX_SCREENSHOT_BYTES }, async (request, reply) => {
      const { commandId } = parseInput(z.object({ commandId: commandIdSchema }), request.params, 'params');
      const header = request.headers.authorization;
      const screenId = request.headers[SCREEN_ID_HEADER];
      if (!header?.startsWith('Bearer ') || typeof screenId !== 'string') throw new AppError('auth.required', '缺少屏幕凭据 (screen credentials required)', null, 401);
      const saved = await acceptScreenshot(ctx.db, ctx.config.dataDir, { commandId, screenId, token: header.slice('Bearer '.length).trim(), body: request.body });
      void reply.status(201);
      return saved;
    });
  });
}
