// An admin changes accounts over HTTP: roles and names, disabling (which ends sessions), password
// resets; each audited, and the last admin can neither be disabled nor lose the role.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiClient, startControllerHarness } from '../support/controller-harness.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('user accounts', () => {
  it('changes roles and names, disables and re-enables, resets passwords, and audits each change', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const admin = await h.as('admin');
    const operatorId = h.userIds.operator;

    const changed = await admin.request('PUT', `/api/v1/users/${operatorId}`, { displayName: '张操作', roles: ['operator', 'approver'] });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.deepEqual({ displayName: changed.body.displayName, roles: changed.body.roles, disabled: changed.body.disabled }, { displayName: '张操作', roles: ['operator', 'approver'], disabled: false });
    const listed = (await admin.request('GET', '/api/v1/users')).body.items.find((u: { id: string }) => u.id === operatorId);
    assert.deepEqual(listed.roles, ['operator', 'approver']);

    // Disabling ends the user's open sessions at once and refuses new logins.
    const operatorSession = await h.as('operator');
    assert.equal((await operatorSession.request('GET', '/api/v1/entries')).status, 200);
    assert.equal((await admin.request('PUT', `/api/v1/users/${operatorId}`, { disabled: true })).status, 200);
    assert.equal((await operatorSession.request('GET', '/api/v1/entries')).status, 401);
    assert.equal((await new ApiClient(h.url).login('operator')).status, 401);
    // A disabled account's password is not reset: enabling it is a decision of its own.
    const resetDisabled = await admin.request('POST', `/api/v1/users/${operatorId}/password`, { password: 'a-brand-new-password' });
    assert.equal(resetDisabled.status, 409);
    assert.equal(resetDisabled.body.code, 'users.disabled');
    assert.equal((await admin.request('PUT', `/api/v1/users/${operatorId}`, { disabled: false })).status, 200);

    // A reset ends old sessions; the new password works and the old one does not.
    const before = await h.as('operator');
    const reset = await admin.request('POST', `/api/v1/users/${operatorId}/password`, { password: 'a-brand-new-password' });
    assert.equal(reset.status, 200, JSON.stringify(reset.body));
    assert.equal((await before.request('GET', '/api/v1/entries')).status, 401);
    assert.equal((await new ApiClient(h.url).login('operator')).status, 401);
    assert.equal((await new ApiClient(h.url).login('operator', 'a-brand-new-password')).status, 200);
    const short = await admin.request('POST', `/api/v1/users/${operatorId}/password`, { password: 'short' });
    assert.equal(short.status, 400);
    assert.equal(short.body.details.issues[0].path, 'body.password');

    const auditor = await h.as('auditor');
    const events = (await auditor.request('GET', `/api/v1/audit/events?limit=50&action=user.update`)).body.items as Array<{ target: string; details: Record<string, unknown>; actorUser: { username: string } }>;
    assert.equal(events.length, 3);
    assert.ok(events.every((e) => e.target === `user:${operatorId}` && e.actorUser.username === 'admin'));
    assert.deepEqual(events.at(-1)?.details.roles, { from: ['operator'], to: ['operator', 'approver'] });
    assert.deepEqual(events.at(-1)?.details.displayName, { from: 'operator', to: '张操作' });
    assert.equal((await auditor.request('GET', '/api/v1/audit/events?action=user.password-reset')).body.items.length, 1);

    const unknown = await admin.request('PUT', '/api/v1/users/nobody', { disabled: true });
    assert.equal(unknown.status, 404);
    const empty = await admin.request('PUT', `/api/v1/users/${operatorId}`, {});
    assert.equal(empty.status, 400);
    const noRoles = await admin.request('PUT', `/api/v1/users/${operatorId}`, { roles: [] });
    assert.equal(noRoles.body.details.issues[0].path, 'body.roles');
  });

  it('keeps at least one active admin, and an admin cannot disable themselves', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const admin = await h.as('admin');
    const self = await admin.request('PUT', `/api/v1/users/${h.userIds.admin}`, { disabled: true });
    assert.equal(self.status, 409);
    assert.equal(self.body.code, 'users.disable-self');
    const demote = await admin.request('PUT', `/api/v1/users/${h.userIds.admin}`, { roles: ['auditor'] });
    assert.equal(demote.status, 409);
    assert.equal(demote.body.code, 'users.last-admin');

    // With a second admin, the first may give up the role.
    const second = await admin.request('POST', '/api/v1/users', { username: 'admin2', displayName: '第二管理员', password: 'a-long-enough-password', roles: ['admin'] });
    assert.equal(second.status, 201);
    assert.equal((await admin.request('PUT', `/api/v1/users/${h.userIds.admin}`, { roles: ['auditor'] })).status, 200);
    // The first admin's session now carries only the auditor role.
    assert.equal((await admin.request('GET', '/api/v1/users')).status, 403);
  });
});
