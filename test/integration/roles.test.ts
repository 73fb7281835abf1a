// Every protected route, called by every role: the server's answer must follow the role table.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PERMISSIONS, ROLES, type Permission } from '../../shared/auth/roles.ts';
import { ApiClient, startControllerHarness } from '../support/controller-harness.ts';
import { tempDir } from '../support/temp-dir.ts';

const ROUTES: Array<{ method: string; path: string; permission: Permission; body?: unknown; upload?: boolean }> = [
  { method: 'GET', path: '/api/v1/entries', permission: 'entries.read' },
  { method: 'GET', path: '/api/v1/entries/none', permission: 'entries.read' },
  // An unknown list: the roles that may export get a JSON 400 rather than a file.
  { method: 'GET', path: '/api/v1/entries/export?list=purple', permission: 'entries.read' },
  { method: 'POST', path: '/api/v1/imports?list=red', permission: 'entries.import', upload: true },
  { method: 'POST', path: '/api/v1/imports/preview?list=red', permission: 'entries.import', upload: true },
  { method: 'POST', path: '/api/v1/entries/none/withdraw', permission: 'entries.withdraw', body: { reason: 'error' } },
  { method: 'GET', path: '/api/v1/change-sets', permission: 'change-sets.read' },
  { method: 'GET', path: '/api/v1/change-sets/none', permission: 'change-sets.read' },
  { method: 'POST', path: '/api/v1/change-sets/none/approve', permission: 'change-sets.review', body: { comment: '' } },
  { method: 'POST', path: '/api/v1/change-sets/none/reject', permission: 'change-sets.review', body: { comment: 'no' } },
  { method: 'GET', path: '/api/v1/change-sets/none/entries', permission: 'change-sets.read' },
  { method: 'GET', path: '/api/v1/reviews/queue', permission: 'change-sets.read' },
  { method: 'GET', path: '/api/v1/content', permission: 'change-sets.read' },
  { method: 'GET', path: '/api/v1/content/none/file', permission: 'change-sets.read' },
  { method: 'POST', path: '/api/v1/content/slides', permission: 'entries.import', body: { title: '标题', body: '正文', theme: 'integrity' } },
  { method: 'POST', path: '/api/v1/content/media?title=x', permission: 'entries.import', upload: true },
  { method: 'POST', path: '/api/v1/content/none/approve', permission: 'change-sets.review', body: {} },
  { method: 'POST', path: '/api/v1/content/none/retire', permission: 'entries.import', body: {} },
  { method: 'POST', path: '/api/v1/content/tickers', permission: 'entries.import', body: { text: '诚信' } },
  { method: 'POST', path: '/api/v1/content/list-views', permission: 'entries.import', body: { title: '名单', list: 'black' } },
  { method: 'GET', path: '/api/v1/playlists', permission: 'programme.read' },
  { method: 'POST', path: '/api/v1/playlists', permission: 'programme.edit', body: { name: 'x', items: [{ contentId: 'list-red', durationSeconds: 10 }] } },
  { method: 'PUT', path: '/api/v1/playlists/none', permission: 'programme.edit', body: { name: 'x', items: [{ contentId: 'list-red', durationSeconds: 10 }] } },
  { method: 'POST', path: '/api/v1/playlists/none/approve', permission: 'programme.review', body: {} },
  { method: 'POST', path: '/api/v1/playlists/none/reject', permission: 'programme.review', body: { comment: 'no' } },
  { method: 'POST', path: '/api/v1/playlists/none/retire', permission: 'programme.edit', body: {} },
  { method: 'GET', path: '/api/v1/schedules', permission: 'programme.read' },
  { method: 'POST', path: '/api/v1/schedules', permission: 'programme.edit', body: { name: 'x' } },
  { method: 'PUT', path: '/api/v1/schedules/none', permission: 'programme.edit', body: { name: 'x' } },
  { method: 'POST', path: '/api/v1/schedules/none/approve', permission: 'programme.review', body: {} },
  { method: 'POST', path: '/api/v1/schedules/none/reject', permission: 'programme.review', body: { comment: 'no' } },
  { method: 'POST', path: '/api/v1/schedules/none/retire', permission: 'programme.edit', body: {} },
  { method: 'PUT', path: '/api/v1/programme/default-playlist', permission: 'programme.review', body: { playlistId: null } },
  { method: 'PUT', path: '/api/v1/screens/none/time-zone', permission: 'screens.configure', body: { timeZone: null } },
  { method: 'GET', path: '/api/v1/screens/none/programme', permission: 'programme.read' },
  { method: 'GET', path: '/api/v1/programme/screens', permission: 'programme.read' },
  { method: 'GET', path: '/api/v1/screens', permission: 'screens.read' },
  { method: 'GET', path: '/api/v1/screens/pairings', permission: 'screens.adopt' },
  { method: 'POST', path: '/api/v1/screens/adopt', permission: 'screens.adopt', body: { pairingCode: '000000', name: 'x' } },
  { method: 'POST', path: '/api/v1/screens/none/revoke', permission: 'screens.revoke' },
  { method: 'GET', path: '/api/v1/screens/none/health', permission: 'screens.health' },
  { method: 'POST', path: '/api/v1/screens/none/commands', permission: 'screens.command', body: { kind: 'identify' } },
  { method: 'GET', path: '/api/v1/screens/none/commands', permission: 'screens.commands.read' },
  { method: 'GET', path: '/api/v1/screens/none/screenshots/00000000-0000-4000-8000-000000000000', permission: 'screens.commands.read' },
  { method: 'GET', path: '/api/v1/publishes', permission: 'screens.read' },
  { method: 'GET', path: '/api/v1/publishes/1/behind', permission: 'screens.read' },
  { method: 'GET', path: '/api/v1/audit/events', permission: 'audit.read' },
  { method: 'GET', path: '/api/v1/audit/verify', permission: 'audit.read' },
  { method: 'GET', path: '/api/v1/audit/actions', permission: 'audit.read' },
  { method: 'GET', path: '/api/v1/reports/takedowns', permission: 'audit.read' },
  { method: 'GET', path: '/api/v1/reports/takedowns/none', permission: 'audit.read' },
  { method: 'GET', path: '/api/v1/proof-of-play', permission: 'proof-of-play.read' },
  { method: 'GET', path: '/api/v1/proof-of-play/summary', permission: 'proof-of-play.read' },
  { method: 'GET', path: '/api/v1/screen-groups', permission: 'screen-groups.read' },
  { method: 'POST', path: '/api/v1/screen-groups', permission: 'screen-groups.manage', body: { name: '' } },
  { method: 'PUT', path: '/api/v1/screen-groups/none/screens', permission: 'screen-groups.manage', body: { screenIds: [] } },
  { method: 'PUT', path: '/api/v1/screen-groups/none', permission: 'screen-groups.manage', body: { name: 'x' } },
  { method: 'GET', path: '/api/v1/emergencies', permission: 'emergencies.read' },
  { method: 'POST', path: '/api/v1/emergencies', permission: 'emergencies.manage', body: { kind: 'text', title: '', body: '', target: 'all' } },
  { method: 'POST', path: '/api/v1/emergencies/00000000-0000-4000-8000-000000000000/end', permission: 'emergencies.manage', body: {} },
  { method: 'GET', path: '/api/v1/emergencies/00000000-0000-4000-8000-000000000000', permission: 'emergencies.read' },
  { method: 'GET', path: '/api/v1/emergencies/reach', permission: 'emergencies.manage' },
  { method: 'GET', path: '/api/v1/users', permission: 'users.manage' },
  { method: 'POST', path: '/api/v1/users', permission: 'users.manage', body: { username: 'x', displayName: 'x', password: 'short', roles: ['operator'] } },
  { method: 'PUT', path: '/api/v1/users/none', permission: 'users.manage', body: { disabled: true } },
  { method: 'POST', path: '/api/v1/users/none/password', permission: 'users.manage', body: { password: 'short' } },
  { method: 'GET', path: '/api/v1/category-policies', permission: 'policies.manage' },
  { method: 'PUT', path: '/api/v1/category-policies/失信被执行人', permission: 'policies.manage', body: { nameDisplay: 'full', idKeepStart: 9, idKeepEnd: 4 } },
];

