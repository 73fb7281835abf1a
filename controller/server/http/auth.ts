// Who is calling: the session cookie (console) or `Authorization: Bearer` (scripts). Every
// route states the permission it needs; the check happens here, on the server.

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { AppError, forbidden } from '../errors.ts';
import type { Database } from '../store/schema.ts';
import { hasPermission, type Permission } from '../../../shared/auth/roles.ts';
import { userForSession, type SessionUser } from '../features/users/service.ts';

export const SESSION_COOKIE = 'gongshi_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

export function sessionTokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || null;
  return request.cookies[SESSION_COOKIE] ?? null;
}

export function requirePermission(db: Kysely<Database>, permission: Permission, now: () => number) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const token = sessionTokenOf(request);
    const user = token ? await userForSession(db, token, now()) : null;
    if (!user) throw new AppError('auth.required', '请先登录 (login required)', null, 401);
    if (!hasPermission(user.roles, permission)) throw forbidden(`当前角色无权执行此操作 (requires ${permission})`);
    request.user = user;
  };
}

export function currentUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new AppError('auth.required', '请先登录 (login required)', null, 401);
  return request.user;
}
