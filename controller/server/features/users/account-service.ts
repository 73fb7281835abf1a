// An admin's changes to an existing account: display name, roles, disabling, a password reset.
// Every change is audited, and the console can never lock everyone out of administration.

import type { Kysely } from 'kysely';
import type { Account } from '../../../../shared/auth/account.ts';
import { roleSchema, type Role } from '../../../../shared/auth/roles.ts';
import { AppError, conflict, notFound } from '../../errors.ts';
import type { Database } from '../../store/schema.ts';
import { appendAuditEvent } from '../audit/store.ts';
import { hashPassword } from './passwords.ts';

type Db = Kysely<Database>;

export interface AccountChange {
  displayName?: string;
  roles?: Role[];
  disabled?: boolean;
}


async function accountRow(db: Db, id: string) {
  const row = await db.selectFrom('users').select(['id', 'username', 'displayName', 'roles', 'disabled', 'createdAt']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('users', id);
  return { ...row, roles: roleSchema.array().parse(JSON.parse(row.roles)), disabled: row.disabled !== 0 };
}

/** Enabled admins other than this user: someone must still be able to manage users after the change. */
async function otherActiveAdmins(db: Db, userId: string): Promise<number> {
  const rows = await db.selectFrom('users').select(['id', 'roles']).where('disabled', '=', 0).where('id', '!=', userId).execute();
  return rows.filter((r) => roleSchema.array().parse(JSON.parse(r.roles)).includes('admin')).length;
}

/** The fields that really change, old and new, for the audit log. */
function differences(before: Account, change: AccountChange): Record<string, { from: unknown; to: unknown }> {
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  if (change.displayName !== undefined && change.displayName !== before.displayName) diff.displayName = { from: before.displayName, to: change.displayName };
  if (change.roles !== undefined && [...change.roles].sort().join() !== [...before.roles].sort().join()) diff.roles = { from: before.roles, to: change.roles };
  if (change.disabled !== undefined && change.disabled !== before.disabled) diff.disabled = { from: before.disabled, to: change.disabled };
  return diff;
}

export async function updateAccount(db: Db, input: { userId: string; change: AccountChange; actorId: string; now: number }): Promise<Account> {
  return db.transaction().execute(async (trx) => {
    const before = await accountRow(trx, input.userId);
    const diff = differences(before, input.change);
    if (Object.keys(diff).length === 0) return before;
    const after: Account = { ...before, ...input.change, roles: input.change.roles ? [...new Set(input.change.roles)] : before.roles };
    if (input.userId === input.actorId && after.disabled) throw conflict('users.disable-self', '不能停用自己的账号 (you cannot disable your own account)');
    const stillAdmin = after.roles.includes('admin') && !after.disabled;
    if (before.roles.includes('admin') && !stillAdmin && (await otherActiveAdmins(trx, input.userId)) === 0) {
      throw conflict('users.last-admin', '这是最后一个可用的管理员账号，不能停用或取消其管理员角色 (the last active admin cannot be disabled or lose the admin role)');
    }
    await trx.updateTable('users').set({ displayName: after.displayName, roles: JSON.stringify(after.roles), disabled: after.disabled ? 1 : 0 }).where('id', '=', input.userId).execute();
    // A disabled account's open sessions end now, not at their expiry.
    if (after.disabled) await trx.deleteFrom('sessions').where('userId', '=', input.userId).execute();
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.actorId}`, action: 'user.update', target: `user:${input.userId}`, details: { username: before.username, ...diff } });
    return after;
  });
}

/** Sets a new password chosen by an admin; every session of that user ends, so the old password's holder is out. */
export async function resetPassword(db: Db, input: { userId: string; password: string; actorId: string; now: number }): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    const account = await accountRow(trx, input.userId);
    if (account.disabled) throw new AppError('users.disabled', `账号 ${account.username} 已停用，请先启用 (the account is disabled; enable it first)`, { username: account.username }, 409);
    await trx.updateTable('users').set({ passwordHash }).where('id', '=', input.userId).execute();
    await trx.deleteFrom('sessions').where('userId', '=', input.userId).execute();
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.actorId}`, action: 'user.password-reset', target: `user:${input.userId}`, details: { username: account.username } });
  });
}
