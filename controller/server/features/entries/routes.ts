// Entry search, one entry with its history, the current list as a download, and withdrawal. A
// withdrawal republishes at once, so screens drop the entry within seconds.

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { calendarDateAt } from '../../../../shared/dates/calendar-date.ts';
import { ENTRY_STATUSES, LIST_KINDS, WITHDRAWAL_REASONS } from '../../../../shared/lists/list-entry.ts';
import { regionPrefixSchema } from '../../../../shared/lists/region.ts';
import type { ControllerContext } from '../../context.ts';
import { currentUser, requirePermission } from '../../http/auth.ts';
import { parseInput } from '../../http/validation.ts';
import { appendAuditEvent } from '../audit/store.ts';
import { sendCsv } from '../../http/csv-export.ts';
import { csvExportLines, EXPORT_FORMATS, exportFileName, XLSX_MEDIA_TYPE, xlsxExport } from './export.ts';
import { MAX_RESULT_WINDOW, SORT_KEYS } from './search-plan.ts';
import { entryDetail, searchEntries, withdrawEntry } from './service.ts';

/** An empty parameter (`?category=`) is the console's "any", not a search for the empty string. */
const blankAsAbsent = (value: unknown): unknown => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsAbsent, schema.optional());

const searchQuery = z
  .object({
    q: z.string().max(200).optional(),
    list: optional(z.enum(LIST_KINDS)),
    status: optional(z.enum(ENTRY_STATUSES)),
    category: optional(z.string().trim().min(1).max(100)),
    region: optional(regionPrefixSchema),
    expiringWithinDays: optional(z.coerce.number().int().min(0).max(3650)),
    sort: z.preprocess(blankAsAbsent, z.enum(SORT_KEYS).default('createdAt')),
    order: optional(z.enum(['asc', 'desc'])),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .superRefine((query, ctx) => {
    if (query.offset + query.limit > MAX_RESULT_WINDOW) {
      ctx.addIssue({ code: 'custom', path: ['offset'], message: `offset + limit 不能超过 ${MAX_RESULT_WINDOW}，请缩小搜索范围 (offset + limit may be at most ${MAX_RESULT_WINDOW}: narrow the search)` });
    }
  });

const exportQuery = z.object({
  list: z.enum(LIST_KINDS),
  format: z.preprocess(blankAsAbsent, z.enum(EXPORT_FORMATS).default('csv')),
});

const idParams = z.object({ id: z.string().min(1).max(64) });

// Operators type the reason as they say it; the Chinese terms map onto the stable codes.
const REASON_ALIASES: Record<string, (typeof WITHDRAWAL_REASONS)[number]> = { 信用修复: 'credit-repair', 异议成立: 'objection-upheld', 异议处理: 'objection-upheld', 错误: 'error', 数据错误: 'error' };

const withdrawBody = z.object({
  reason: z.string().transform((r) => REASON_ALIASES[r.trim()] ?? r.trim()).pipe(z.enum(WITHDRAWAL_REASONS)),
  note: z.string().max(2000).default(''),
});

export function registerEntryRoutes(app: FastifyInstance, ctx: ControllerContext): void {
  const canRead = requirePermission(ctx.db, 'entries.read', ctx.now);
  const today = (): string => calendarDateAt(ctx.now(), ctx.config.utcOffsetMinutes);

  app.get('/api/v1/entries', { preHandler: canRead }, async (request) => {
    return searchEntries(ctx.store, parseInput(searchQuery, request.query, 'query'), today());
  });

  // The list as it stands: approved and in force today, every entry in full (ID numbers unmasked:
  // the file is for staff, and it must import back). Who downloaded what is audited.
  app.get('/api/v1/entries/export', { preHandler: canRead }, async (request, reply) => {
    const { list, format } = parseInput(exportQuery, request.query, 'query');
    const date = today();
    const fileName = exportFileName(list, date, format);
    await appendAuditEvent(ctx.db, { at: ctx.now(), actor: `user:${currentUser(request).id}`, action: 'entry.export', target: `list:${list}`, details: { format, validOn: date } });
    if (format === 'csv') return sendCsv(reply, fileName, csvExportLines(ctx.db, list, date));
    void reply
      .type(XLSX_MEDIA_TYPE)
      .header('content-disposition', `attachment; filename="${list}-${date}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .header('cache-control', 'no-store');
    return reply.send(xlsxExport(ctx.db, list, date));
  });

  app.get('/api/v1/entries/:id', { preHandler: canRead }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'params');
    return entryDetail(ctx.db, id);
  });

  app.post('/api/v1/entries/:id/withdraw', { preHandler: requirePermission(ctx.db, 'entries.withdraw', ctx.now) }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'params');
    const body = parseInput(withdrawBody, request.body, 'body');
    await withdrawEntry(ctx.db, { entryId: id, reason: body.reason, note: body.note, actorId: currentUser(request).id, now: ctx.now() });
    const published = await ctx.publishAndAnnounce(`entry ${id} withdrawn`, { entryIds: [id] });
    return { id, status: 'withdrawn', listRevision: published.listRevision, manifestVersion: published.manifestVersion };
  });
}
