// Login, logout and "who am I". Login is rate limited per address and username.

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ControllerContext } from '../../context.ts';
import { SESSION_COOKIE, sessionTokenOf } from '../../http/auth.ts';
import { parseInput } from '../../http/validation.ts';
import { login, logout, SESSION_TTL_MS, userForSession } from './service.ts';
import { AppError } from '../../errors.ts';

const loginBody = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

export const LOGIN_ATTEMPTS_PER_MINUTE = 10;

export function registerUserRoutes(app: FastifyInstance, ctx: ControllerContext): void {
  app.post('/api/v1/auth/login', {
    config: {
      rateLimit: {
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
