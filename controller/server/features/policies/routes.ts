// Admin routes for category policies (masking, publication period); a change republishes every entry at once.

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ControllerContext } from '../../context.ts';
import { currentUser, requirePermission } from '../../http/auth.ts';
import { parseInput } from '../../http/validation.ts';
import { categoryPolicySchema, listPolicies, setPolicy } from './service.ts';

export function registerPolicyRoutes(app: FastifyInstance, ctx: ControllerContext): void {
  const canManage = requirePermission(ctx.db, 'policies.manage', ctx.now);
  app.get('/api/v1/category-policies', { preHandler: canManage }, async () => listPolicies(ctx.db));
  app.put('/api/v1/category-policies/:category', { preHandler: canManage }, async (request) => {
    const { category } = parseInput(z.object({ category: z.string().trim().min(1).max(100) }), request.params, 'params');
    const policy = parseInput(categoryPolicySchema, request.body, 'body');
    await setPolicy(ctx.db, { category, policy, actorId: currentUser(request).id, now: ctx.now() });
    const published = await ctx.publishAndAnnounce(`masking policy of ${category} changed`);
    return { category, ...policy, manifestVersion: published.manifestVersion };
  });
}
