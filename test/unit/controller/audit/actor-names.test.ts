import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actorsMatching } from '../../../../controller/server/features/audit/actor-names.ts';

const USERS = new Map([
  ['user:1', { username: 'zhangsan', displayName: '张三' }],
  ['user:2', { username: 'lisi', displayName: '李四 (审计)' }],
]);

describe('audit actor names', () => {
  it('finds users by part of their username or display name, ignoring case', () => {
    assert.deepEqual(actorsMatching(USERS, 'ZHANG'), ['user:1']);
    assert.deepEqual(actorsMatching(USERS, '审计'), ['user:2']);
    assert.deepEqual(actorsMatching(USERS, 's'), ['user:1', 'user:2']);
    assert.deepEqual(actorsMatching(USERS, '  '), []);
    assert.deepEqual(actorsMatching(USERS, 'screen:'), []);
  });
});
