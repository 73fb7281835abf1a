// Screens: the fleet list with each screen's status and health, its health history, pending pairing codes, adoption and revocation.

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ControllerContext } from '../../context.ts';
import { currentUser, requirePermission } from '../../http/auth.ts';
import { parseInput } from '../../http/validation.ts';
import { AppError } from '../../errors.ts';
import { healthWindow, MAX_HEALTH_WINDOW_MS } from './presence.ts';
import { listScreens, revokeScreen, screenHealth } from './service.ts';
import { publicationState } from '../publishing/store.ts';

const adoptBody = z.object({ pairingCode: z.string().regex(/^\s*\d{6}\s*$/, '配对码为 6 位数字 (6 digits)'), name: z.string().min(1).max(100) });

/** Epoch milliseconds, or an ISO-8601 date-time with its offset (CONVENTIONS §2). */
const instant = z
  .string()
  .max(40)
  .transform((text, ctx) => {
    const value = /^\d{1,15}$/.test(text) ? Number(text) : /^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:?\d{2})$/.test(text) ? Date.parse(text) : Number.NaN;
    if (!Number.isSafeInteger(value)) {
      ctx.addIssue({ code: 'custom', message: '须为毫秒时间戳或带时区的 ISO-8601 时间 (epoch ms or ISO-8601 with offset)' });
      return z.NEVER;
    }
    return value;
  });
const healthQuery = z.object({ from: instant.optional(), to: instant.optional() });
const screenParams = z.object({ id: z.string().min(1).max(64) });

export function registerScreenRoutes(app: FastifyInstance, ctx: ControllerContext): void {
  app.get('/api/v1/screens', { preHandler: requirePermission(ctx.db, 'screens.read', ctx.now) }, async () => {
    const items = await listScreens(ctx.db, ctx.hub.connectedScreenIds());
    const { manifestVersion } = await publicationState(ctx.db);
    // "How many screens run the newest publish": the number a technician watches after each one.
    const active = items.filter((s) => s.status !== 'revoked');
    return { items, convergence: { manifestVersion, converged: active.filter((s) => s.manifestVersion === manifestVersion).length, total: active.length } };
  });

  app.get('/api/v1/screens/:id/health', { preHandler: requirePermission(ctx.db, 'screens.health', ctx.now) }, async (request) => {
    const { id } = parseInput(screenParams, request.params, 'params');
    const query = parseInput(healthQuery, request.query, 'query');
    const window = healthWindow(query, ctx.now());
    if (!window.ok) {
      throw new AppError('validation.failed', `时间范围无效：from 须不晚于 to，且不超过 ${MAX_HEALTH_WINDOW_MS / 86_400_000} 天 (invalid window: ${window.reason})`, { reason: window.reason, maxWindowMs: MAX_HEALTH_WINDOW_MS });
    }
    return screenHealth(ctx.db, id, { from: window.from, to: window.to }, ctx.hub.connectedScreenIds());
  });

  app.get('/api/v1/screens/pairings', { preHandler: requirePermission(ctx.db, 'screens.adopt', ctx.now) }, async () => {
    return { items: ctx.hub.pendingPairings().map(({ code, expiresAt, remoteAddress }) => ({ code, expiresAt, remoteAddress })) };
  });

  app.post('/api/v1/screens/:id/revoke', { preHandler: requirePermission(ctx.db, 'screens.revoke', ctx.now) }, async (request) => {
    const { id } = parseInput(z.object({ id: z.string().min(1).max(64) }), request.params, 'params');
    await revokeScreen(ctx.db, { screenId: id, actorId: currentUser(request).id, now: ctx.now() });
    ctx.hub.disconnectScreen(id);
    return { id, status: 'revoked' };
  });

  app.post('/api/v1/screens/adopt', { preHandler: requirePermission(ctx.db, 'screens.adopt', ctx.now) }, async (request, reply) => {
    const body = parseInput(adoptBody, request.body, 'body');
    const screen = await ctx.hub.adopt({ pairingCode: body.pairingCode, name: body.name, actorId: currentUser(request).id });
    void reply.status(201);
    return screen;
  });
}
