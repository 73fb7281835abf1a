// Playlists, schedules and the default playlist: authored by operators, reviewed by someone else
// (four eyes, as content and list changes are), retired by either. Screens keep the approved
// version of a playlist or schedule while a change to it waits for review.

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ProgrammeScreen, ReviewableListing, ReviewStatus } from '../../../../shared/protocol/programme-api.ts';
import type { Schedule } from '../../../../shared/schedules/schedule.ts';
import { AppError, conflict, notFound } from '../../errors.ts';
import type { Database } from '../../store/schema.ts';
import { appendAuditEvent } from '../audit/store.ts';
import { contentKindsOf } from '../content/service.ts';
import { BUILT_IN_LIST_ITEM_IDS } from '../publishing/timeline.ts';
import { activeScreensWithGroups, assertGroupsExist } from '../screen-groups/service.ts';
import { listScreens } from '../screens/service.ts';
import { parseScheduleDocument, playlistDocumentSchema, type PlaylistDocument, type ScheduleDocument } from './documents.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;
type Kind = store.ReviewableKind;

const NOUN: Record<Kind, { zh: string; en: string; audit: string }> = {
  playlists: { zh: '播放列表', en: 'playlist', audit: 'playlist' },
  schedules: { zh: '排期', en: 'schedule', audit: 'schedule' },
};

const PLAYABLE_KINDS = new Set(['slide', 'image', 'video', 'list-view']);

/** Every item must be playable content and every ticker a ticker; content need not be approved yet (it plays once it is). */
async function assertPlaylistReferences(db: Db, document: PlaylistDocument): Promise<void> {
  const builtIn = new Set<string>(BUILT_IN_LIST_ITEM_IDS);
  const named = [...document.items.map((item) => item.contentId).filter((id) => !builtIn.has(id)), ...document.tickerIds];
  const kinds = await contentKindsOf(db, named);
  const problems: Array<{ path: string; message: string }> = [];
  document.items.forEach((item, index) => {
    if (builtIn.has(item.contentId)) return;
    const found = kinds.get(item.contentId);
    if (!found) problems.push({ path: `body.items.${index}.contentId`, message: `内容 ${item.contentId} 不存在 (no such content)` });
    else if (!PLAYABLE_KINDS.has(found.kind)) problems.push({ path: `body.items.${index}.contentId`, message: `${item.contentId} 是${found.kind}，不能作为播放项 (a ${found.kind} cannot be a playlist item)` });
  });
  document.tickerIds.forEach((id, index) => {
    if (kinds.get(id)?.kind !== 'ticker') problems.push({ path: `body.tickerIds.${index}`, message: `${id} 不是滚动字幕 (not a ticker)` });
  });
  if (problems.length > 0) throw new AppError('playlists.bad-reference', '播放列表引用了无效的内容 (the playlist names content that cannot play)', { issues: problems });
}

async function assertScheduleReferences(db: Db, schedule: Schedule): Promise<void> {
  const playlist = await store.rowById(db, 'playlists', schedule.playlistId);
  if (!playlist || playlist.retiredAt !== null) {
    throw new AppError('schedules.unknown-playlist', `播放列表 ${schedule.playlistId} 不存在或已下线 (no such playlist)`, { issues: [{ path: 'body.playlistId', message: 'no such playlist, or retired' }] });
  }
  await assertGroupsExist(db, schedule.screenGroupIds);
}

function checkedName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 100) throw new AppError('programme.bad-name', '名称须为 1–100 个字符 (name must be 1–100 characters)', { issues: [{ path: 'body.name', message: 'must be 1–100 characters' }] });
  return trimmed;
}

export async function createPlaylist(db: Db, input: { name: string; document: PlaylistDocument; actorId: string; now: number }): Promise<{ id: string }> {
  const document = playlistDocumentSchema.parse(input.document);
  await assertPlaylistReferences(db, document);
  return createReviewable(db, 'playlists', { ...input, document });
}

/** `document` is parsed here with the shared schedule schema: a bad one is a 400 naming each field. */
export async function createSchedule(db: Db, input: { name: string; document: unknown; actorId: string; now: number }): Promise<{ id: string }> {
  const id = randomUUID();
  const schedule = parseScheduleDocument(id, input.document);
  await assertScheduleReferences(db, schedule);
  return createReviewable(db, 'schedules', { ...input, document: withoutId(schedule) }, id);
}

function withoutId(schedule: Schedule): ScheduleDocument {
  const { id: _id, ...document } = schedule;
  return document;
}

