// Paired screens: adoption, token checks, what they last told us (heartbeats, applied versions,
// errors) and whether they are online. Tokens are random and stored only as SHA-256.

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Heartbeat, PlayerErrorReport } from '../../../../shared/protocol/messages.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Database, ScreensTable } from '../../store/schema.ts';
import { appendAuditEvent } from '../audit/store.ts';
import { markSeenBatch, parseStoredHeartbeat, readHealthHistory, type HealthHistory, type SignOfLife } from './health-store.ts';
import { HEARTBEAT_HISTORY_SAMPLE_MS } from './presence.ts';
import { reusableQuery } from '../../store/reusable-query.ts';

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

/** What the screen last applied and its own time zone (null: the default), which its greeting needs next. */
export interface ScreenAtConnect {
  manifestVersion: number;
  listRevision: number;
  timeZone: string | null;
}

export type TokenCheck = ({ ok: true } & ScreenAtConnect) | { ok: false; reason: 'unauthorized' | 'revoked' };

// Reusable: every connecting screen runs it, ten thousand at once after a restart.
const tokenRowQuery = reusableQuery((db: Kysely<Database>, screenId: string) =>
  db.selectFrom('screens').select(['tokenHash', 'revokedAt', 'manifestVersion', 'listRevision', 'timeZone']).where('id', '=', screenId),
);

export async function checkScreenToken(db: Kysely<Database>, screenId: string, token: string): Promise<TokenCheck> {
  const [row] = await tokenRowQuery(db, screenId);
  if (!row || row.tokenHash !== tokenHash(token)) return { ok: false, reason: 'unauthorized' };
  if (row.revokedAt !== null) return { ok: false, reason: 'revoked' };
  return { ok: true, manifestVersion: row.manifestVersion, listRevision: row.listRevision, timeZone: row.timeZone };
}

/** Signs of life written in one transaction; the hub batches what arrives in one turn of the event loop. */
export async function recordSignsOfLife(db: Kysely<Database>, signs: readonly SignOfLife[]): Promise<void> {
  if (signs.length > 0) await db.transaction().execute((trx) => markSeenBatch(trx, signs));
}

export function connectedSign(screenId: string, now: number): SignOfLife {
  return { screenId, now, reason: 'connected' };
}

/** The latest heartbeat goes on the screen row; one per historySampleMs also into the history. */
export function heartbeatSign(screenId: string, heartbeat: Heartbeat, now: number, historySampleMs = HEARTBEAT_HISTORY_SAMPLE_MS): SignOfLife {
  const json = JSON.stringify(heartbeat);
  return { screenId, now, reason: 'heartbeat', also: { lastHeartbeatJson: json, manifestVersion: heartbeat.manifestVersion, listRevision: heartbeat.listRevision }, heartbeatSample: { json, sampleMs: historySampleMs } };
}

export function appliedSign(screenId: string, manifestVersion: number, listRevision: number, now: number): SignOfLife {
  return { screenId, now, reason: 'sync-applied', also: { manifestVersion, listRevision } };
}

/** A paired screen connected: a sign of life, which brings it online if it was offline. */
export async function recordSeen(db: Kysely<Database>, screenId: string, now: number): Promise<void> {
  await recordSignsOfLife(db, [connectedSign(screenId, now)]);
}

export async function recordHeartbeat(db: Kysely<Database>, screenId: string, heartbeat: Heartbeat, now: number, historySampleMs = HEARTBEAT_HISTORY_SAMPLE_MS): Promise<void> {
  await recordSignsOfLife(db, [heartbeatSign(screenId, heartbeat, now, historySampleMs)]);
}

export async function recordApplied(db: Kysely<Database>, screenId: string, manifestVersion: number, listRevision: number, now: number): Promise<void> {
  await recordSignsOfLife(db, [appliedSign(screenId, manifestVersion, listRevision, now)]);
}

export async function recordPlayerError(db: Kysely<Database>, screenId: string, report: PlayerErrorReport, now: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('screens').set({ lastError: `${report.code}: ${report.message}` }).where('id', '=', screenId).execute();
    await appendAuditEvent(trx, { at: now, actor: `screen:${screenId}`, action: 'screen.error', target: `screen:${screenId}`, details: report });
  });
}

export type ScreenStatus = 'online' | 'offline' | 'revoked';

type ScreenRow = Selectable<ScreensTable>;

/**
 * A screen as technicians see it: status is what the presence history last recorded (the job marks
 * a silent screen offline, a sign of life marks it online), and health is its latest heartbeat.
 */
function screenView({ tokenHash: _secret, lastHeartbeatJson, presence, presenceChangedAt, ...screen }: ScreenRow, connectedIds: ReadonlySet<string>) {
  return {
    ...screen,
    connected: connectedIds.has(screen.id),
    status: (screen.revokedAt !== null ? 'revoked' : presence) as ScreenStatus,
    statusChangedAt: presenceChangedAt,
    health: lastHeartbeatJson === null ? null : parseStoredHeartbeat(lastHeartbeatJson),
  };
}

export async function listScreens(db: Kysely<Database>, connectedIds: ReadonlySet<string>) {
  const rows = await db.selectFrom('screens').selectAll().orderBy('name').execute();
  return rows.map((row) => screenView(row, connectedIds));
}

export interface HealthWindow {
  from: number;
  to: number;
}

/** Most rows of each kind one request returns; a 10-minute sample over the 3 days kept is 432. */
export const MAX_HEALTH_HEARTBEATS = 1_000;
export const MAX_HEALTH_TRANSITIONS = 5_000;

export async function screenHealth(db: Kysely<Database>, screenId: string, window: HealthWindow, connectedIds: ReadonlySet<string>): Promise<ReturnType<typeof screenView> & { window: HealthWindow } & HealthHistory> {
  const row = await db.selectFrom('screens').selectAll().where('id', '=', screenId).executeTakeFirst();
  if (!row) throw new AppError('screens.not-found', `屏幕 ${screenId} 不存在 (unknown screen)`, { screenId }, 404);
  const history = await readHealthHistory(db, screenId, window.from, window.to, { heartbeats: MAX_HEALTH_HEARTBEATS, transitions: MAX_HEALTH_TRANSITIONS });
  return { ...screenView(row, connectedIds), window, ...history };
}

export async function revokeScreen(db: Kysely<Database>, input: { screenId: string; actorId: string; now: number }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('screens').set({ revokedAt: input.now }).where('id', '=', input.screenId).where('revokedAt', 'is', null).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError('screens.not-found-or-revoked', `屏幕 ${input.screenId} 不存在或已注销 (unknown or already revoked screen)`, { screenId: input.screenId }, 404);
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.actorId}`, action: 'screen.revoke', target: `screen:${input.screenId}` });
  });
}

/** The screen's own IANA zone: null when it uses the controller's default, undefined when there is no such screen. */
export async function screenTimeZone(db: Kysely<Database>, screenId: string): Promise<string | null | undefined> {
  const row = await db.selectFrom('screens').select('timeZone').where('id', '=', screenId).executeTakeFirst();
  return row === undefined ? undefined : row.timeZone;
}

/** Sets the zone its schedules are read in (null: the controller's default); audited. */
export async function setScreenTimeZone(db: Kysely<Database>, input: { screenId: string; timeZone: string | null; actorId: string; now: number }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('screens').set({ timeZone: input.timeZone }).where('id', '=', input.screenId).where('revokedAt', 'is', null).executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw notFound('screen', input.screenId);
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.actorId}`, action: 'screen.time-zone', target: `screen:${input.screenId}`, details: { timeZone: input.timeZone } });
  });
}
