// The hash chain of the audit log: each event's hash covers the previous event's hash, so a row
// edited, removed or reordered afterwards breaks every link after it. Pure.

import { canonicalJson } from '../../../../shared/canonical-json.ts';
import { sha256Hex } from '../../../../shared/signing/hashing.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEventFields {
  seq: number;
  at: number;
  actor: string;
  action: string;
  target: string;
  detailsJson: string;
}

export function auditEventHash(prevHash: string, event: AuditEventFields): string {
  return sha256Hex(prevHash + canonicalJson({ seq: event.seq, at: event.at, actor: event.actor, action: event.action, target: event.target, details: event.detailsJson }));
}

export type ChainVerdict = { ok: true; events: number; headHash: string } | { ok: false; events: number; brokenAtSeq: number; reason: string };

export function verifyAuditChain(events: Iterable<AuditEventFields & { prevHash: string; hash: string }>): ChainVerdict {
  let prev = GENESIS_HASH;
  let count = 0;
  let expectedSeq: number | null = null;
  for (const event of events) {
    count += 1;
    if (expectedSeq !== null && event.seq !== expectedSeq) {
      return { ok: false, events: count, brokenAtSeq: event.seq, reason: `sequence jumps from ${expectedSeq - 1} to ${event.seq}: an event was removed` };
    }
    if (event.prevHash !== prev) return { ok: false, events: count, brokenAtSeq: event.seq, reason: 'prev_hash does not match the hash of the event before it' };
    if (auditEventHash(prev, event) !== event.hash) return { ok: false, events: count, brokenAtSeq: event.seq, reason: 'the event was altered after it was written' };
    prev = event.hash;
    expectedSeq = event.seq + 1;
  }
  return { ok: true, events: count, headHash: prev };
}
