// Emergency overrides: start (checked, signed, audited, pushed to every connected target screen
// at once), end (the same), per-screen acks, and what a screen is told first when it connects.

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { findEmergencyTextProblems } from '../../../../shared/emergency/emergency-text.ts';
import {
  emergencyTargetSchema,
  signedEmergencyEndSchema,
  signedEmergencySchema,
  type EmergencyContent,
  type EmergencyEndPayload,
  type EmergencyPayload,
  type EmergencyTarget,
  type SignedEmergency,
  type SignedEmergencyEnd,
} from '../../../../shared/protocol/emergency.ts';
import type { Signed } from '../../../../shared/signing/manifest-signing.ts';
import { AppError, conflict, notFound } from '../../errors.ts';
import type { Database } from '../../store/schema.ts';
import { appendAuditEvent } from '../audit/store.ts';
import { displayNamesOf } from '../users/display-names.ts';
import { approvedSlideDocument } from '../content/service.ts';
import { activeScreensWithGroups, assertGroupsExist, screenGroupIdsOf } from '../screen-groups/service.ts';
import { screenTimeZone } from '../screens/service.ts';
import type { PlayerHub } from '../screens/player-hub.ts';
import * as store from './store.ts';
import { screensCoveredBy, targetCoversScreen } from './targeting.ts';

export interface EmergencyDeps {
  db: Kysely<Database>;
  hub: Pick<PlayerHub, 'screens'>;
  sign: <T>(payload: T) => Signed<T>;
  now: () => number;
  /** the zone of screens that have none of their own (sent with their groups) */
  defaultTimeZone: string;
}

/** A screen away for longer than this re-pairs its view from the manifest anyway; older ends are not resent. */
export const END_NOTICE_WINDOW_MS = 30 * 86_400_000;
/** Ends sent on one connect; each is a few hundred bytes. */
export const MAX_END_NOTICES = 100;

export type EmergencyRequest = { kind: 'text'; title: string; body: string } | { kind: 'slide'; contentId: string };

async function contentOf(db: Kysely<Database>, request: EmergencyRequest): Promise<EmergencyContent> {
  if (request.kind === 'text') return { kind: 'text', title: request.title.trim(), body: request.body.trim() };
  const slide = await approvedSlideDocument(db, request.contentId);
  if (!slide) throw new AppError('emergencies.slide-not-approved', `幻灯片 ${request.contentId} 不存在或未经审核通过 (only an approved slide can be an emergency)`, { contentId: request.contentId }, 404);
  return { kind: 'slide', contentId: request.contentId, slide };
}

function refuseBadText(content: EmergencyContent): void {
  const problems = findEmergencyTextProblems(content);
  if (problems.includes('unmasked-id')) {
    throw new AppError('emergencies.unmasked-id', '紧急通知含有完整的身份证号码，不能在公共屏幕上发布 (the notice contains an unmasked ID number and cannot be shown on a public screen)', { problems });
  }
  if (problems.length > 0) throw new AppError('emergencies.bad-text', '紧急通知只能是纯文本，不能含有 HTML 标记或控制字符 (plain text only: no HTML markup or control characters)', { problems });
}

export async function startEmergency(deps: EmergencyDeps, input: { request: EmergencyRequest; target: EmergencyTarget; actorId: string }): Promise<{ id: string; screenIds: string[] }> {
  const { db } = deps;
  if (input.target !== 'all') await assertGroupsExist(db, input.target.groupIds);
  const content = await contentOf(db, input.request);
  refuseBadText(content);
  const now = deps.now();
  const payload: EmergencyPayload = { type: 'emergency', id: randomUUID(), issuedAt: now, content };
  const signed: SignedEmergency = deps.sign(payload);
  const screenIds = screensCoveredBy(input.target, await activeScreensWithGroups(db));
  await db.transaction().execute(async (trx) => {
    await store.insertEmergency(
      trx,
      { id: payload.id, kind: content.kind, title: content.kind === 'text' ? content.title : content.slide.title, contentId: content.kind === 'slide' ? content.contentId : null, targetJson: JSON.stringify(input.target), signedJson: JSON.stringify(signed), startedAt: now, startedBy: input.actorId, endedAt: null, endedBy: null, endSignedJson: null },
      screenIds,
      now,
    );
    // The full text goes into the audit log: who put what on which screens is the question asked later.
    await appendAuditEvent(trx, { at: now, actor: `user:${input.actorId}`, action: 'emergency.start', target: `emergency:${payload.id}`, details: { content, target: input.target, screens: screenIds.length } });
  });
  // One emit reaches every connected target screen at once; the others get it first on reconnect.
  if (screenIds.length > 0) deps.hub.screens(screenIds).emit('emergency:start', signed);
  return { id: payload.id, screenIds };
}

export async function endEmergency(deps: EmergencyDeps, input: { id: string; actorId: string }): Promise<{ id: string; endedAt: number }> {
  const { db } = deps;
  const now = deps.now();
  const payload: EmergencyEndPayload = { type: 'emergency-end', id: input.id, endedAt: now };
  const signed: SignedEmergencyEnd = deps.sign(payload);
  const screenIds = await db.transaction().execute(async (trx) => {
    const row = await store.emergencyById(trx, input.id);
    if (!row) throw notFound('emergencies', input.id);
    if (!(await store.markEnded(trx, input.id, now, input.actorId, JSON.stringify(signed)))) throw conflict('emergencies.already-ended', `紧急通知 ${input.id} 已结束 (already ended)`, { endedAt: row.endedAt });
    await appendAuditEvent(trx, { at: now, actor: `user:${input.actorId}`, action: 'emergency.end', target: `emergency:${input.id}`, details: { title: row.title, startedAt: row.startedAt } });
    return store.targetScreenIds(trx, input.id);
  });
  if (screenIds.length > 0) deps.hub.screens(screenIds).emit('emergency:end', signed);
  return { id: input.id, endedAt: now };
}

