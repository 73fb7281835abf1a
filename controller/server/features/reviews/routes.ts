// GET /api/v1/reviews/queue: what awaits review, of every kind, in one answer (the tabs' counts come from it).

import type { FastifyInstance } from 'fastify';
import type { ControllerContext } from '../../context.ts';
import { requirePermission } from '../../http/auth.ts';
import { reviewQueue } from './service.ts';

export function registerReviewRoutes(app: FastifyInstance, ctx: ControllerContext): void {
  app.get('/api/v1/reviews/queue', { preHandler: requirePermission(ctx.db, 'change-sets.read', ctx.now) }, async () => reviewQueue(ctx.db));
}
