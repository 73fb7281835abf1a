// The audit log for auditors: recent events and the chain verification result.

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ControllerContext } from '../../context.ts';
import { requirePermission } from '../../http/auth.ts';
import { parseInput } from '../../http/validation.ts';
import { listAuditEvents, verifyAuditLog } from './store.ts';

const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100), beforeSeq: z.coerce.number().int().positive().optional() });

export function registerAuditRoutes(app: FastifyInstance, ctx: ControllerContext): void {
  const canRead = requirePermission(ctx.db, 'audit.read', ctx.now);
  app.get('/api/v1/audit/events', { preHandler: canRead }, async (request) => {
    const query = parseInput(listQuery, request.query, 'query');
    const rows = await listAuditEvents(ctx.db, query);
    return { items: rows.map(({ detailsJson, ...row }) => ({ ...row, details: JSON.parse(detailsJson) as unknown })) };
  });
  app.get('/api/v1/audit/verify', { preHandler: canRead }, async () => verifyAuditLog(ctx.db));
}
