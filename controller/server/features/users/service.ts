// Users, logins and sessions. Session tokens are random; only their SHA-256 is stored, so a
// stolen database does not yield live sessions.

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../errors.ts';
import type { Database } from '../../store/schema.ts';
import { appendAuditEvent } from '../audit/store.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { roleSchema, type Role } from '../../../../shared/auth/roles.ts';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function parseRoles(json: string): Role[] {
  return roleSchema.array().parse(JSON.parse(json));
}

export async function createUser(db: Kysely<Database>, input: { username: string; displayName: string; password: string; roles: Role[]; now: number; actor: string }): Promise<SessionUser> {
  const existing = await db.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
  if (existing) throw new AppError('users.exists', `用户名 ${input.username} 已存在 (username already exists)`, { username: input.username }, 409);
  const id = randomUUID();
  await db.insertInto('users').values({
    id,
    username: input.username,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
    roles: JSON.stringify(input.roles),
    disabled: 0,
    createdAt: input.now,
  }).execute();
  await appendAuditEvent(db, { at: input.now, actor: input.actor, action: 'user.create', target: `user:${id}`, details: { username: input.username, roles: input.roles } });
  return { id, username: input.username, displayName: input.displayName, roles: input.roles };
}

export async function login(db: Kysely<Database>, input: { username: string; password: string; now: number }): Promise<{ token: string; user: SessionUser }> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', input.username).executeTakeFirst();
  // Same answer for unknown user and wrong password, so usernames cannot be probed.
  const ok = row !== undefined && row.disabled === 0 && (await verifyPassword(input.password, row.passwordHash));
  if (!ok || !row) {
    await appendAuditEvent(db, { at: input.now, actor: `anonymous`, action: 'auth.login-failed', target: `username:${input.username}` });
    throw new AppError('auth.invalid-credentials', '用户名或密码错误 (invalid username or password)', null, 401);
  }
  const token = randomBytes(32).toString('base64url');
  await db.insertInto('sessions').values({ tokenHash: tokenHash(token), userId: row.id, createdAt: input.now, expiresAt: input.now + SESSION_TTL_MS }).execute();
  await appendAuditEvent(db, { at: input.now, actor: `user:${row.id}`, action: 'auth.login', target: `user:${row.id}` });
  return { token, user: { id: row.id, username: row.username, displayName: row.displayName, roles: parseRoles(row.roles) } };
}

export async function userForSession(db: Kysely<Database>, token: string, now: number): Promise<SessionUser | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select(['users.id', 'users.username', 'users.displayName', 'users.roles', 'users.disabled', 'sessions.expiresAt'])
    .where('sessions.tokenHash', '=', tokenHash(token))
    .executeTakeFirst();
  if (!row || row.disabled !== 0 || row.expiresAt <= now) return null;
  return { id: row.id, username: row.username, displayName: row.displayName, roles: parseRoles(row.roles) };
}

export async function logout(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('tokenHash', '=', tokenHash(token)).execute();
}

export async function getUser(db: Kysely<Database>, id: string): Promise<SessionUser | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { id: row.id, username: row.username, displayName: row.displayName, roles: parseRoles(row.roles) } : null;
}

export async function listUsers(db: Kysely<Database>) {
  const rows = await db.selectFrom('users').select(['id', 'username', 'displayName', 'roles', 'disabled', 'createdAt']).orderBy('username').execute();
  return rows.map((r) => ({ ...r, roles: parseRoles(r.roles), disabled: r.disabled !== 0 }));
}
