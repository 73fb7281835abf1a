// Admin routes on an existing account: change its name, roles or disabled state; set a new password.

import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { z } from 'zod';
import { roleSchema } from '../../../../shared/auth/roles.ts';
import type { ControllerContext } from '../../context.ts';
import { currentUser } from '../../http/auth.ts';
import { parseInput } from '../../http/validation.ts';
import { displayNameSchema, passwordSchema } from './account-fields.ts';
import { resetPassword, updateAccount } from './account-service.ts';

const idParams = z.object({ id: z.string().min(1).max(64) });
const updateBody = z
  .object({ displayName: displayNameSchema.optional(), roles: z.array(roleSchema).min(1, '至少选择一个角色 (at least one role)').optional(), disabled: z.boolean().optional() })
  .refine((body) => Object.keys(body).length > 0, { message: '没有要修改的内容 (nothing to change)' });
const passwordBody = z.object({ password: passwordSchema });

export function registerAccountRoutes(app: FastifyInstance, ctx: ControllerContext, canManage: preHandlerAsyncHookHandler): void {
  app.put('/api/v1/users/:id', { preHandler: canManage }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'params');
    const change = parseInput(updateBody, request.body, 'body');
    return updateAccount(ctx.db, { userId: id, change, actorId: currentUser(request).id, now: ctx.now() });
  });

  app.post('/api/v1/users/:id/password', { preHandler: canManage }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'params');
    const { password } = parseInput(passwordBody, request.body, 'body');
    await resetPassword(ctx.db, { userId: id, password, actorId: currentUser(request).id, now: ctx.now() });
    return { id, ok: true };
  });
}
