// Screen groups: list them with their screens, create or rename one, set its screens (which also tells the screens).

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ControllerContext } from '../../context.ts';
import { currentUser, requirePermission } from '../../http/auth.ts';
import { parseInput } from '../../http/validation.ts';
import { refreshScreens } from '../emergencies/service.ts';
import { createScreenGroup, listScreenGroups, MAX_SCREENS_PER_GROUP, renameScreenGroup, SCREEN_GROUP_NAME_MAX, setScreenGroupMembers } from './service.ts';

const createBody = z.object({ name: z.string().trim().min(1).max(SCREEN_GROUP_NAME_MAX) });
const membersBody = z.object({ screenIds: z.array(z.string().min(1).max(64)).max(MAX_SCREENS_PER_GROUP) });
const idParams = z.object({ id: z.string().min(1).max(64) });

export function registerScreenGroupRoutes(app: FastifyInstance, ctx: ControllerContext): void {
  const canManage = requirePermission(ctx.db, 'screen-groups.manage', ctx.now);

  app.get('/api/v1/screen-groups', { preHandler: requirePermission(ctx.db, 'screen-groups.read', ctx.now) }, async () => ({ items: await listScreenGroups(ctx.db) }));

  app.post('/api/v1/screen-groups', { preHandler: canManage }, async (request, reply) => {
    const body = parseInput(createBody, request.body, 'body');
    const created = await createScreenGroup(ctx.db, { name: body.name, actorId: currentUser(request).id, now: ctx.now() });
    void reply.status(201);
    return created;
  });

  app.put('/api/v1/screen-groups/:id', { preHandler: canManage }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'params');
    const body = parseInput(createBody, request.body, 'body');
    return renameScreenGroup(ctx.db, { groupId: id, name: body.name, actorId: currentUser(request).id, now: ctx.now() });
  });

  app.put('/api/v1/screen-groups/:id/screens', { preHandler: canManage }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'params');
    const body = parseInput(membersBody, request.body, 'body');
    const result = await setScreenGroupMembers(ctx.db, { groupId: id, screenIds: body.screenIds, actorId: currentUser(request).id, now: ctx.now() });
    // Screens whose groups changed hear it now (and any active emergency that now covers them).
    await refreshScreens({ db: ctx.db, hub: ctx.hub, sign: ctx.sign, now: ctx.now, defaultTimeZone: ctx.config.timeZone }, result.changed).catch((error: unknown) => ctx.logger.error({ err: error, groupId: id }, 'telling screens of their groups failed'));
    return { id, screenIds: result.screenIds };
  });
}
