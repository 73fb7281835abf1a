// Remote-command rules: who may send what to which screen, the audit trail, the screen's answers, the history, and how long screenshots are kept.

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { commandResultSchema, type CommandKind, type CommandOutcome, type CommandRequest } from '../../../../shared/protocol/commands.ts';
import { AppError } from '../../errors.ts';
import type { Database } from '../../store/schema.ts';
import { appendAuditEvent } from '../audit/store.ts';
import { checkScreenToken } from '../screens/service.ts';
import { commandExpiresAt, isExpired, resultMatches, visibleStatus } from './command-rules.ts';
import { deleteScreenshot, removeScreenshotFile, saveScreenshot, screenshotFiles } from './screenshot-files.ts';
import {
  attachScreenshot,
  clearScreenshot,
  commandHistory,
  commandsWithScreenshots,
  completeCommand,
  expireCommand,
  expiredQueued,
  findCommand,
  insertCommand,
  screenshotsPastRetention,
  type ScreenCommandRow,
} from './store.ts';

export const MAX_HISTORY_PAGE = 200;

/** Creates a queued command and its audit event in one transaction. */
export async function createCommand(db: Kysely<Database>, input: { screenId: string; kind: CommandKind; expiresInSeconds?: number | undefined; actorId: string; now: number }): Promise<ScreenCommandRow> {
  const screen = await db.selectFrom('screens').select(['id', 'revokedAt']).where('id', '=', input.screenId).executeTakeFirst();
  if (!screen) throw new AppError('screens.not-found', `屏幕 ${input.screenId} 不存在 (unknown screen)`, { screenId: input.screenId }, 404);
  if (screen.revokedAt !== null) throw new AppError('screens.revoked', `屏幕 ${input.screenId} 已注销 (the screen is revoked)`, { screenId: input.screenId }, 409);
  const id = randomUUID();
  const expiresAt = commandExpiresAt(input.now, input.expiresInSeconds);
  await db.transaction().execute(async (trx) => {
    await insertCommand(trx, { id, screenId: input.screenId, kind: input.kind, requestedBy: input.actorId, requestedAt: input.now, expiresAt });
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.actorId}`, action: 'screen.command', target: `screen:${input.screenId}`, details: { commandId: id, kind: input.kind, expiresAt } });
  });
  const row = await findCommand(db, id);
  if (!row) throw new Error(`command ${id} vanished after insert`);
  return row;
}

export function commandRequestOf(row: ScreenCommandRow): CommandRequest {
  return { id: row.id, kind: row.kind, issuedAt: row.requestedAt, expiresAt: row.expiresAt };
}

/** Expires a queued command past its time, with its audit event; returns whether it did. */
export async function expireIfDue(db: Kysely<Database>, row: ScreenCommandRow, now: number): Promise<boolean> {
  if (row.status !== 'queued' || !isExpired(row.expiresAt, now)) return false;
  return db.transaction().execute(async (trx) => {
    if (!(await expireCommand(trx, row.id, now))) return false;
    await appendAuditEvent(trx, { at: now, actor: 'system', action: 'screen.command-expired', target: `screen:${row.screenId}`, details: { commandId: row.id, kind: row.kind } });
    return true;
  });
}

/**
 * Records what the screen answered (or why no answer counts), once per command: a repeated or late
 * answer changes nothing. The outcome arrives unparsed from the socket and is checked here.
 */
export async function recordOutcome(db: Kysely<Database>, row: ScreenCommandRow, attempt: number, outcome: CommandOutcome | { ok: false; error: { code: string; message: string } }, now: number): Promise<boolean> {
  let end: Parameters<typeof completeCommand>[3];
  if (outcome.ok) {
    const parsed = commandResultSchema.safeParse(outcome.result);
    const current = await findCommand(db, row.id);
    if (!parsed.success || !resultMatches(row.kind, parsed.data)) {
      end = { status: 'failed', at: now, resultJson: null, errorCode: 'bad-result', errorMessage: 'the screen answered with a result that does not match the command' };
    } else if (parsed.data.kind === 'screenshot' && current?.screenshotSha256 !== parsed.data.sha256) {
      end = { status: 'failed', at: now, resultJson: null, errorCode: 'screenshot-missing', errorMessage: 'the screen reported a screenshot the controller did not receive' };
    } else {
      end = { status: 'succeeded', at: now, resultJson: JSON.stringify(parsed.data), errorCode: null, errorMessage: null };
    }
  } else {
    end = { status: 'failed', at: now, resultJson: null, errorCode: outcome.error.code.slice(0, 100), errorMessage: outcome.error.message.slice(0, 1000) };
  }
  return db.transaction().execute(async (trx) => {
    if (!(await completeCommand(trx, row.id, attempt, end))) return false;
    // The result's summary only: a screenshot's bytes never go into the hash-chained log.
    await appendAuditEvent(trx, { at: now, actor: `screen:${row.screenId}`, action: 'screen.command-result', target: `screen:${row.screenId}`, details: { commandId: row.id, kind: row.kind, status: end.status, errorCode: end.errorCode } });
    return true;
  });
}

/** A screen's upload of the PNG a screenshot command asked for, authenticated by its own token. */
export async function acceptScreenshot(db: Kysely<Database>, dataDir: string, input: { commandId: string; screenId: string; token: string; body: unknown }): Promise<{ sha256: string; bytes: number }> {
  const check = await checkScreenToken(db, input.screenId, input.token);
  if (!check.ok) throw new AppError('auth.required', '屏幕凭据无效 (invalid screen credentials)', null, 401);
  const row = await findCommand(db, input.commandId);
  // Another screen's command looks like no command at all: a screen learns nothing about others.
  if (!row || row.screenId !== input.screenId || row.kind !== 'screenshot') throw new AppError('commands.not-found', `命令 ${input.commandId} 不存在 (unknown command)`, { commandId: input.commandId }, 404);
  if (row.status !== 'sent') throw new AppError('commands.not-awaiting-screenshot', '该命令不在等待截图 (the command is not awaiting a screenshot)', { status: row.status }, 409);
  if (!Buffer.isBuffer(input.body)) throw new AppError('commands.screenshot-not-png', '截图须以 image/png 上传 (upload the screenshot as image/png)', null, 415);
  const saved = await saveScreenshot(dataDir, input.commandId, input.body);
  await attachScreenshot(db, input.commandId, saved.sha256, saved.bytes);
  return saved;
}

export interface CommandView {
  id: string;
  screenId: string;
  kind: CommandKind;
  status: ScreenCommandRow['status'];
  requestedBy: string;
  requestedAt: number;
  expiresAt: number;
  sentAt: number | null;
  attempts: number;
  completedAt: number | null;
  result: unknown;
  error: { code: string; message: string } | null;
  /** where to fetch the PNG, for a screenshot that arrived and is still kept */
  screenshotUrl: string | null;
  /** the screenshot arrived but was deleted under the retention (its URL answers 410) */
  screenshotExpired: boolean;
}

export function commandView(row: ScreenCommandRow, now: number): CommandView {
  return {
    id: row.id,
    screenId: row.screenId,
    kind: row.kind,
    status: visibleStatus(row.status, row.expiresAt, now),
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt,
    expiresAt: row.expiresAt,
    sentAt: row.sentAt,
    attempts: row.attempts,
    completedAt: row.completedAt,
    result: row.resultJson === null ? null : (JSON.parse(row.resultJson) as unknown),
    error: row.errorCode === null ? null : { code: row.errorCode, message: row.errorMessage ?? '' },
    screenshotUrl: row.kind === 'screenshot' && row.status === 'succeeded' && row.screenshotSha256 !== null ? `/api/v1/screens/${row.screenId}/screenshots/${row.id}` : null,
    screenshotExpired: isScreenshotExpired(row),
  };
}

/** Newest first. Queued commands past their expiry are marked expired (and audited) on the way. */
export async function screenCommandHistory(db: Kysely<Database>, screenId: string, limit: number, now: number): Promise<CommandView[]> {
  const screen = await db.selectFrom('screens').select('id').where('id', '=', screenId).executeTakeFirst();
  if (!screen) throw new AppError('screens.not-found', `屏幕 ${screenId} 不存在 (unknown screen)`, { screenId }, 404);
  for (const row of await expiredQueued(db, screenId, now)) await expireIfDue(db, row, now);
  const rows = await commandHistory(db, screenId, Math.min(limit, MAX_HISTORY_PAGE));
  return rows.map((row) => commandView(row, now));
}

/**
 * A succeeded screenshot command always had its PNG (recordOutcome checks the hash arrived): one
 * that no longer names it lost it to the retention.
 */
function isScreenshotExpired(row: ScreenCommandRow): boolean {
  return row.kind === 'screenshot' && row.status === 'succeeded' && row.screenshotSha256 === null;
}

/** The command whose screenshot is asked for, if it belongs to that screen and its PNG arrived (410 once the retention deleted it). */
export async function screenshotCommand(db: Kysely<Database>, screenId: string, commandId: string): Promise<ScreenCommandRow> {
  const row = await findCommand(db, commandId);
  if (row && row.screenId === screenId && isScreenshotExpired(row)) {
    throw new AppError('commands.screenshot-expired', '截图已按保留期限删除 (the screenshot was deleted under the retention policy)', { screenId, commandId, completedAt: row.completedAt }, 410);
  }
  if (!row || row.screenId !== screenId || row.kind !== 'screenshot' || row.screenshotSha256 === null) {
    throw new AppError('commands.screenshot-not-found', `没有该截图 (no such screenshot)`, { screenId, commandId }, 404);
  }
  return row;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** How long screenshots stay on the controller's disk. */
export interface ScreenshotRetention {
  /** at most this many per screen, the newest */
  keepPerScreen: number;
  /** and none older than this */
  maxAgeMs: number;
  /** a file no command names is left this long: a screen's upload writes it just before its row names it */
  orphanGraceMs: number;
}

/**
 * A technician looks at a screenshot within minutes of asking; twenty per screen covers a fault
 * chased over days, and a month covers the audit questions that come after an incident report.
 * A city of thousands of screens stays within a few GB of PNGs.
 */
export const DEFAULT_SCREENSHOT_RETENTION: ScreenshotRetention = { keepPerScreen: 20, maxAgeMs: 30 * DAY_MS, orphanGraceMs: HOUR_MS };
/** Rows retired in one run; a first run over years of history finishes over a few runs. */
const MAX_EXPIRED_PER_RUN = 5_000;
/** Command ids named in the run's audit event; the count is always complete. */
const MAX_AUDITED_IDS = 100;

export interface ScreenshotPruning {
  /** screenshots whose rows were marked expired and whose files were deleted */
  expired: number;
  /** files no command names (a crash between the two steps, an interrupted save), deleted */
  orphansRemoved: number;
}

/**
 * Deletes screenshots past the retention. Rows first, files after: a row never names a missing file
 * because of this, and a file is deleted only once no kept row names it (one file per command). A
 * crash between the two leaves orphan files, which the sweep at the end of every run removes.
 */
export async function pruneScreenshots(db: Kysely<Database>, dataDir: string, now: number, retention: ScreenshotRetention = DEFAULT_SCREENSHOT_RETENTION): Promise<ScreenshotPruning> {
  const due = await screenshotsPastRetention(db, { keepPerScreen: retention.keepPerScreen, olderThan: now - retention.maxAgeMs, limit: MAX_EXPIRED_PER_RUN });
  const expired: string[] = [];
  if (due.length > 0) {
    await db.transaction().execute(async (trx) => {
      for (const row of due) if (await clearScreenshot(trx, row.id, row.screenshotSha256)) expired.push(row.id);
      if (expired.length === 0) return;
      // Screenshots are evidence of what a screen showed: their deletion is on the record too.
      await appendAuditEvent(trx, {
        at: now,
        actor: 'system',
        action: 'screen.screenshots-expired',
        target: 'screenshots',
        details: { count: expired.length, commandIds: expired.slice(0, MAX_AUDITED_IDS), keepPerScreen: retention.keepPerScreen, maxAgeDays: retention.maxAgeMs / DAY_MS },
      });
    });
  }
  for (const id of expired) await deleteScreenshot(dataDir, id);

  let orphansRemoved = 0;
  const old = (await screenshotFiles(dataDir)).filter((file) => file.modifiedAt < now - retention.orphanGraceMs);
  const named = await commandsWithScreenshots(db, old.flatMap((file) => (file.commandId === null ? [] : [file.commandId])));
  for (const file of old) {
    if (file.commandId !== null && named.has(file.commandId)) continue;
    if (await removeScreenshotFile(dataDir, file)) orphansRemoved++;
  }
  return { expired: expired.length, orphansRemoved };
}
