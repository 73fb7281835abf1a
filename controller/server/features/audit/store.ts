// Appends to and reads the audit log. Appends are serialised by SQLite's single writer; the
// caller passes a transaction when the event must commit together with the change it records.

import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { auditEventHash, GENESIS_HASH, verifyAuditChain, type ChainVerdict } from './audit-chain.ts';

export interface AuditEventInput {
  at: number;
  actor: string;
  action: string;
  target: string;
  details?: unknown;
}

/**
 * Appends one event. Reading the chain head and inserting must not interleave with another
 * append, so outside a caller's transaction this opens its own.
 */
export async function appendAuditEvent(db: Kysely<Database>, input: AuditEventInput): Promise<number> {
  if (!db.isTransaction) return db.transaction().execute((trx) => appendInTransaction(trx, input));
  return appendInTransaction(db, input);
}

async function appendInTransaction(db: Kysely<Database>, input: AuditEventInput): Promise<number> {
  const last = await db.selectFrom('auditEvents').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const detailsJson = JSON.stringify(input.details ?? {});
  const hash = auditEventHash(prevHash, { seq, at: input.at, actor: input.actor, action: input.action, target: input.target, detailsJson });
  await db.insertInto('auditEvents').values({ seq, at: input.at, actor: input.actor, action: input.action, target: input.target, detailsJson, prevHash, hash }).execute();
  return seq;
}

export async function verifyAuditLog(db: Kysely<Database>): Promise<ChainVerdict> {
  const rows = await db.selectFrom('auditEvents').selectAll().orderBy('seq', 'asc').execute();
  return verifyAuditChain(rows);
}

export async function listAuditEvents(db: Kysely<Database>, options: { limit: number; beforeSeq?: number }) {
  let query = db.selectFrom('auditEvents').selectAll().orderBy('seq', 'desc').limit(options.limit);
  if (options.beforeSeq !== undefined) query = query.where('seq', '<', options.beforeSeq);
  return query.execute();
}
