// The auditor's audit log over HTTP: filtered by who, what and when, paged, with people named and
// the actions the log holds listed for the filter.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startControllerHarness } from '../support/controller-harness.ts';
import { tempDir } from '../support/temp-dir.ts';

interface EventBody {
  seq: number;
  at: number;
  actor: string;
  action: string;
  target: string;
  actorUser: { username: string; displayName: string } | null;
  targetUser: { username: string } | null;
}

describe('audit log', () => {
  it('filters events by actor, action and time, pages them, and names users', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const admin = await h.as('admin');
    const created = await admin.request('POST', '/api/v1/users', { username: 'auditor2', displayName: '审计员乙', password: 'a-long-enough-password', roles: ['auditor'] });
    assert.equal(created.status, 201);
    const afterCreate = Date.now() + 1;
    await h.as('operator');
    const auditor = await h.as('auditor');

    const byAdmin = (await auditor.request('GET', '/api/v1/audit/events?actor=ADM')).body.items as EventBody[];
    assert.ok(byAdmin.length >= 2);
    assert.ok(byAdmin.every((e) => e.actor === `user:${h.userIds.admin}` && e.actorUser?.username === 'admin'), JSON.stringify(byAdmin));
    const creation = (await auditor.request('GET', '/api/v1/audit/events?action=user.create&actor=admin')).body.items as EventBody[];
    assert.deepEqual(creation.map((e) => e.targetUser?.username), ['auditor2']);
    // Actors that are not users (the harness seeds users as `test`) are found by their raw name.
    assert.ok(((await auditor.request('GET', '/api/v1/audit/events?actor=test&action=user.create')).body.items as EventBody[]).length >= 6);

    const late = (await auditor.request('GET', `/api/v1/audit/events?from=${afterCreate}`)).body.items as EventBody[];
    assert.ok(late.length >= 2 && late.every((e) => e.at >= afterCreate && e.action === 'auth.login'));
    const early = (await auditor.request('GET', `/api/v1/audit/events?to=${afterCreate}&action=auth.login`)).body.items as EventBody[];
    assert.ok(early.every((e) => e.at < afterCreate));

    const first = await auditor.request('GET', '/api/v1/audit/events?limit=2');
    assert.equal(first.body.items.length, 2);
    const next = await auditor.request('GET', `/api/v1/audit/events?limit=2&beforeSeq=${first.body.nextBeforeSeq}`);
    assert.ok(next.body.items.every((e: EventBody) => e.seq < first.body.items[1].seq));
    const all = await auditor.request('GET', '/api/v1/audit/events?limit=1000');
    assert.equal(all.body.nextBeforeSeq, null, 'no page after the last');

    const actions = (await auditor.request('GET', '/api/v1/audit/actions')).body.items as string[];
    assert.deepEqual(actions, [...new Set(all.body.items.map((e: EventBody) => e.action))].sort());
    assert.deepEqual((await auditor.request('GET', '/api/v1/audit/verify')).body.ok, true);
  });
});
