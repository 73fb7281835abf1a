// Publish convergence over HTTP: "1,998 / 2,000 screens on version 42", and who is behind and why.

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ControllerContext } from '../../context.ts';
import { requirePermission } from '../../http/auth.ts';
import { parseInput } from '../../http/validation.ts';
import { MAX_BEHIND_PAGE, MAX_PUBLISHES_PAGE, publishSummaries, screensBehind } from './service.ts';

const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(MAX_PUBLISHES_PAGE).default(10) });
const versionParams = z.object({ version: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });
const behindQuery = z.object({ limit: z.coerce.number().int().min(1).max(MAX_BEHIND_PAGE).default(500) });

export function registerPublishRoutes(app: FastifyInstance, ctx: ControllerContext): void {
  const canRead = requirePermission(ctx.db, 'screens.read', ctx.now);

  app.get('/api/v1/publishes', { preHandler: canRead }, async (request) => {
    const { limit } = parseInput(listQuery, request.query, 'query');
    return publishSummaries(ctx.db, { limit, connectedIds: ctx.hub.connectedScreenIds(), now: ctx.now() });
  });

  app.get('/api/v1/publishes/:version/behind', { preHandler: canRead }, async (request) => {
    const { version } = parseInput(versionParams, request.params, 'params');
    const { limit } = parseInput(behindQuery, request.query, 'query');
    return screensBehind(ctx.db, { version, limit, connectedIds: ctx.hub.connectedScreenIds(), now: ctx.now() });
  });
}
