// The approvers' queue and a change set's review rows: added, changed against a subject's earlier
// entry, withdrawn since approval, warned; with the authors' names.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import { demoListRows, toCsv } from '../../controller/server/demo/demo-lists.ts';
import { importAndApprove, startControllerHarness } from '../support/controller-harness.ts';
import { withWrongCheckCharacter } from '../support/review-fixtures.ts';
import { tempDir } from '../support/temp-dir.ts';

const today = calendarDateAt(Date.now(), 480);

interface ReviewRowsBody {
  total: number;
  counts: { added: number; changed: number; withdrawn: number; warned: number };
  items: Array<{ change: string; entry: { id: string; line: number; subjectName: string; reason: string; status: string; warnings: Array<{ code: string }> }; previous: { id: string; reason: string; status: string } | null }>;
}

describe('review queue', () => {
  it('lists what awaits review of every kind with the authors\' names, and leaves out what is decided', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const operator = await h.as('operator');
    const approver = await h.as('approver');
    const upload = await operator.upload('/api/v1/imports?list=black', 'black.csv', toCsv(demoListRows('black', today, 3, 5)));
    assert.equal(upload.status, 201, JSON.stringify(upload.body));
    await importAndApprove(h, 'red', toCsv(demoListRows('red', today, 2, 6)));
    const slide = await operator.request('POST', '/api/v1/content/slides', { title: '诚信兴商', body: '守信者处处受益', theme: 'integrity' });
    assert.equal(slide.status, 201, JSON.stringify(slide.body));
    const playlist = await operator.request('POST', '/api/v1/playlists', { name: '大厅轮播', items: [{ contentId: 'list-red', durationSeconds: 30 }] });
    assert.equal(playlist.status, 201, JSON.stringify(playlist.body));

    const queue = await approver.request('GET', '/api/v1/reviews/queue');
    assert.equal(queue.status, 200, JSON.stringify(queue.body));
    assert.deepEqual(queue.body.counts, { changeSets: 1, content: 1, playlists: 1, schedules: 0 });
    assert.equal(queue.body.changeSets[0].id, upload.body.changeSetId);
    assert.equal(queue.body.changeSets[0].submittedByName, 'operator');
    assert.deepEqual([queue.body.content[0].id, queue.body.content[0].document.title, queue.body.content[0].submittedByName], [slide.body.id, '诚信兴商', 'operator']);
    assert.deepEqual([queue.body.playlists[0].id, queue.body.playlists[0].pendingByName], [playlist.body.id, 'operator']);

    const approved = await approver.request('POST', `/api/v1/content/${slide.body.id}/approve`, { comment: '可以' });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const after = await approver.request('GET', '/api/v1/reviews/queue');
    assert.equal(after.body.counts.content, 0);
    const listed = await approver.request('GET', '/api/v1/change-sets?status=approved');
    assert.equal(listed.body.items[0].reviewedByName, 'approver');
  });

  it('shows a change set\'s rows as added, changed against the withdrawn entry it corrects, withdrawn, and warned', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const operator = await h.as('operator');
    const approver = await h.as('approver');
    const rows = demoListRows('red', today, 4, 9);
    const first = await operator.upload('/api/v1/imports?list=red', 'red.csv', toCsv(rows));
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const firstId = first.body.changeSetId as string;
    const approve = await approver.request('POST', `/api/v1/change-sets/${firstId}/approve`, { comment: 'ok' });
    assert.equal(approve.status, 200, JSON.stringify(approve.body));

    // Withdraw the second row as an error, then import it corrected, beside a new subject whose code has a wrong check character.
    const firstRows = await approver.request<ReviewRowsBody>('GET', `/api/v1/change-sets/${firstId}/entries`);
    const wrong = firstRows.body.items.find((r) => r.entry.line === 3);
    assert.ok(wrong);
    const withdrawn = await approver.request('POST', `/api/v1/entries/${wrong.entry.id}/withdraw`, { reason: 'error', note: '原因写错' });
    assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.body));
    const corrected = { ...rows[1]!, 列入原因: '更正后的列入原因' };
    const newcomer = withWrongCheckCharacter(demoListRows('red', today, 1, 77)[0]!);
    const second = await operator.upload('/api/v1/imports?list=red', 'red-fix.csv', toCsv([newcomer, corrected]));
    assert.equal(second.status, 201, JSON.stringify(second.body));
    const secondId = second.body.changeSetId as string;

    const all = await approver.request<ReviewRowsBody>('GET', `/api/v1/change-sets/${secondId}/entries`);
    assert.equal(all.status, 200, JSON.stringify(all.body));
    assert.deepEqual(all.body.counts, { added: 1, changed: 1, withdrawn: 0, warned: 1 });
    assert.deepEqual(all.body.items.map((r) => [r.entry.line, r.change]), [[2, 'added'], [3, 'changed']]);
    const changed = all.body.items[1]!;
    assert.deepEqual([changed.previous?.id, changed.previous?.status, changed.previous?.reason, changed.entry.reason], [wrong.entry.id, 'withdrawn', rows[1]!.列入原因, '更正后的列入原因']);
    const warned = await approver.request<ReviewRowsBody>('GET', `/api/v1/change-sets/${secondId}/entries?section=warned`);
    assert.deepEqual(warned.body.items.map((r) => [r.entry.subjectName, r.entry.warnings.map((w) => w.code)]), [[newcomer.主体名称, ['credit-code-checksum']]]);
    const onlyChanged = await approver.request<ReviewRowsBody>('GET', `/api/v1/change-sets/${secondId}/entries?section=changed`);
    assert.deepEqual([onlyChanged.body.total, onlyChanged.body.items.length], [1, 1]);

    // The first change set now shows the withdrawn row in its own section, the rest as added.
    const firstAfter = await approver.request<ReviewRowsBody>('GET', `/api/v1/change-sets/${firstId}/entries?section=withdrawn`);
    assert.deepEqual(firstAfter.body.counts, { added: 3, changed: 0, withdrawn: 1, warned: 0 });
    assert.deepEqual(firstAfter.body.items.map((r) => [r.entry.id, r.change]), [[wrong.entry.id, 'withdrawn']]);

    const paged = await approver.request<ReviewRowsBody>('GET', `/api/v1/change-sets/${firstId}/entries?offset=1&limit=2`);
    assert.deepEqual([paged.body.total, paged.body.items.map((r) => r.entry.line)], [4, [3, 4]]);
    const missing = await approver.request('GET', '/api/v1/change-sets/nope/entries');
    assert.equal(missing.status, 404);
    const badSection = await approver.request('GET', `/api/v1/change-sets/${firstId}/entries?section=everything`);
    assert.equal(badSection.status, 400);
  });
});
