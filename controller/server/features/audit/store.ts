// Appends to and reads the audit log. Appends are serialised by SQLite's single writer; the
// caller passes a transaction when the event must commit together with the change it records.

import type { Kysely } from 'kysely';
import { containsText } from '../../store/like-pattern.ts';
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

export interface AuditEventFilter {
  limit: number;
  beforeSeq?: number;
  /** events by any of these exact actors, or whose actor contains `actorText` */
  actors?: readonly string[];
  actorText?: string;
  action?: string;
  /** epoch ms, inclusive */
  from?: number;
  /** epoch ms, exclusive */
  to?: number;
}

export async function listAuditEvents(db: Kysely<Database>, options: AuditEventFilter) {
  let query = db.selectFrom('auditEvents').selectAll().orderBy('seq', 'desc').limit(options.limit);
  if (options.beforeSeq !== undefined) query = query.where('seq', '<', options.beforeSeq);
  const { actors, actorText } = options;
  if (actors !== undefined || actorText !== undefined) {
    query = query.where((eb) => eb.or([
      ...(actors && actors.length > 0 ? [eb('actor', 'in', actors)] : []),
      ...(actorText !== undefined ? [containsText('actor', actorText)] : []),
    ]));
  }
  if (options.action !== undefined) query = query.where('action', '=', options.action);
  if (options.from !== undefined) query = query.where('at', '>=', options.from);
  if (options.to !== undefined) query = query.where('at', '<', options.to);
  return query.execute();
}

/** Every action the log holds, for the auditor's filter. */
export async function auditActions(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('auditEvents').select('action').distinct().orderBy('action').execute()).map((r) => r.action);
}
