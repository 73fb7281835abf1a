import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditEventHash, GENESIS_HASH, verifyAuditChain } from '../../../../controller/server/features/audit/audit-chain.ts';

function chain(n: number) {
  const events = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields = { seq, at: 1_000 + seq, actor: 'user:a', action: 'x', target: `t:${seq}`, detailsJson: '{}' };
    const hash = auditEventHash(prev, fields);
    events.push({ ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

describe('audit chain', () => {
  it('verifies an untouched chain and reports its head', () => {
    const events = chain(5);
    assert.deepEqual(verifyAuditChain(events), { ok: true, events: 5, headHash: events[4]!.hash });
  });

  it('names the first altered event', () => {
    const events = chain(5);
    events[2] = { ...events[2]!, actor: 'user:b' };
    const verdict = verifyAuditChain(events);
    assert.equal(verdict.ok, false);
    assert.equal(!verdict.ok && verdict.brokenAtSeq, 3);
  });

  it('notices a removed event even when the rest is rehashed consistently after it', () => {
    const events = chain(5);
    events.splice(1, 1);
    const verdict = verifyAuditChain(events);
    assert.equal(!verdict.ok && verdict.brokenAtSeq, 3);
  });
});

describe('audit log store', () => {
  it('keeps the chain intact when many events are appended at once', async (t) => {
    const { openStore } = await import('../../../../controller/server/store/database.ts');
    const { appendAuditEvent, verifyAuditLog } = await import('../../../../controller/server/features/audit/store.ts');
    const { tempDir } = await import('../../../support/temp-dir.ts');
    const { join } = await import('node:path');
    const store = await openStore(join(tempDir(t), 'a.sqlite'), 1);
    await Promise.all(Array.from({ length: 20 }, (_, i) => appendAuditEvent(store.db, { at: i, actor: 'user:a', action: 'x', target: `t:${i}` })));
    const verdict = await verifyAuditLog(store.db);
    await store.close();
    assert.deepEqual({ ok: verdict.ok, events: verdict.events }, { ok: true, events: 20 });
  });
});
