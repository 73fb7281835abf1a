// Searching list entries and withdrawing them (信用修复, objection upheld, error). A withdrawal
// takes effect on screens through the next publish, which the caller triggers at once.

import { sql, type Kysely } from 'kysely';
import type { WithdrawalReason } from '../../../../shared/lists/list-entry.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Database } from '../../store/schema.ts';
import { appendAuditEvent } from '../audit/store.ts';

export interface EntrySearch {
  q?: string;
  list?: 'red' | 'black';
  status?: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  limit: number;
  offset: number;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function searchEntries(db: Kysely<Database>, search: EntrySearch) {
  let query = db.selectFrom('entries');
  if (search.q) {
    const pattern = likePattern(search.q.trim());
    query = query.where((eb) => eb.or([
      sql<boolean>`subject_name LIKE ${pattern} ESCAPE '\\'`,
      sql<boolean>`credit_code LIKE ${pattern} ESCAPE '\\'`,
      sql<boolean>`id_number LIKE ${pattern} ESCAPE '\\'`,
    ]));
  }
  if (search.list) query = query.where('list', '=', search.list);
  if (search.status) query = query.where('status', '=', search.status);
  const [items, total] = await Promise.all([
    query.selectAll().orderBy('createdAt', 'desc').orderBy('id').limit(search.limit).offset(search.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(total.n), items: items.map(({ warningsJson, ...rest }) => ({ ...rest, warnings: JSON.parse(warningsJson ?? '[]') as unknown })) };
}

export async function withdrawEntry(db: Kysely<Database>, input: { entryId: string; reason: WithdrawalReason; note: string; actorId: string; now: number }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const entry = await trx.selectFrom('entries').select(['id', 'status']).where('id', '=', input.entryId).executeTakeFirst();
    if (!entry) throw notFound('entry', input.entryId);
    if (entry.status === 'withdrawn') throw new AppError('entries.already-withdrawn', '该条目已撤下 (already withdrawn)', null, 409);
    await trx.updateTable('entries').set({ status: 'withdrawn', withdrawnAt: input.now, withdrawnBy: input.actorId, withdrawalReason: input.reason, withdrawalNote: input.note }).where('id', '=', input.entryId).execute();
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.actorId}`, action: 'entry.withdraw', target: `entry:${input.entryId}`, details: { reason: input.reason, note: input.note, previousStatus: entry.status } });
  });
}