async function createReviewable(db: Db, kind: Kind, input: { name: string; document: object; actorId: string; now: number }, id: string = randomUUID()): Promise<{ id: string }> {
  const name = checkedName(input.name);
  await db.transaction().execute(async (trx) => {
    await store.insertRow(trx, kind, { id, name, pendingJson: JSON.stringify(input.document), actorId: input.actorId, now: input.now });
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.actorId}`, action: `${NOUN[kind].audit}.create`, target: `${NOUN[kind].audit}:${id}`, details: { name, document: input.document } });
  });
  return { id };
}

/** A change goes to review; the approved version stays on the screens meanwhile. */
export async function updatePlaylist(db: Db, input: { id: string; name: string; document: PlaylistDocument; actorId: string; now: number }): Promise<void> {
  const document = playlistDocumentSchema.parse(input.document);
  await assertPlaylistReferences(db, document);
  await proposeChange(db, 'playlists', { ...input, document });
}

export async function updateSchedule(db: Db, input: { id: string; name: string; document: unknown; actorId: string; now: number }): Promise<void> {
  const schedule = parseScheduleDocument(input.id, input.document);
  await assertScheduleReferences(db, schedule);
  await proposeChange(db, 'schedules', { ...input, document: withoutId(schedule) });
}

async function liveRow(db: Db, kind: Kind, id: string): Promise<store.ReviewableRow> {
  const row = await store.rowById(db, kind, id);
  if (!row) throw notFound(NOUN[kind].audit, id);
  if (row.retiredAt !== null) throw conflict(`${kind}.retired`, `${NOUN[kind].zh} ${id} 已下线 (this ${NOUN[kind].en} is retired)`, { id });
  return row;
}

async function proposeChange(db: Db, kind: Kind, input: { id: string; name: string; document: object; actorId: string; now: number }): Promise<void> {
  const name = checkedName(input.name);
  await db.transaction().execute(async (trx) => {
    const row = await liveRow(trx, kind, input.id);
    // Someone else's change awaiting review is theirs: replacing it silently would lose it.
    if (row.pendingBy !== null && row.pendingBy !== input.actorId) {
      throw conflict(`${kind}.change-pending`, `${NOUN[kind].zh} ${input.id} 已有他人提交的待审核修改，请先审核或驳回 (another user's change awaits review)`, { id: input.id, pendingBy: row.pendingBy, pendingAt: row.pendingAt });
    }
    // pendingAt names the version a reviewer saw, so it must change with every replacement, even within a millisecond.
    const pendingAt = Math.max(input.now, (row.pendingAt ?? 0) + 1);
    await store.setPending(trx, kind, input.id, { name, pendingJson: JSON.stringify(input.document), actorId: input.actorId, now: pendingAt });
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.actorId}`, action: `${NOUN[kind].audit}.change`, target: `${NOUN[kind].audit}:${input.id}`, details: { name, document: input.document } });
  });
}

/**
 * Approves or rejects the pending change; nobody approves their own. `pendingAt` is the version the
 * reviewer looked at: a change replaced since then is refused, so nothing goes live unseen.
 */
export async function reviewPending(db: Db, kind: Kind, input: { id: string; pendingAt: number; reviewerId: string; approve: boolean; comment: string; now: number }): Promise<{ published: boolean }> {
  return db.transaction().execute(async (trx) => {
    const row = await liveRow(trx, kind, input.id);
    if (row.pendingJson === null || row.pendingBy === null) throw conflict(`${kind}.not-pending`, `${NOUN[kind].zh} ${input.id} 没有待审核的修改 (nothing awaits review)`, { id: input.id });
    if (row.pendingBy === input.reviewerId) throw new AppError('review.own-change', '不能审核自己提交的内容 (you cannot approve your own change)', null, 403);
    if (row.pendingAt !== input.pendingAt) {
      throw conflict(`${kind}.changed-since-viewed`, `${NOUN[kind].zh} ${input.id} 在您查看后又被修改，请重新查看后再审核 (the change was replaced after you viewed it)`, { id: input.id, pendingAt: row.pendingAt });
    }
    if (input.approve) {
      // References are checked again: content or a group may have gone since the change was proposed.
      if (kind === 'schedules') await assertScheduleReferences(trx, parseScheduleDocument(input.id, JSON.parse(row.pendingJson)));
      await store.approvePending(trx, kind, input.id, { pendingJson: row.pendingJson, reviewerId: input.reviewerId, comment: input.comment, now: input.now });
    } else {
      await store.rejectPending(trx, kind, input.id, input.comment);
    }
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.reviewerId}`, action: `${NOUN[kind].audit}.${input.approve ? 'approve' : 'reject'}`, target: `${NOUN[kind].audit}:${input.id}`, details: { comment: input.comment } });
    return { published: input.approve };
  });
}

