// The emergency form's draft: problems before sending, the request, and the reach query.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { draftProblems, EMPTY_DRAFT, reachQueryOf, startRequestOf } from '../../../controller/console/src/pages/emergencies/emergency-draft.ts';

describe('emergency draft', () => {
  it('needs a title for a text notice and keeps within the screen\'s limits', () => {
    assert.deepEqual(draftProblems(EMPTY_DRAFT), ['title-required']);
    assert.deepEqual(draftProblems({ ...EMPTY_DRAFT, title: '长'.repeat(41), body: '字'.repeat(301) }), ['title-too-long', 'body-too-long']);
    assert.deepEqual(draftProblems({ ...EMPTY_DRAFT, title: '暴雨红色预警' }), []);
  });

  it('refuses a full ID number and markup before the server does', () => {
    assert.deepEqual(draftProblems({ ...EMPTY_DRAFT, title: '寻人', body: '身份证号 11010519491231002X 的旅客' }), ['unmasked-id']);
    assert.deepEqual(draftProblems({ ...EMPTY_DRAFT, title: '通知', body: '<b>撤离</b>' }), ['markup']);
  });

  it('needs a slide for a slide notice and at least one group when targeting groups', () => {
    assert.deepEqual(draftProblems({ ...EMPTY_DRAFT, kind: 'slide', target: 'groups' }), ['slide-required', 'groups-required']);
  });

  it('becomes the request the server takes, trimmed, with each group once', () => {
    assert.deepEqual(startRequestOf({ ...EMPTY_DRAFT, title: ' 紧急疏散 ', body: '请有序撤离\n', target: 'groups', groupIds: ['g1', 'g2', 'g1'] }), {
      kind: 'text', title: '紧急疏散', body: '请有序撤离', target: { groupIds: ['g1', 'g2'] },
    });
    assert.deepEqual(startRequestOf({ ...EMPTY_DRAFT, kind: 'slide', contentId: 'c1', title: 'ignored' }), { kind: 'slide', contentId: 'c1', target: 'all' });
  });

  it('asks for the reach of every screen or of the chosen groups', () => {
    assert.deepEqual(reachQueryOf(EMPTY_DRAFT), {});
    assert.deepEqual(reachQueryOf({ ...EMPTY_DRAFT, target: 'groups', groupIds: ['g1', 'g2'] }), { groupIds: 'g1,g2' });
  });
});
