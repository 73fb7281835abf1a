// The audit log for auditors: events filtered by actor, action and time, the actions it holds, and
// the chain verification result.

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ControllerContext } from '../../context.ts';
import { requirePermission } from '../../http/auth.ts';
import { parseInput } from '../../http/validation.ts';
import { actorsMatching, usersByActor } from './actor-names.ts';
import { auditActions, listAuditEvents, verifyAuditLog } from './store.ts';

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  beforeSeq: z.coerce.number().int().positive().optional(),
  /** part of a username, display name or raw actor (`screen:…`, `anonymous`) */
  actor: z.string().trim().min(1).max(100).optional(),
  action: z.string().trim().min(1).max(100).optional(),
  /** epoch ms: from inclusive, to exclusive */
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
});

export function registerAuditRoutes(app: FastifyInstance, ctx: ControllerContext): void {
  const canRead = requirePermission(ctx.db, 'audit.read', ctx.now);
  app.get('/api/v1/audit/events', { preHandler: canRead }, async (request) => {
    const { actor, ...query } = parseInput(listQuery, request.query, 'query');
    const users = await usersByActor(ctx.db);
    const rows = await listAuditEvents(ctx.db, { ...query, ...(actor !== undefined ? { actors: actorsMatching(users, actor), actorText: actor } : {}) });
    return {
      items: rows.map(({ detailsJson, ...row }) => ({ ...row, actorUser: users.get(row.actor) ?? null, targetUser: users.get(row.target) ?? null, details: JSON.parse(detailsJson) as unknown })),
      nextBeforeSeq: rows.length === query.limit ? (rows.at(-1)?.seq ?? null) : null,
    };
  });
  app.get('/api/v1/audit/actions', { preHandler: canRead }, async () => ({ items: await auditActions(ctx.db) }));
  app.get('/api/v1/audit/verify', { preHandler: canRead }, async () => verifyAuditLog(ctx.db));
}
