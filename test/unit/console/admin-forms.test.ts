import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../../controller/console/src/api/client.ts';
import { fieldErrorsOf } from '../../../controller/console/src/pages/admin/field-errors.ts';
import { maskedSample, samplePeriodEnd, yearsAndMonths } from '../../../controller/console/src/pages/admin/policy-preview.ts';
import { accountChange, orderedRoles, passwordProblem, USERNAME_PATTERN } from '../../../controller/console/src/pages/admin/user-form.ts';

describe('user form rules', () => {
  it('accepts the usernames the server accepts', () => {
    for (const ok of ['auditor3', 'zhang.san', 'li_si-2']) assert.match(ok, USERNAME_PATTERN);
    for (const bad of ['a', 'Zhang', '.hidden', '张三', 'x'.repeat(41)]) assert.doesNotMatch(bad, USERNAME_PATTERN);
  });

  it('checks a new password\'s length and its confirmation', () => {
    assert.equal(passwordProblem('short', 'short'), 'too-short');
    assert.equal(passwordProblem('x'.repeat(201), 'x'.repeat(201)), 'too-long');
    assert.equal(passwordProblem('correct-horse-battery', 'correct-horse-batterz'), 'mismatch');
    assert.equal(passwordProblem('correct-horse-battery', 'correct-horse-battery'), null);
  });

  it('sends only what changed, roles in the table\'s order', () => {
    const before = { displayName: '张三', roles: ['operator' as const] };
    assert.deepEqual(accountChange(before, { displayName: ' 张三 ', roles: ['operator'] }), {});
    assert.deepEqual(accountChange(before, { displayName: '张三丰', roles: ['auditor', 'operator'] }), { displayName: '张三丰', roles: ['operator', 'auditor'] });
    assert.deepEqual(orderedRoles(['auditor', 'admin']), ['admin', 'auditor']);
  });

  it('places the server\'s field issues on the form\'s fields and leaves the rest', () => {
    const error = new ApiError(400, 'validation.failed', '请求内容无效', { issues: [{ path: 'body.password', message: '密码至少 12 个字符' }, { path: 'body.roles.0', message: 'bad role' }, { path: 'query.x', message: 'elsewhere' }] });
    assert.deepEqual(fieldErrorsOf(error, ['password', 'roles'] as const), [{ name: 'password', errors: ['密码至少 12 个字符'] }, { name: 'roles', errors: ['bad role'] }]);
    assert.deepEqual(fieldErrorsOf(new Error('network'), ['password'] as const), []);
  });
});

describe('policy preview', () => {
  it('masks the sample as a screen would under the policy', () => {
    assert.deepEqual(maskedSample({ nameDisplay: 'surname', idKeepStart: 6, idKeepEnd: 4 }), { name: '欧阳**', idNumber: '150302********1238' });
    assert.deepEqual(maskedSample({ nameDisplay: 'full', idKeepStart: 0, idKeepEnd: 0 }), { name: '欧阳示明', idNumber: '*'.repeat(18) });
  });

  it('states when a sample entry would leave the screens, and periods in years and months', () => {
    assert.equal(samplePeriodEnd(36, '2025-05-01'), '2028-04-30');
    assert.equal(samplePeriodEnd(null, '2025-05-01'), null);
    assert.deepEqual(yearsAndMonths(42), { years: 3, months: 6 });
  });
});
