// Paired screens: adoption, token checks, and what they last told us (heartbeats, applied
// versions, errors). Tokens are random and stored only as SHA-256.

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Heartbeat, PlayerErrorReport } from '../../../../shared/protocol/messages.ts';
import { AppError } from '../../errors.ts';
import type { Database } from '../../store/schema.ts';
import { appendAuditEvent } from '../audit/store.ts';

/** A screen silent for this long is shown offline (three missed 30 s heartbeats). */
export const OFFLINE_AFTER_MS = 90_000;

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createScreen(db: Kysely<Database>, input: { name: string; deviceId: string; actorId: string; now: number }): Promise<{ screenId: string; token: string }> {
  const name = input.name.trim();
  if (name === '' || name.length > 100) throw new AppError('screens.bad-name', '屏幕名称须为 1–100 个字符 (screen name must be 1–100 characters)');
  const screenId = randomUUID();
  const token = randomBytes(32).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('screens').values({ id: screenId, name, tokenHash: tokenHash(token), deviceId: input.deviceId, pairedAt: input.now, pairedBy: input.actorId, revokedAt: null, lastSeenAt: null, manifestVersion: 0, listRevision: 0, lastHeartbeatJson: null, lastError: null }).execute();
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.actorId}`, action: 'screen.adopt', target: `screen:${screenId}`, details: { name, deviceId: input.deviceId } });
  });
  return { screenId, token };
}

export type TokenCheck = { ok: true } | { ok: false; reason: 'unauthorized' | 'revoked' };

export async function checkScreenToken(db: Kysely<Database>, screenId: string, token: string): Promise<TokenCheck> {
  const row = await db.selectFrom('screens').select(['tokenHash', 'revokedAt']).where('id', '=', screenId).executeTakeFirst();
  if (!row || row.tokenHash !== tokenHash(token)) return { ok: false, reason: 'unauthorized' };
  if (row.revokedAt !== null) return { ok: false, reason: 'revoked' };
  return { ok: true };
}

export async function recordSeen(db: Kysely<Database>, screenId: string, now: number): Promise<void> {
  await db.updateTable('screens').set({ lastSeenAt: now }).where('id', '=', screenId).execute();
}

export async function recordHeartbeat(db: Kysely<Database>, screenId: string, heartbeat: Heartbeat, now: number): Promise<void> {
  await db.updateTable('screens').set({ lastSeenAt: now, lastHeartbeatJson: JSON.stringify(heartbeat), manifestVersion: heartbeat.manifestVersion, listRevision: heartbeat.listRevision }).where('id', '=', screenId).execute();
}

export async function recordApplied(db: Kysely<Database>, screenId: string, manifestVersion: number, listRevision: number, now: number): Promise<void> {
  await db.updateTable('screens').set({ lastSeenAt: now, manifestVersion, listRevision }).where('id', '=', screenId).execute();
}

export async function recordPlayerError(db: Kysely<Database>, screenId: string, report: PlayerErrorReport, now: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('screens').set({ lastError: `${report.code}: ${report.message}` }).where('id', '=', screenId).execute();
    await appendAuditEvent(trx, { at: now, actor: `screen:${screenId}`, action: 'screen.error', target: `screen:${screenId}`, details: report });
  });
}

export async function listScreens(db: Kysely<Database>, now: number, connectedIds: ReadonlySet<string>) {
  const rows = await db.selectFrom('screens').selectAll().orderBy('name').execute();
  return rows.map(({ tokenHash: _secret, lastHeartbeatJson, ...screen }) => ({
    ...screen,
    connected: connectedIds.has(screen.id),
    status: screen.revokedAt !== null ? 'revoked' : screen.lastSeenAt !== null && now - screen.lastSeenAt < OFFLINE_AFTER_MS ? 'online' : 'offline',
    lastHeartbeat: lastHeartbeatJson ? (JSON.parse(lastHeartbeatJson) as unknown) : null,
  }));
}

export async function appliedListRevision(db: Kysely<Database>, screenId: string): Promise<number> {
  const row = await db.selectFrom('screens').select('listRevision').where('id', '=', screenId).executeTakeFirst();
  return row?.listRevision ?? 0;
}

export async function revokeScreen(db: Kysely<Database>, input: { screenId: string; actorId: string; now: number }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('screens').set({ revokedAt: input.now }).where('id', '=', input.screenId).where('revokedAt', 'is', null).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError('screens.not-found-or-revoked', `屏幕 ${input.screenId} 不存在或已注销 (unknown or already revoked screen)`, { screenId: input.screenId }, 404);
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.actorId}`, action: 'screen.revoke', target: `screen:${input.screenId}` });
  });
}