/** The screen comes from its authenticated socket; an ack for an emergency it was not sent changes nothing. */
export async function recordEmergencyAck(db: Kysely<Database>, screenId: string, emergencyId: string, now: number): Promise<void> {
  await store.recordAck(db, emergencyId, screenId, now);
}

export interface EmergencyGreeting {
  groupIds: string[];
  /** the screen's IANA zone, for its schedules */
  timeZone: string;
  active: SignedEmergency[];
  ended: SignedEmergencyEnd[];
}

/**
 * What a connecting screen hears before anything else: every active emergency covering it (by its
 * groups now, so a screen added to a group mid-emergency gets it too) and the ends of those that
 * ended while it was away. A screen that never received an ended one just files the end away.
 */
export async function emergencyGreeting(db: Kysely<Database>, screenId: string, now: number, defaultTimeZone: string, knownTimeZone?: string | null): Promise<EmergencyGreeting> {
  const groupIds = await screenGroupIdsOf(db, screenId);
  // A connecting screen's zone was read with its token; null there means the default.
  const timeZone = (knownTimeZone === undefined ? await screenTimeZone(db, screenId) : knownTimeZone) ?? defaultTimeZone;
  const active: SignedEmergency[] = [];
  for (const row of await store.activeEmergencies(db)) {
    const target = emergencyTargetSchema.parse(JSON.parse(row.targetJson));
    if (!targetCoversScreen(target, groupIds)) continue;
    await store.ensureTargetScreen(db, row.id, screenId, now);
    active.push(signedEmergencySchema.parse(JSON.parse(row.signedJson)));
  }
  const ended = (await store.endedFor(db, screenId, now - END_NOTICE_WINDOW_MS, MAX_END_NOTICES)).map((json) => signedEmergencyEndSchema.parse(JSON.parse(json)));
  return { groupIds, timeZone, active, ended };
}

/** Tells these screens their groups and any active emergency that now covers them (after a membership change). */
export async function refreshScreens(deps: EmergencyDeps, screenIds: readonly string[]): Promise<void> {
  for (const screenId of screenIds) {
    const greeting = await emergencyGreeting(deps.db, screenId, deps.now(), deps.defaultTimeZone);
    const room = deps.hub.screens([screenId]);
    for (const signed of greeting.active) room.emit('emergency:start', signed);
    room.emit('screen:groups', { groupIds: greeting.groupIds, timeZone: greeting.timeZone });
  }
}

export type ScreenAckStatus = 'showing' | 'pending' | 'ended';

/** The rows as people read them: content, target, who started and ended it, and each target screen's ack. */
async function describeEmergencies(db: Kysely<Database>, rows: readonly store.EmergencyRow[], connected: ReadonlySet<string>) {
  const screens = await store.screensOf(db, rows.map((r) => r.id));
  const names = await displayNamesOf(db, rows.flatMap((r) => [r.startedBy, r.endedBy]));
  return rows.map((row) => {
    const signed = signedEmergencySchema.parse(JSON.parse(row.signedJson));
    const targets = screens
      .filter((s) => s.emergencyId === row.id)
      .map((s) => ({ screenId: s.screenId, name: s.name, addedAt: s.addedAt, ackedAt: s.ackedAt, connected: connected.has(s.screenId), status: (row.endedAt !== null ? 'ended' : s.ackedAt !== null ? 'showing' : 'pending') as ScreenAckStatus }));
    return {
      id: row.id,
      active: row.endedAt === null,
      content: signed.payload.content,
      target: emergencyTargetSchema.parse(JSON.parse(row.targetJson)),
      startedAt: row.startedAt,
      startedBy: row.startedBy,
      startedByName: names.get(row.startedBy) ?? null,
      endedAt: row.endedAt,
      endedBy: row.endedBy,
      endedByName: row.endedBy === null ? null : (names.get(row.endedBy) ?? null),
      screens: targets,
      acked: targets.filter((t) => t.ackedAt !== null).length,
      pending: targets.filter((t) => t.ackedAt === null).length,
    };
  });
}

/** `connected`: the screens on a live connection now, so a pending ack reads as "offline" or "on its way". */
export async function listEmergencies(db: Kysely<Database>, options: { activeOnly: boolean; limit: number; connected?: ReadonlySet<string> }) {
  return describeEmergencies(db, await store.recentEmergencies(db, options), options.connected ?? new Set());
}

export async function getEmergency(db: Kysely<Database>, id: string, connected: ReadonlySet<string> = new Set()) {
  const row = await store.emergencyById(db, id);
  if (!row) throw notFound('emergencies', id);
  const [described] = await describeEmergencies(db, [row], connected);
  return described!;
}

/** How many screens a target would reach now, and how many of them are connected to hear it at once. */
export async function emergencyReach(db: Kysely<Database>, target: EmergencyTarget, connected: ReadonlySet<string>): Promise<{ screens: number; connected: number }> {
  if (target !== 'all') await assertGroupsExist(db, target.groupIds);
  const screenIds = screensCoveredBy(target, await activeScreensWithGroups(db));
  return { screens: screenIds.length, connected: screenIds.filter((id) => connected.has(id)).length };
}
