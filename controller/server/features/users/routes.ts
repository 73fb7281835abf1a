// Login, logout and "who am I". Login is rate limited per address and username.

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ControllerContext } from '../../context.ts';
import { currentUser, requirePermission, SESSION_COOKIE, sessionTokenOf } from '../../http/auth.ts';
import { parseInput } from '../../http/validation.ts';
import { createUser, listUsers, login, logout, SESSION_TTL_MS, userForSession } from './service.ts';
import { roleSchema } from '../../../../shared/auth/roles.ts';
import { AppError } from '../../errors.ts';
import { registerAccountRoutes } from './account-routes.ts';
import { displayNameSchema, passwordSchema } from './account-fields.ts';

const loginBody = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

export const LOGIN_ATTEMPTS_PER_MINUTE = 10;

const createUserBody = z.object({
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, '用户名为 2–40 位小写字母、数字、点、横线或下划线 (2–40 lowercase letters, digits, . _ -)'),
  displayName: displayNameSchema,
  password: passwordSchema,
  roles: z.array(roleSchema).min(1),
});

export function registerUserRoutes(app: FastifyInstance, ctx: ControllerContext): void {
  const canManage = requirePermission(ctx.db, 'users.manage', ctx.now);
  app.get('/api/v1/users', { preHandler: canManage }, async () => ({ items: await listUsers(ctx.db) }));
  app.post('/api/v1/users', { preHandler: canManage }, async (request, reply) => {
    const body = parseInput(createUserBody, request.body, 'body');
    const user = await createUser(ctx.db, { ...body, now: ctx.now(), actor: `user:${currentUser(request).id}` });
    void reply.status(201);
    return user;
  });
  registerAccountRoutes(app, ctx, canManage);

  app.post('/api/v1/auth/login', {
    config: {
      rateLimit: {
        // preHandler: the body is parsed by then, so the key holds the username too.
        hook: 'preHandler',
        max: LOGIN_ATTEMPTS_PER_MINUTE,
        timeWindow: 60_000,
        keyGenerator: (request) => `${request.ip}|${(request.body as { username?: unknown } | undefined)?.username ?? ''}`,
      },
    },
  }, async (request, reply) => {
    const body = parseInput(loginBody, request.body, 'body');
    const { token, user } = await login(ctx.db, { ...body, now: ctx.now() });
    void reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/', maxAge: SESSION_TTL_MS / 1000, secure: request.protocol === 'https' });
    return { token, user };
  });

  app.post('/api/v1/auth/logout', async (request, reply) => {
    const token = sessionTokenOf(request);
    if (token) await logout(ctx.db, token);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/v1/auth/me', async (request) => {
    const token = sessionTokenOf(request);
    const user = token ? await userForSession(ctx.db, token, ctx.now()) : null;
    if (!user) throw new AppError('auth.required', '请先登录 (login required)', null, 401);
    return { user };
  });

}
