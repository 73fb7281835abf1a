// Programme planning in the console: an operator builds a playlist from approved content (drag to
// reorder, a duration set by hand), an approver makes it the default; the operator schedules two
// playlists that collide and sees the conflict; the preview says which one a screen plays and why.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import { addDays, isoWeekday } from '../../shared/schedules/zoned-time.ts';
import { createScreen } from '../../controller/server/features/screens/service.ts';
import { consoleScreenshot, consoleSuite } from '../support/console-fixtures.ts';
import type { ApiClient } from '../support/controller-harness.ts';

const GROUP = '政务服务大厅';
const SCREEN = '政务大厅东侧屏';
const SLIDE_A = '诚信建设宣传月';
const SLIDE_B = '信用修复指南';
const PENDING_SLIDE = '待审核的图文';
const DAILY = '政务大厅工作日';
const CAMPAIGN = '午间宣传';
const ALL_DAY = '工作日全天';
const NOON = '午间宣传时段';

interface Listed<D> {
  id: string;
  name: string;
  status: string;
  isDefault?: boolean;
  pending: D | null;
  pendingAt: number | null;
}
type PlaylistDoc = { items: Array<{ contentId: string; durationMs: number }>; tickerIds: string[] };
type ScheduleDoc = { playlistId: string; screenGroupIds: string[]; weekdays: number[]; windows: Array<{ start: string; end: string }>; priority: number };

