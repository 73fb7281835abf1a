// Entry search and withdrawal. A withdrawal republishes at once, so screens drop the entry
// within seconds.

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { WITHDRAWAL_REASONS } from '../../../../shared/lists/list-entry.ts';
import type { ControllerContext } from '../../context.ts';
import { currentUser, requirePermission } from '../../http/auth.ts';
import { parseInput } from '../../http/validation.ts';
import { searchEntries, withdrawEntry } from './service.ts';

const searchQuery = z.object({
  q: z.string().max(200).optional(),
  list: z.enum(['red', 'black']).optional(),
  status: z.enum(['pending', 'approved', 'rejected', 'withdrawn']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

// Operators type the reason as they say it; the Chinese terms map onto the stable codes.
const REASON_ALIASES: Record<string, (typeof WITHDRAWAL_REASONS)[number]> = { 信用修复: 'credit-repair', 异议成立: 'objection-upheld', 异议处理: 'objection-upheld', 错误: 'error', 数据错误: 'error' };

const withdrawBody = z.object({
  reason: z.string().transform((r) => REASON_ALIASES[r.trim()] ?? r.trim()).pipe(z.enum(WITHDRAWAL_REASONS)),
  note: z.string().max(2000).default(''),
});

export function registerEntryRoutes(app: FastifyInstance, ctx: ControllerContext): void {
  app.get('/api/v1/entries', { preHandler: requirePermission(ctx.db, 'entries.read', ctx.now) }, async (request) => {
    return searchEntries(ctx.db, parseInput(searchQuery, request.query, 'query'));
  });

  app.post('/api/v1/entries/:id/withdraw', { preHandler: requirePermission(ctx.db, 'entries.withdraw', ctx.now) }, async (request) => {
    const { id } = parseInput(z.object({ id: z.string().min(1).max(64) }), request.params, 'params');
    const body = parseInput(withdrawBody, request.body, 'body');
    await withdrawEntry(ctx.db, { entryId: id, reason: body.reason, note: body.note, actorId: currentUser(request).id, now: ctx.now() });
    const published = await ctx.publishAndAnnounce(`entry ${id} withdrawn`, { entryIds: [id] });
    return { id, status: 'withdrawn', listRevision: published.listRevision, manifestVersion: published.manifestVersion };
  });
}
