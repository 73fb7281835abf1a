// Emergency overrides: start one (text or an approved slide) for all screens or chosen groups, list them with per-screen acks, end one.

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { EMERGENCY_BODY_MAX, EMERGENCY_TITLE_MAX, emergencyTargetSchema } from '../../../../shared/protocol/emergency.ts';
import type { ControllerContext } from '../../context.ts';
import { currentUser, requirePermission } from '../../http/auth.ts';
import { parseInput } from '../../http/validation.ts';
import { emergencyReach, endEmergency, getEmergency, listEmergencies, startEmergency, type EmergencyDeps } from './service.ts';

const startBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    title: z.string().trim().min(1, '标题不能为空 (title required)').max(EMERGENCY_TITLE_MAX, `标题最多 ${EMERGENCY_TITLE_MAX} 个字符 (title too long)`),
    body: z.string().trim().max(EMERGENCY_BODY_MAX, `正文最多 ${EMERGENCY_BODY_MAX} 个字符 (body too long)`).default(''),
    target: emergencyTargetSchema,
  }),
  z.object({ kind: z.literal('slide'), contentId: z.string().min(1).max(64), target: emergencyTargetSchema }),
]);
const idParams = z.object({ id: z.string().uuid() });
const listQuery = z.object({ active: z.enum(['true', 'false']).default('false'), limit: z.coerce.number().int().min(1).max(500).default(50) });
/** `groupIds=a,b`: the screens in any of these groups; absent: every screen. */
const reachQuery = z.object({ groupIds: z.string().max(65_000).optional() });

export function registerEmergencyRoutes(app: FastifyInstance, ctx: ControllerContext): void {
  const deps = (): EmergencyDeps => ({ db: ctx.db, hub: ctx.hub, sign: ctx.sign, now: ctx.now, defaultTimeZone: ctx.config.timeZone });
  const canManage = requirePermission(ctx.db, 'emergencies.manage', ctx.now);

  app.get('/api/v1/emergencies', { preHandler: requirePermission(ctx.db, 'emergencies.read', ctx.now) }, async (request) => {
    const query = parseInput(listQuery, request.query, 'query');
    return { items: await listEmergencies(ctx.db, { activeOnly: query.active === 'true', limit: query.limit, connected: ctx.hub.connectedScreenIds() }) };
  });

  // Before sending: the confirmation states how many screens the notice will reach.
  app.get('/api/v1/emergencies/reach', { preHandler: canManage }, async (request) => {
    const { groupIds } = parseInput(reachQuery, request.query, 'query');
    const target = parseInput(emergencyTargetSchema, groupIds === undefined ? 'all' : { groupIds: groupIds.split(',').filter((id) => id !== '') }, 'query');
    return emergencyReach(ctx.db, target, ctx.hub.connectedScreenIds());
  });

  // One emergency with its per-screen acks, polled by the console while acks arrive.
  app.get('/api/v1/emergencies/:id', { preHandler: requirePermission(ctx.db, 'emergencies.read', ctx.now) }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'params');
    return getEmergency(ctx.db, id, ctx.hub.connectedScreenIds());
  });

  app.post('/api/v1/emergencies', { preHandler: canManage }, async (request, reply) => {
    const body = parseInput(startBody, request.body, 'body');
    const started = await startEmergency(deps(), {
      request: body.kind === 'text' ? { kind: 'text', title: body.title, body: body.body } : { kind: 'slide', contentId: body.contentId },
      target: body.target,
      actorId: currentUser(request).id,
    });
    void reply.status(201);
    return { id: started.id, targetScreens: started.screenIds.length };
  });

  app.post('/api/v1/emergencies/:id/end', { preHandler: canManage }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'params');
    return endEmergency(deps(), { id, actorId: currentUser(request).id });
  });
}