async function created(client: ApiClient, path: string, body: unknown): Promise<string> {
  const response = await client.request('POST', path, body);
  assert.equal(response.status, 201, `${path}: ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

async function listed<D>(client: ApiClient, kind: 'playlists' | 'schedules', name: string): Promise<Listed<D>> {
  const row = (await client.request<{ items: Array<Listed<D>> }>('GET', `/api/v1/${kind}`)).body.items.find((item) => item.name === name);
  assert.ok(row, `the controller holds ${kind} «${name}»`);
  return row;
}

async function approve(approver: ApiClient, kind: 'playlists' | 'schedules', name: string): Promise<void> {
  const row = await listed(approver, kind, name);
  const response = await approver.request('POST', `/api/v1/${kind}/${row.id}/approve`, { pendingAt: row.pendingAt });
  assert.equal(response.status, 200, JSON.stringify(response.body));
}

/** A pointer drag the way a hand does it: press, nudge past dnd-kit's activation distance, travel, release. */
async function drag(page: Page, handle: Locator, target: Locator): Promise<void> {
  const from = await handle.boundingBox();
  const to = await target.boundingBox();
  assert.ok(from && to);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 8, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 - 6, { steps: 15 });
  await page.mouse.up();
}

/** Picks an option as a keyboard user does: open, type to filter, Enter (clicks can land mid-animation). */
async function pickOption(page: Page, select: Locator, text: string): Promise<void> {
  await select.click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active').filter({ hasText: text }).waitFor();
  await page.keyboard.press('Enter');
}

/** Through the menu, as a user goes: the console stays loaded (a fresh load parses the bundle again). */
async function openPage(page: Page, menuLabel: string): Promise<void> {
  await page.getByRole('menuitem', { name: menuLabel }).click();
}

async function setTime(input: Locator, clock: string): Promise<void> {
  await input.click();
  await input.fill(clock);
  await input.press('Enter');
}

describe('console: playlists, schedules and the programme preview', () => {
  const suite = consoleSuite();
  const ids = { slideA: '', slideB: '', group: '', screen: '' };
  // Each role signs in once and keeps its page from one step of the journey to the next.
  const pages = new Map<'operator' | 'approver', Page>();
  const pageOf = async (role: 'operator' | 'approver'): Promise<Page> => {
    const open = pages.get(role) ?? (await suite.signIn(role));
    pages.set(role, open);
    return open;
  };

  before(async () => {
    const h = suite.harness();
    const operator = await h.as('operator');
    const approver = await h.as('approver');
    const technician = await h.as('technician');
    ids.slideA = await created(operator, '/api/v1/content/slides', { title: SLIDE_A, body: '守信激励，失信惩戒', theme: 'integrity' });
    ids.slideB = await created(operator, '/api/v1/content/slides', { title: SLIDE_B, body: '信用修复请到政务服务大厅 3 号窗口', theme: 'integrity' });
    await created(operator, '/api/v1/content/slides', { title: PENDING_SLIDE, body: '尚未审核', theme: 'integrity' });
    for (const id of [ids.slideA, ids.slideB]) assert.equal((await approver.request('POST', `/api/v1/content/${id}/approve`, {})).status, 200);
    // A screen as adoption leaves it (the preview asks the controller, not the player), in a group.
    ids.screen = (await createScreen(h.controller.context.db, { name: SCREEN, deviceId: 'device-east', actorId: h.userIds.technician, now: Date.now() })).screenId;
    ids.group = await created(technician, '/api/v1/screen-groups', { name: GROUP });
    assert.equal((await technician.request('PUT', `/api/v1/screen-groups/${ids.group}/screens`, { screenIds: [ids.screen] })).status, 200);
  });

  it('builds a playlist from approved content, reorders it by dragging, times an item, and submits it; an approver makes it the default', async () => {
    const h = suite.harness();
    const operatorApi = await h.as('operator');
    const page = await pageOf('operator');
    await openPage(page, '播放列表');
    await page.getByText('暂无播放列表').waitFor();
    assert.equal(await page.getByTestId('default-playlist-select').count(), 0, 'an operator does not choose the default');
    await consoleScreenshot(page, 'playlists-empty');

    await page.getByTestId('new-playlist').click();
    await page.getByTestId('playlist-name').fill(DAILY);
    const picker = page.getByTestId('content-picker');
    await pickOption(page, picker, SLIDE_A);
    await pickOption(page, picker, SLIDE_B);
    await pickOption(page, picker, '红名单（全部）');
    // Content awaiting review is offered but cannot be picked.
    await picker.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option-disabled').filter({ hasText: PENDING_SLIDE }).waitFor();
    await page.keyboard.press('Escape');

    const rows = page.getByTestId('playlist-item');
    const order = async () => rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-content-id')));
    assert.deepEqual(await order(), [ids.slideA, ids.slideB, 'list-red']);
    await drag(page, rows.nth(2).getByTestId('drag-handle'), rows.nth(0));
    await page.waitForFunction(() => document.querySelector('[data-testid="playlist-item"]')?.getAttribute('data-content-id') === 'list-red');
    assert.deepEqual(await order(), ['list-red', ids.slideA, ids.slideB], 'the red list was dragged to the top');
    await rows.nth(1).locator('.ant-input-number input').fill('25');
    await page.getByTestId('playlist-total').getByText('1:40').waitFor();
    await consoleScreenshot(page, 'playlist-editor');
    await page.getByTestId('submit-playlist').click();
    await page.getByText(`「${DAILY}」已提交审核`).waitFor();

    const saved = await listed<PlaylistDoc>(operatorApi, 'playlists', DAILY);
    assert.equal(saved.status, 'pending');
    assert.deepEqual(saved.pending?.items, [{ contentId: 'list-red', durationMs: 60_000 }, { contentId: ids.slideA, durationMs: 25_000 }, { contentId: ids.slideB, durationMs: 15_000 }]);
    await page.getByTestId('playlist-table').getByText(DAILY).waitFor();

    // Approved by someone else; a second playlist for the schedules below.
    const approverApi = await h.as('approver');
    await approve(approverApi, 'playlists', DAILY);
    await created(operatorApi, '/api/v1/playlists', { name: CAMPAIGN, items: [{ contentId: ids.slideA, durationSeconds: 20 }, { contentId: 'list-black', durationSeconds: 40 }] });
    await approve(approverApi, 'playlists', CAMPAIGN);

    const approver = await pageOf('approver');
    await openPage(approver, '播放列表');
    await pickOption(approver, approver.getByTestId('default-playlist-select'), DAILY);
    await approver.getByTestId('apply-default').click();
    await approver.getByText('默认播放列表已更新并发布').waitFor();
    await approver.getByTestId('default-playlist-name').getByText(DAILY).waitFor();
    assert.equal((await listed(approverApi, 'playlists', DAILY)).isDefault, true);
    // Opened up, a row shows its items in play order, as saved.
    await approver.getByTestId('playlist-table').locator('tr', { hasText: DAILY }).locator('.ant-table-row-expand-icon').click();
    await approver.getByText(`2. ${SLIDE_A} · 25 秒`).waitFor();
    await consoleScreenshot(approver, 'playlists');
  });

  it('schedules two playlists that collide at equal priority and shows the conflict in the form, the calendar and the list', async () => {
    const h = suite.harness();
    const page = await pageOf('operator');
    await openPage(page, '排期');
    await page.getByTestId('no-conflicts').waitFor();

    const fill = async (name: string, playlist: string, start: string, end: string) => {
      await page.getByTestId('new-schedule').click();
      await page.getByTestId('schedule-name').fill(name);
      await pickOption(page, page.getByTestId('schedule-playlist'), playlist);
      await pickOption(page, page.getByTestId('schedule-groups'), GROUP);
      await page.keyboard.press('Escape');
      const window = page.getByTestId('schedule-window');
      await setTime(window.locator('input').nth(0), start);
      await setTime(window.locator('input').nth(1), end);
    };
    await fill(ALL_DAY, DAILY, '08:00', '18:00');
    await page.getByTestId('submit-schedule').click();
    await page.getByText(`「${ALL_DAY}」已提交审核`).waitFor();

    await fill(NOON, CAMPAIGN, '11:00', '13:00');
    await page.getByTestId('form-conflicts').getByText(ALL_DAY).waitFor();
    await consoleScreenshot(page, 'schedule-form');
    await page.getByTestId('submit-schedule').click();
    await page.getByText(`「${NOON}」已提交审核`).waitFor();

    const conflict = page.getByTestId('conflict-item');
    await conflict.first().waitFor();
    assert.equal(await conflict.count(), 1);
    assert.match(await conflict.innerText(), new RegExp(`${ALL_DAY}.*${NOON}.*11:00–13:00`));
    // Five working days, each with a hatched band where the two overlap, and both schedules' blocks marked.
    assert.equal(await page.getByTestId('conflict-zone').count(), 5);
    assert.ok(await page.locator('[data-testid="calendar-block"][data-conflict="yes"]').count() >= 10);
    await consoleScreenshot(page, 'schedules');

    const operatorApi = await h.as('operator');
    const noon = await listed<ScheduleDoc>(operatorApi, 'schedules', NOON);
    const campaign = await listed(operatorApi, 'playlists', CAMPAIGN);
    assert.deepEqual(noon.pending, { playlistId: campaign.id, screenGroupIds: [ids.group], weekdays: [1, 2, 3, 4, 5], windows: [{ start: '11:00', end: '13:00' }], priority: 10 });
    assert.deepEqual((await listed<ScheduleDoc>(operatorApi, 'schedules', ALL_DAY)).pending?.windows, [{ start: '08:00', end: '18:00' }]);
  });

  it('previews a screen at a chosen time: the later-starting schedule of equal priority wins, and the page says why', async () => {
    const h = suite.harness();
    const approverApi = await h.as('approver');
    await approve(approverApi, 'schedules', ALL_DAY);
    await approve(approverApi, 'schedules', NOON);
    const today = calendarDateAt(Date.now(), 8 * 60);
    const nextMonday = addDays(today, 8 - isoWeekday(today));

    // An approver plans without reading the fleet: the preview lists the screens itself.
    const page = await pageOf('approver');
    await openPage(page, '播放预览');
    await pickOption(page, page.getByTestId('preview-screen'), SCREEN);
    const time = page.locator('input[data-testid="preview-time"], [data-testid="preview-time"] input').first();
    await time.click();
    await time.fill(`${nextMonday} 11:30`);
    await time.press('Enter');
    await page.getByTestId('preview-playlist').getByText(CAMPAIGN).waitFor();
    assert.match(await page.getByTestId('preview-source').innerText(), new RegExp(NOON));
    await page.getByTestId('verdict-winner').waitFor();
    await page.getByTestId('verdict-started-earlier').waitFor();
    const items = await page.getByTestId('preview-items').locator('tbody tr').allInnerTexts();
    assert.equal(items.length, 2);
    assert.match(items[0] ?? '', new RegExp(`${SLIDE_A}[\\s\\S]*20 秒`));
    assert.match(items[1] ?? '', /黑名单（全部）[\s\S]*40 秒/);
    await page.getByRole('heading', { name: '播放预览' }).click();
    await consoleScreenshot(page, 'preview');

    // The page asked about the instant the server answers for: 11:30 on the screen's clock.
    const campaign = await listed(approverApi, 'playlists', CAMPAIGN);
    const answer = await approverApi.request('GET', `/api/v1/screens/${ids.screen}/programme?at=${encodeURIComponent(`${nextMonday}T11:30:00+08:00`)}`);
    assert.equal(answer.body.playlistId, campaign.id);

    // In the evening nothing is on: the default playlist the approver chose plays.
    await time.click();
    await time.fill(`${nextMonday} 20:00`);
    await time.press('Enter');
    await page.getByTestId('preview-playlist').getByText(DAILY).waitFor();
    await page.getByTestId('no-contenders').waitFor();
  });

  it('reads the same plan in English as a technician, who may look but not change', async () => {
    const page = await suite.signIn('technician', { locale: 'en' });
    await openPage(page, 'Schedules');
    await page.getByTestId('conflict-list').getByText('1 schedule conflict(s)').waitFor();
    assert.equal(await page.getByTestId('new-schedule').count(), 0, 'a technician does not author schedules');
    assert.equal(await page.getByTestId('edit-row').count(), 0);
    await consoleScreenshot(page, 'schedules-en');

    await openPage(page, 'Playback preview');
    await pickOption(page, page.getByTestId('preview-screen'), SCREEN);
    await page.getByTestId('preview-playlist').waitFor();
    await page.getByText('Times are screen-local: Asia/Shanghai (the controller\'s default zone)').waitFor();
    await page.getByRole('heading', { name: 'Programme preview' }).click();
    await consoleScreenshot(page, 'preview-en');
  });
});
