// The approver's journey through content and programme reviews in the real console against a real
// controller: a slide approved from its preview, a playlist change and a schedule change approved
// from their diffs against the live versions; the server then holds the approved versions.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consoleScreenshot, consoleSuite } from '../support/console-fixtures.ts';
import { openReviews, verdictAccepted } from '../support/review-fixtures.ts';

describe('console review queue: content and programmes', () => {
  const suite = consoleSuite();

  it('approves a slide, a playlist change and a schedule change through their previews and diffs', async () => {
    const h = suite.harness();
    const operator = await h.as('operator');
    const approver = await h.as('approver');
    const slide = await operator.request('POST', '/api/v1/content/slides', { title: '诚信建设万里行', body: '守信激励，失信惩戒。\n让守信者处处受益，失信者处处受限。', theme: 'integrity', footer: '乌海市社会信用体系建设领导小组' });
    assert.equal(slide.status, 201, JSON.stringify(slide.body));
    const playlist = await operator.request('POST', '/api/v1/playlists', { name: '政务大厅轮播', items: [{ contentId: 'list-red', durationSeconds: 60 }, { contentId: 'list-black', durationSeconds: 60 }] });
    assert.equal(playlist.status, 201, JSON.stringify(playlist.body));
    const listed = await approver.request('GET', '/api/v1/playlists');
    const first = (listed.body.items as Array<{ id: string; pendingAt: number }>).find((p) => p.id === playlist.body.id)!;
    assert.equal((await approver.request('POST', `/api/v1/playlists/${first.id}/approve`, { comment: '', pendingAt: first.pendingAt })).status, 200);
    // A schedule of the live playlist, then a change to it: evenings added and a higher priority.
    const group = await (await h.as('technician')).request('POST', '/api/v1/screen-groups', { name: '政务服务大厅' });
    const schedule = { name: '工作日办公时间', playlistId: first.id, screenGroupIds: [group.body.id], weekdays: [1, 2, 3, 4, 5], windows: [{ start: '08:30', end: '17:30' }], priority: 10 };
    const createdSchedule = await operator.request('POST', '/api/v1/schedules', schedule);
    assert.equal(createdSchedule.status, 201, JSON.stringify(createdSchedule.body));
    const pendingSchedule = (await approver.request('GET', '/api/v1/schedules')).body.items[0] as { id: string; pendingAt: number };
    assert.equal((await approver.request('POST', `/api/v1/schedules/${pendingSchedule.id}/approve`, { comment: '', pendingAt: pendingSchedule.pendingAt })).status, 200);
    const evenings = { ...schedule, windows: [{ start: '08:30', end: '17:30' }, { start: '18:00', end: '21:00' }], priority: 20 };
    assert.equal((await operator.request('PUT', `/api/v1/schedules/${pendingSchedule.id}`, evenings)).status, 200);
    // A change to the live playlist: the slide goes in first, the black list plays longer.
    const change = await operator.request('PUT', `/api/v1/playlists/${first.id}`, { name: '政务大厅轮播', items: [{ contentId: slide.body.id, durationSeconds: 15 }, { contentId: 'list-red', durationSeconds: 60 }, { contentId: 'list-black', durationSeconds: 90 }] });
    assert.equal(change.status, 200, JSON.stringify(change.body));

    const page = await suite.signIn('approver');
    await openReviews(page, h.url, 'content');
    await page.getByTestId('content-table').getByRole('button', { name: '审 核' }).click();
    const drawer = page.getByTestId('review-drawer');
    await drawer.getByTestId('slide-preview').getByText('诚信建设万里行').waitFor();
    await consoleScreenshot(page, 'reviews-content');
    await drawer.getByRole('button', { name: '批准并发布' }).click();
    await verdictAccepted(page);
    const content = await approver.request('GET', '/api/v1/content');
    assert.equal((content.body.items as Array<{ id: string; status: string }>).find((c) => c.id === slide.body.id)?.status, 'approved');

    await page.getByRole('tab', { name: /播放列表\s*1/ }).click();
    await page.getByTestId('playlist-table').getByRole('button', { name: '审 核' }).click();
    const diff = drawer.getByTestId('playlist-diff');
    await diff.getByText('诚信建设万里行').waitFor();
    assert.deepEqual(await diff.locator('.ant-tag').allInnerTexts(), ['新增', '顺序变化', '时长变化']);
    await consoleScreenshot(page, 'reviews-playlist');
    await drawer.getByLabel('审核意见').fill('宣传页放在首位，同意');
    await drawer.getByRole('button', { name: '批准并发布' }).click();
    await verdictAccepted(page);
    const after = await approver.request('GET', '/api/v1/playlists');
    const row = (after.body.items as Array<{ id: string; status: string; approved: { items: Array<{ contentId: string }> }; reviewComment: string }>).find((p) => p.id === first.id)!;
    assert.deepEqual([row.status, row.approved.items.map((i) => i.contentId), row.reviewComment], ['approved', [slide.body.id, 'list-red', 'list-black'], '宣传页放在首位，同意']);

    await page.getByRole('tab', { name: /排期\s*1/ }).click();
    await page.getByTestId('schedule-table').getByRole('button', { name: '审 核' }).click();
    const fields = drawer.getByTestId('schedule-diff');
    await fields.getByText('08:30–17:30，18:00–21:00').waitFor();
    assert.equal(await fields.getByText('已修改').count(), 2, 'windows and priority changed');
    await fields.getByText('政务大厅轮播').first().waitFor();
    await consoleScreenshot(page, 'reviews-schedule');
    await drawer.getByRole('button', { name: '批准并发布' }).click();
    await verdictAccepted(page);
    const schedules = await approver.request('GET', '/api/v1/schedules');
    assert.deepEqual([schedules.body.items[0].status, schedules.body.items[0].approved.windows.length, schedules.body.items[0].approved.priority], ['approved', 2, 20]);
  });
});
