// Review of change sets: approve (which makes its entries publishable) or reject, always by
// someone other than the submitter, and with checksum warnings explicitly confirmed.

import { sql, type Kysely } from 'kysely';
import { AppError, notFound } from '../../errors.ts';
import type { Database } from '../../store/schema.ts';
import { appendAuditEvent } from '../audit/store.ts';

export interface ReviewInput {
  changeSetId: string;
  reviewerId: string;
  comment: string;
  /** the reviewer saw the warnings (e.g. credit-code checksum mismatches) and accepts them */
  confirmWarnings: boolean;
  now: number;
  /** the controller's calendar date, to tell live entries from expired ones */
  today: string;
}

export async function approveChangeSet(db: Kysely<Database>, input: ReviewInput): Promise<{ approvedEntries: number }> {
  return db.transaction().execute(async (trx) => {
    const changeSet = await pendingChangeSet(trx, input.changeSetId, input.reviewerId);
    if (changeSet.warningCount > 0 && !input.confirmWarnings) {
      const warned = await trx.selectFrom('entries').select(['id', 'sourceLine', 'subjectName', 'warningsJson']).where('changeSetId', '=', input.changeSetId).where('warningsJson', 'is not', null).limit(100).execute();
      throw new AppError('change-sets.warnings-unconfirmed', `该变更集有 ${changeSet.warningCount} 条警告需确认后才能批准 (confirm the warnings to approve)`, {
        warnings: warned.map((w) => ({ entryId: w.id, line: w.sourceLine, name: w.subjectName, warnings: JSON.parse(w.warningsJson ?? '[]') as unknown })),
      }, 409);
    }
    // Another change set for the same subject may have been approved since this one was imported.
    const duplicates = await sql<{ id: string; sourceLine: number | null; subjectName: string }>`
      SELECT e.id, e.source_line AS "sourceLine", e.subject_name AS "subjectName" FROM entries e
      WHERE e.change_set_id = ${input.changeSetId} AND e.status = 'pending' AND EXISTS (
        SELECT 1 FROM entries o WHERE o.subject_key = e.subject_key AND o.status = 'approved' AND o.valid_until >= ${input.today})
      LIMIT 100`.execute(trx);
    if (duplicates.rows.length > 0) {
      throw new AppError('change-sets.duplicates-live', `有 ${duplicates.rows.length} 条与已发布条目重复，请驳回后重新导入 (entries duplicate live ones: reject and re-import)`, {
        duplicates: duplicates.rows.map((d) => ({ entryId: d.id, line: d.sourceLine, name: d.subjectName })),
      }, 409);
    }
    const result = await trx.updateTable('entries').set({ status: 'approved', approvedAt: input.now }).where('changeSetId', '=', input.changeSetId).where('status', '=', 'pending').executeTakeFirst();
    await trx.updateTable('changeSets').set({ status: 'approved', reviewedBy: input.reviewerId, reviewedAt: input.now, reviewComment: input.comment }).where('id', '=', input.changeSetId).execute();
    const approvedEntries = Number(result.numUpdatedRows);
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.reviewerId}`, action: 'change-set.approve', target: `change-set:${input.changeSetId}`, details: { comment: input.comment, approvedEntries, confirmedWarnings: changeSet.warningCount } });
    return { approvedEntries };
  });
}

export async function rejectChangeSet(db: Kysely<Database>, input: Omit<ReviewInput, 'confirmWarnings' | 'today'>): Promise<void> {
  if (input.comment.trim() === '') throw new AppError('change-sets.comment-required', '驳回时必须填写意见 (a rejection needs a comment)');
  await db.transaction().execute(async (trx) => {
    await pendingChangeSet(trx, input.changeSetId, input.reviewerId);
    await trx.updateTable('entries').set({ status: 'rejected' }).where('changeSetId', '=', input.changeSetId).where('status', '=', 'pending').execute();
    await trx.updateTable('changeSets').set({ status: 'rejected', reviewedBy: input.reviewerId, reviewedAt: input.now, reviewComment: input.comment }).where('id', '=', input.changeSetId).execute();
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.reviewerId}`, action: 'change-set.reject', target: `change-set:${input.changeSetId}`, details: { comment: input.comment } });
  });
}

async function pendingChangeSet(db: Kysely<Database>, id: string, reviewerId: string) {
  const changeSet = await db.selectFrom('changeSets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!changeSet) throw notFound('change-set', id);
  if (changeSet.status !== 'pending') throw new AppError('change-sets.not-pending', `变更集已处理 (already ${changeSet.status})`, { status: changeSet.status }, 409);
  // Four-eyes rule: the server refuses self-approval whatever the console shows.
  if (changeSet.submittedBy === reviewerId) throw new AppError('review.own-change', '不能审核自己提交的变更 (you cannot approve your own change)', null, 403);
  return changeSet;
}

export async function listChangeSets(db: Kysely<Database>, options: { status?: string; limit: number }) {
  let query = db.selectFrom('changeSets').select(['id', 'kind', 'list', 'category', 'sourceName', 'submittedBy', 'submittedAt', 'status', 'reviewedBy', 'reviewedAt', 'reviewComment', 'rowCount', 'acceptedCount', 'rejectedCount', 'warningCount']).orderBy('submittedAt', 'desc').limit(options.limit);
  if (options.status) query = query.where('status', '=', options.status as 'pending');
  return query.execute();
}

export async function getChangeSet(db: Kysely<Database>, id: string) {
  const row = await db.selectFrom('changeSets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('change-set', id);
  const { reportJson, ...rest } = row;
  return { ...rest, report: JSON.parse(reportJson) as unknown };
}
