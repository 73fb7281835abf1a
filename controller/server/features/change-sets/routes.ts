// Review routes: list and read change sets, approve or reject them. Approval publishes.

import type { FastifyInstance } from 'fastify';
import { calendarDateAt } from '../../../../shared/dates/calendar-date.ts';
import { z } from 'zod';
import type { ControllerContext } from '../../context.ts';
import { currentUser, requirePermission } from '../../http/auth.ts';
import { parseInput } from '../../http/validation.ts';
import { displayNamesOf } from '../users/display-names.ts';
import { REVIEW_SECTIONS, changeSetReviewRows } from './review-rows.ts';
import { approveChangeSet, getChangeSet, listChangeSets, rejectChangeSet } from './service.ts';

const idParams = z.object({ id: z.string().min(1).max(64) });
const approveBody = z.object({ comment: z.string().max(2000).default(''), confirmWarnings: z.boolean().default(false) });
const rejectBody = z.object({ comment: z.string().min(1).max(2000) });
const listQuery = z.object({ status: z.enum(['pending', 'approved', 'rejected']).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });
const rowsQuery = z.object({ section: z.enum(REVIEW_SECTIONS).default('all'), offset: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(500).default(50) });

/** Adds who submitted and who reviewed, by name, for people to read. */
async function withNames<T extends { submittedBy: string; reviewedBy: string | null }>(db: ControllerContext['db'], changeSets: T[]) {
  const names = await displayNamesOf(db, changeSets.flatMap((c) => [c.submittedBy, c.reviewedBy]));
  return changeSets.map((c) => ({ ...c, submittedByName: names.get(c.submittedBy) ?? null, reviewedByName: c.reviewedBy === null ? null : (names.get(c.reviewedBy) ?? null) }));
}

export function registerChangeSetRoutes(app: FastifyInstance, ctx: ControllerContext): void {
  const canRead = requirePermission(ctx.db, 'change-sets.read', ctx.now);
  const canReview = requirePermission(ctx.db, 'change-sets.review', ctx.now);

  app.get('/api/v1/change-sets', { preHandler: canRead }, async (request) => {
    const query = parseInput(listQuery, request.query, 'query');
    return { items: await withNames(ctx.db, await listChangeSets(ctx.db, query)) };
  });

  app.get('/api/v1/change-sets/:id', { preHandler: canRead }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'params');
    const [changeSet] = await withNames(ctx.db, [await getChangeSet(ctx.db, id)]);
    return changeSet;
  });

  // The review diff, one section and page at a time: a change set may hold 100,000 entries.
  app.get('/api/v1/change-sets/:id/entries', { preHandler: canRead }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'params');
    const query = parseInput(rowsQuery, request.query, 'query');
    return changeSetReviewRows(ctx.db, { changeSetId: id, ...query });
  });

  app.post('/api/v1/change-sets/:id/approve', { preHandler: canReview }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'params');
    const body = parseInput(approveBody, request.body ?? {}, 'body');
    const now = ctx.now();
    const { approvedEntries } = await approveChangeSet(ctx.db, { changeSetId: id, reviewerId: currentUser(request).id, comment: body.comment, confirmWarnings: body.confirmWarnings, now, today: calendarDateAt(now, ctx.config.utcOffsetMinutes) });
    const published = await ctx.publishAndAnnounce(`change-set ${id} approved`, { changeSetId: id });
    return { id, status: 'approved', approvedEntries, manifestVersion: published.manifestVersion, listRevision: published.listRevision };
  });

  app.post('/api/v1/change-sets/:id/reject', { preHandler: canReview }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'params');
    const body = parseInput(rejectBody, request.body, 'body');
    await rejectChangeSet(ctx.db, { changeSetId: id, reviewerId: currentUser(request).id, comment: body.comment, now: ctx.now() });
    return { id, status: 'rejected' };
  });
}
