// Proof of play for auditors: what was shown on which screen, and when, filtered and paged; the
// totals per screen and content; and the same plays as a CSV file for Excel (`format=csv`).

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PLAY_CONTENT_ID_MAX } from '../../../../shared/protocol/proof-of-play.ts';
import type { ControllerContext } from '../../context.ts';
import { sendCsv } from '../../http/csv-export.ts';
import { requirePermission } from '../../http/auth.ts';
import { parseInput } from '../../http/validation.ts';
import { labelledPlayEvents, playEventCsvLines, playTotalsReport } from './play-report.ts';
import { assertPlayWindow } from './service.ts';

/** An instant as epoch milliseconds or ISO-8601 with an offset (a bare local time would be ambiguous). */
const instant = z.union([
  z.string().regex(/^\d{1,16}$/).transform(Number),
  z.iso.datetime({ offset: true }).transform((text) => Date.parse(text)),
]);

const filterQuery = z.object({
  screenId: z.string().min(1).max(64).optional(),
  contentId: z.string().min(1).max(PLAY_CONTENT_ID_MAX).optional(),
  from: instant.optional(),
  to: instant.optional(),
});

const listQuery = filterQuery.extend({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().min(1).max(100).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

export function registerProofOfPlayRoutes(app: FastifyInstance, ctx: ControllerContext): void {
  const canRead = requirePermission(ctx.db, 'proof-of-play.read', ctx.now);

  app.get('/api/v1/proof-of-play', { preHandler: canRead }, async (request, reply) => {
    const { format, limit, cursor, ...filter } = parseInput(listQuery, request.query, 'query');
    if (format === 'json') return labelledPlayEvents(ctx.db, { ...filter, limit, ...(cursor !== undefined ? { cursor } : {}) });
    // Checked before the first byte goes out: once streaming, an error can no longer be a 400.
    assertPlayWindow(filter);
    const day = new Date(ctx.now() + ctx.config.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
    return sendCsv(reply, `播放证明-proof-of-play-${day}.csv`, playEventCsvLines(ctx.db, filter, ctx.config.utcOffsetMinutes));
  });

  app.get('/api/v1/proof-of-play/summary', { preHandler: canRead }, async (request) => playTotalsReport(ctx.db, parseInput(filterQuery, request.query, 'query')));
}
