// Reports for auditors: the takedown report (withdrawn entries, the publish that took each off the
// screens, and each screen's ack), and the recorder that keeps the screens' ack times for it.

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ControllerContext } from '../../context.ts';
import { requirePermission } from '../../http/auth.ts';
import { parseInput } from '../../http/validation.ts';
import { startAckRecorder, type AckRecorder } from './ack-recorder.ts';
import { listTakedowns, takedownDetail } from './takedown-report.ts';

/** A page of withdrawals: each row costs a look at the fleet's revisions, so pages stay small. */
export const MAX_TAKEDOWNS_PAGE = 100;

const listQuery = z.object({
  q: z.string().trim().max(200).optional(),
  /** withdrawn at or after / before, epoch ms */
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(MAX_TAKEDOWNS_PAGE).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
const entryParams = z.object({ entryId: z.string().min(1).max(64) });

export function registerReportRoutes(app: FastifyInstance, ctx: ControllerContext): void {
  const canRead = requirePermission(ctx.db, 'audit.read', ctx.now);

  app.get('/api/v1/reports/takedowns', { preHandler: canRead }, async (request) => {
    const query = parseInput(listQuery, request.query, 'query');
    return listTakedowns(ctx.db, query, ctx.hub.connectedScreenIds());
  });

  app.get('/api/v1/reports/takedowns/:entryId', { preHandler: canRead }, async (request) => {
    const { entryId } = parseInput(entryParams, request.params, 'params');
    return takedownDetail(ctx.db, entryId, ctx.hub.connectedScreenIds());
  });

  // The hub exists only once the controller is listening (see controller.ts), hence onReady.
  let recorder: AckRecorder | null = null;
  app.addHook('onReady', async () => {
    recorder = startAckRecorder({ db: ctx.db, events: ctx.hub.events, now: ctx.now, logger: ctx.logger.child({ module: 'ack-recorder' }) });
  });
  app.addHook('onClose', async () => {
    await recorder?.stop();
  });
}
