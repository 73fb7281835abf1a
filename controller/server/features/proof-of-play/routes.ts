// Proof of play for auditors: what was shown on which screen, and when, filtered and paged.

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PLAY_CONTENT_ID_MAX } from '../../../../shared/protocol/proof-of-play.ts';
import type { ControllerContext } from '../../context.ts';
import { requirePermission } from '../../http/auth.ts';
import { parseInput } from '../../http/validation.ts';
import { queryPlayEvents } from './service.ts';

/** An instant as epoch milliseconds or ISO-8601 with an offset (a bare local time would be ambiguous). */
const instant = z.union([
  z.string().regex(/^\d{1,16}$/).transform(Number),
  z.iso.datetime({ offset: true }).transform((text) => Date.parse(text)),
]);

const listQuery = z.object({
  screenId: z.string().min(1).max(64).optional(),
  contentId: z.string().min(1).max(PLAY_CONTENT_ID_MAX).optional(),
  from: instant.optional(),
  to: instant.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().min(1).max(100).optional(),
});

export function registerProofOfPlayRoutes(app: FastifyInstance, ctx: ControllerContext): void {
  app.get('/api/v1/proof-of-play', { preHandler: requirePermission(ctx.db, 'proof-of-play.read', ctx.now) }, async (request) => {
    return queryPlayEvents(ctx.db, parseInput(listQuery, request.query, 'query'));
  });
}
