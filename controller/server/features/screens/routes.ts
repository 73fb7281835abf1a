// Screens: the fleet list, pending pairing codes, and adoption of a screen by its code.

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ControllerContext } from '../../context.ts';
import { currentUser, requirePermission } from '../../http/auth.ts';
import { parseInput } from '../../http/validation.ts';
import { listScreens, revokeScreen } from './service.ts';
import { publicationState } from '../publishing/store.ts';

const adoptBody = z.object({ pairingCode: z.string().regex(/^\s*\d{6}\s*$/, '配对码为 6 位数字 (6 digits)'), name: z.string().min(1).max(100) });

export function registerScreenRoutes(app: FastifyInstance, ctx: ControllerContext): void {
  app.get('/api/v1/screens', { preHandler: requirePermission(ctx.db, 'screens.read', ctx.now) }, async () => {
    const items = await listScreens(ctx.db, ctx.now(), ctx.hub.connectedScreenIds());
    const { manifestVersion } = await publicationState(ctx.db);
    // "How many screens run the newest publish": the number a technician watches after each one.
    const active = items.filter((s) => s.status !== 'revoked');
    return { items, convergence: { manifestVersion, converged: active.filter((s) => s.manifestVersion === manifestVersion).length, total: active.length } };
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