/** Off the screens at the next publish; needs no second person, as it can only make screens play less. */
export async function retire(db: Db, kind: Kind, input: { id: string; actorId: string; reason: string; now: number }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await liveRow(trx, kind, input.id);
    await store.retireRow(trx, kind, input.id, input.actorId, input.now);
    if (kind === 'playlists' && (await store.defaultPlaylistId(trx)) === input.id) await store.setDefaultPlaylistId(trx, null, input.actorId, input.now);
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.actorId}`, action: `${NOUN[kind].audit}.retire`, target: `${NOUN[kind].audit}:${input.id}`, details: { reason: input.reason } });
  });
}

/** The default playlist must be approved already: choosing it is an approver's decision, so no second review. */
export async function setDefaultPlaylist(db: Db, input: { playlistId: string | null; actorId: string; now: number }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (input.playlistId !== null) {
      const row = await liveRow(trx, 'playlists', input.playlistId);
      if (row.approvedJson === null) throw conflict('playlists.not-approved', `播放列表 ${input.playlistId} 尚未审核通过 (only an approved playlist can be the default)`, { id: input.playlistId });
    }
    await store.setDefaultPlaylistId(trx, input.playlistId, input.actorId, input.now);
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.actorId}`, action: 'programme.default', target: input.playlistId === null ? 'playlist:rotation' : `playlist:${input.playlistId}`, details: {} });
  });
}

function statusOf(row: store.ReviewableRow): ReviewStatus {
  if (row.retiredAt !== null) return 'retired';
  if (row.approvedJson !== null) return row.pendingJson !== null ? 'approved-with-change' : 'approved';
  return row.pendingJson !== null ? 'pending' : 'rejected';
}

export async function listReviewables(db: Db, kind: Kind): Promise<Array<ReviewableListing<unknown> & { isDefault?: boolean }>> {
  const [rows, defaultId] = await Promise.all([store.allRows(db, kind), store.defaultPlaylistId(db)]);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    status: statusOf(row),
    approved: row.approvedJson === null ? null : (JSON.parse(row.approvedJson) as unknown),
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt,
    pending: row.pendingJson === null ? null : (JSON.parse(row.pendingJson) as unknown),
    pendingBy: row.pendingBy,
    pendingAt: row.pendingAt,
    reviewComment: row.reviewComment,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    retiredAt: row.retiredAt,
    ...(kind === 'playlists' ? { isDefault: row.id === defaultId } : {}),
  }));
}

export interface PublishedProgrammeInputs {
  playlists: Array<{ id: string; document: PlaylistDocument }>;
  schedules: Schedule[];
  defaultPlaylistId: string | null;
  /** approved rows that no longer parse (a schema tightened on upgrade): left out, never a failed publish */
  unreadable: string[];
}

function parsedOrNull<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch {
    return null;
  }
}

/** What the publisher may put on screens: approved and not retired. A takedown must never wait on one bad row. */
export async function publishedProgrammeInputs(db: Db): Promise<PublishedProgrammeInputs> {
  const [playlistRows, scheduleRows, defaultId] = await Promise.all([store.publishedRows(db, 'playlists'), store.publishedRows(db, 'schedules'), store.defaultPlaylistId(db)]);
  const unreadable: string[] = [];
  const playlists = playlistRows.flatMap((row) => {
    const document = parsedOrNull(() => playlistDocumentSchema.parse(JSON.parse(row.approvedJson)));
    if (document === null) unreadable.push(`playlist ${row.id}`);
    return document === null ? [] : [{ id: row.id, document }];
  });
  const schedules = scheduleRows.flatMap((row) => {
    const schedule = parsedOrNull(() => parseScheduleDocument(row.id, JSON.parse(row.approvedJson)));
    if (schedule === null) unreadable.push(`schedule ${row.id}`);
    return schedule === null ? [] : [schedule];
  });
  return { playlists, schedules, defaultPlaylistId: defaultId, unreadable };
}

/** The adopted screens a preview may ask about, with their zones and groups. */
export async function programmeScreens(db: Db, defaultTimeZone: string): Promise<ProgrammeScreen[]> {
  const [screens, memberships] = await Promise.all([listScreens(db, new Set()), activeScreensWithGroups(db)]);
  const groupsOf = new Map(memberships.map((screen) => [screen.id, screen.groupIds]));
  return screens
    .filter((screen) => screen.revokedAt === null)
    .map((screen) => ({ id: screen.id, name: screen.name, timeZone: screen.timeZone ?? defaultTimeZone, isDefaultTimeZone: screen.timeZone === null, screenGroupIds: groupsOf.get(screen.id) ?? [] }));
}
