// Withdrawn entries, newest withdrawal first, for the auditors' takedown report: found by name or
// code and by when they were withdrawn.

import type { Kysely } from 'kysely';
import { containsText } from '../../store/like-pattern.ts';
import type { Database, EntriesTable } from '../../store/schema.ts';

export interface WithdrawalSearch {
  q?: string;
  /** withdrawn at or after (epoch ms) */
  from?: number;
  /** withdrawn before (epoch ms) */
  to?: number;
  limit: number;
  offset: number;
}

const COLUMNS = ['id', 'list', 'category', 'subjectType', 'subjectName', 'creditCode', 'idNumber', 'withdrawnAt', 'withdrawnBy', 'withdrawalReason', 'withdrawalNote'] as const;

/** A withdrawn entry; `withdrawnAt` is always set on one. */
export type WithdrawalRow = Omit<Pick<EntriesTable, (typeof COLUMNS)[number]>, 'withdrawnAt'> & { withdrawnAt: number };

function withdrawnQuery(db: Kysely<Database>, search: Omit<WithdrawalSearch, 'limit' | 'offset'>) {
  let query = db.selectFrom('entries').where('status', '=', 'withdrawn').where('withdrawnAt', 'is not', null);
  const text = search.q?.trim();
  if (text) query = query.where((eb) => eb.or([containsText('subjectName', text), containsText('creditCode', text), containsText('idNumber', text), eb('id', '=', text)]));
  if (search.from !== undefined) query = query.where('withdrawnAt', '>=', search.from);
  if (search.to !== undefined) query = query.where('withdrawnAt', '<', search.to);
  return query;
}

export async function searchWithdrawals(db: Kysely<Database>, search: WithdrawalSearch): Promise<{ total: number; items: WithdrawalRow[] }> {
  const query = withdrawnQuery(db, search);
  const [rows, total] = await Promise.all([
    query.select(COLUMNS).orderBy('withdrawnAt', 'desc').orderBy('id').limit(search.limit).offset(search.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(total.n), items: rows.map((r) => ({ ...r, withdrawnAt: r.withdrawnAt ?? 0 })) };
}

export async function withdrawalOf(db: Kysely<Database>, entryId: string): Promise<WithdrawalRow | null> {
  const row = await db.selectFrom('entries').select(COLUMNS).where('id', '=', entryId).where('status', '=', 'withdrawn').executeTakeFirst();
  return row && row.withdrawnAt !== null ? { ...row, withdrawnAt: row.withdrawnAt } : null;
}