describe('role table', () => {
  it('answers every route for every role as the permissions say, and 401 without a login', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const anonymous = new ApiClient(h.url);
    const mismatches: string[] = [];
    for (const role of ROLES) {
      const client = await h.as(role);
      for (const route of ROUTES) {
        const response = route.upload ? await client.upload(route.path, 'x.csv', 'a,b\n') : await client.request(route.method, route.path, route.body);
        const allowed = (PERMISSIONS[route.permission] as readonly string[]).includes(role);
        const refused = response.status === 403 && response.body.code === 'auth.forbidden';
        if (allowed === refused || response.status === 401) mismatches.push(`${role} ${route.method} ${route.path} → ${response.status} ${response.body?.code}`);
      }
    }
    for (const route of ROUTES) {
      const response = route.upload ? await anonymous.upload(route.path, 'x.csv', 'a,b\n') : await anonymous.request(route.method, route.path, route.body);
      if (response.status !== 401) mismatches.push(`anonymous ${route.method} ${route.path} → ${response.status}`);
    }
    assert.deepEqual(mismatches, []);
  });

  it('lets an admin create users and set masking policies within safe bounds', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const admin = await h.as('admin');
    const created = await admin.request('POST', '/api/v1/users', { username: 'approver2', displayName: '审核员二', password: 'a-long-enough-password', roles: ['approver'] });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const login = await new ApiClient(h.url).login('approver2', 'a-long-enough-password');
    assert.equal(login.status, 200);
    const unsafe = await admin.request('PUT', `/api/v1/category-policies/${encodeURIComponent('失信被执行人')}`, { nameDisplay: 'full', idKeepStart: 10, idKeepEnd: 4 });
    assert.equal(unsafe.status, 400);
    assert.equal(unsafe.body.details.issues[0].path, 'body.idKeepStart');
    const ok = await admin.request('PUT', `/api/v1/category-policies/${encodeURIComponent('失信被执行人')}`, { nameDisplay: 'full', idKeepStart: 6, idKeepEnd: 4 });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
  });
});
