// Technicians in the console: pair a real player by its code, watch it on the board and its page, take a screenshot from the UI, and follow a publish's convergence.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import type { Heartbeat } from '../../shared/protocol/messages.ts';
import { demoListRows, toCsv } from '../../controller/server/demo/demo-lists.ts';
import { createScreen } from '../../controller/server/features/screens/service.ts';
import type { Database } from '../../controller/server/store/schema.ts';
import { consoleScreenshot, consoleSuite } from '../support/console-fixtures.ts';
import { importAndApprove } from '../support/controller-harness.ts';
import { startTestPlayer } from '../support/player-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';

const SCREEN_NAME = '乌海站进站大厅';
const GROUP_NAME = '乌海站';
const HOUR_MS = 3_600_000;

interface ScreenItem {
  id: string;
  name: string;
  status: string;
  manifestVersion: number;
  health: Heartbeat | null;
}

describe('console: technicians', () => {
  const suite = consoleSuite();

  it('pairs a screen by its code, sees it online with its health, takes a screenshot, follows the publish to 1 / 1, and revokes a screen that never came online', async (t) => {
    const h = suite.harness();
    await importAndApprove(h, 'black', toCsv(demoListRows('black', calendarDateAt(Date.now(), 480), 6, 11)));
    const technicianApi = await h.as('technician');
    const group = await technicianApi.request('POST', '/api/v1/screen-groups', { name: GROUP_NAME });
    assert.equal(group.status, 201, JSON.stringify(group.body));

    const player = await startTestPlayer(h.url, tempDir(t), { heartbeatIntervalMs: 2_000 });
    t.after(() => player.close());
    const code = await waitFor('the player to show a pairing code', () => player.status().pairingCode);
    // The kiosk page in the same Chromium: the screenshot command captures the real display.
    const kiosk = await suite.browser().newPage({ viewport: { width: 1280, height: 720 } });
    await kiosk.goto(player.displayUrl);
    player.setScreenshotProvider({ capture: async () => kiosk.screenshot({ type: 'png' }) });

    const page = await suite.signIn('technician');
    await page.getByRole('menuitem', { name: '屏幕管理' }).click();
    await page.getByText('还没有配对的屏幕').waitFor();
    await consoleScreenshot(page, 'screens-empty');

    // Pairing through the dialog: the waiting screen is listed with its code; the technician types it.
    await page.getByTestId('pair-screen').click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByTestId('pending-pairings').getByText(code).waitFor();
    await dialog.getByLabel('配对码').fill(code);
    await dialog.getByLabel('屏幕名称').fill(SCREEN_NAME);
    await dialog.getByLabel('加入分组（可选）').click();
    await page.locator('.ant-select-item-option').filter({ hasText: GROUP_NAME }).click();
    await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
    await consoleScreenshot(page, 'screens-pair-dialog');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByText(`已配对屏幕「${SCREEN_NAME}」`).waitFor();

    const screens = await technicianApi.request<{ items: ScreenItem[] }>('GET', '/api/v1/screens');
    const screen = screens.body.items.find((s) => s.name === SCREEN_NAME);
    assert.ok(screen, `the controller holds the paired screen: ${JSON.stringify(screens.body.items.map((s) => s.name))}`);
    const groups = await technicianApi.request<{ items: Array<{ name: string; screenIds: string[] }> }>('GET', '/api/v1/screen-groups');
    assert.deepEqual(groups.body.items.find((g) => g.name === GROUP_NAME)?.screenIds, [screen.id], 'the dialog put the screen in its group');
    await waitFor('the player to hold its credentials', () => player.status().paired && player.status().connected);
    const published = (await technicianApi.request('GET', '/api/v1/health')).body as { manifestVersion: number };
    await waitFor('the player to apply the newest publish', () => player.status().manifestVersion === published.manifestVersion, { timeoutMs: 20_000 });
    await kiosk.waitForSelector('[data-testid="display-root"][data-mode="playing"]');
    // A day of health sampled before this test, so the charts show a trace (the live player adds the newest point).
    await seedHealthHistory(h.controller.context.db, screen.id, await waitFor('a heartbeat', async () => (await technicianApi.request<{ items: ScreenItem[] }>('GET', '/api/v1/screens')).body.items.find((s) => s.id === screen.id)?.health));

    // The board: online, in its group, on the newest version.
    const card = page.getByTestId('screen-card').filter({ hasText: SCREEN_NAME });
    await card.locator('[data-condition="online"]').waitFor({ timeout: 15_000 });
    await card.getByText(GROUP_NAME, { exact: true }).waitFor();
    assert.match(await card.getByTestId('screen-version').innerText(), new RegExp(`^v${published.manifestVersion}\\s*最新$`));
    await consoleScreenshot(page, 'screens-board');
    await page.getByText('表格').click();
    await page.getByTestId('screen-table').getByText(SCREEN_NAME).waitFor();
    await consoleScreenshot(page, 'screens-table');

    // Its page: status, health charts, nothing shot yet.
    await page.getByTestId('screen-table').getByRole('link', { name: SCREEN_NAME }).click();
    await page.getByTestId('health-history').waitFor();
    await page.getByTestId('health-chart-cpuPercent').locator('.recharts-line').waitFor();
    await page.getByText('还没有截图').waitFor();

    // A disruptive command asks first; cancelling sends nothing.
    await page.getByTestId('command-reload-display').click();
    await page.locator('.ant-popconfirm').getByText('显示页面将重新加载').waitFor();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /取\s?消/ }).click();

    // The screenshot command from the UI: the image appears once the screen answered.
    await page.getByTestId('command-screenshot').click();
    const shot = page.getByTestId('last-screenshot');
    await shot.waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="last-screenshot"] img, img[data-testid="last-screenshot"]');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    await page.getByTestId('command-history').getByText('成功').first().waitFor();
    const history = await technicianApi.request<{ items: Array<{ kind: string; status: string; screenshotUrl: string | null; requestedBy: string }> }>('GET', `/api/v1/screens/${screen.id}/commands`);
    assert.deepEqual(history.body.items.map((c) => [c.kind, c.status, c.requestedBy]), [['screenshot', 'succeeded', h.userIds.technician]], 'one screenshot, sent by the technician; the cancelled reload never left');
    assert.equal(history.body.items[0]?.screenshotUrl, `/api/v1/screens/${screen.id}/screenshots/${(history.body.items[0] as { id?: string }).id}`);
    await consoleScreenshot(page, 'screen-detail');
    // The scrolling kiosk page costs a core on a shared test machine; nothing below needs it.
    player.setScreenshotProvider(null);
    await kiosk.close();

    // Its schedules read in Xinjiang time from now on.
    await page.getByTestId('time-zone-select').click();
    await page.keyboard.type('Asia/Urumqi');
    await page.locator('.ant-select-item-option[title="Asia/Urumqi"]').click();
    await page.getByRole('button', { name: '保存时区' }).click();
    await page.getByText('时区已更新为 Asia/Urumqi').waitFor();
    const zoned = await technicianApi.request<{ items: Array<ScreenItem & { timeZone: string | null }> }>('GET', '/api/v1/screens');
    assert.equal(zoned.body.items.find((s) => s.id === screen.id)?.timeZone, 'Asia/Urumqi');

    // The publish page: the newest version reached by the one screen in service.
    await page.getByRole('menuitem', { name: '发布进度' }).click();
    const headline = page.getByTestId('convergence-headline');
    await headline.waitFor();
    assert.equal(await headline.innerText(), `1 / 1 屏幕已更新到版本 ${published.manifestVersion}`);
    await page.getByText(`全部屏幕已更新到版本 ${published.manifestVersion}`).waitFor();
    await consoleScreenshot(page, 'publishes');

    // A screen paired at the depot that never came online: the publish is 1 / 2, and the page says who and why.
    await createScreen(h.controller.context.db, { name: '机场到达厅备用屏', deviceId: 'depot-device', actorId: h.userIds.technician, now: Date.now() });
    await page.getByText(`1 / 2 屏幕已更新到版本 ${published.manifestVersion}`).waitFor({ timeout: 15_000 });
    const behind = page.getByTestId('behind-screens');
    await behind.getByText('机场到达厅备用屏').waitFor();
    await behind.getByText('从未连接').waitFor();
    await consoleScreenshot(page, 'publishes-behind');
    await page.getByRole('menuitem', { name: '屏幕管理' }).click();
    await page.getByTestId('screen-card').filter({ hasText: '机场到达厅备用屏' }).locator('[data-condition="offline"]').waitFor();
    await consoleScreenshot(page, 'screens-board-offline');

    // That screen is written off: revoked from its page, after a confirmation naming it.
    await page.getByTestId('screen-card').filter({ hasText: '机场到达厅备用屏' }).getByRole('link').click();
    await page.getByTestId('revoke-screen').click();
    await page.locator('.ant-modal-confirm-title').getByText('注销屏幕「机场到达厅备用屏」？').waitFor();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /注\s?销/ }).click();
    await page.getByText('已注销屏幕「机场到达厅备用屏」').waitFor();
    const afterRevoke = await technicianApi.request<{ items: ScreenItem[]; convergence: { converged: number; total: number } }>('GET', '/api/v1/screens');
    assert.equal(afterRevoke.body.items.find((s) => s.name === '机场到达厅备用屏')?.status, 'revoked');
    assert.deepEqual([afterRevoke.body.convergence.converged, afterRevoke.body.convergence.total], [1, 1]);

    // An auditor reads the same page as evidence: the screenshot and the history, but no buttons that act.
    const auditor = await suite.signIn('auditor');
    await auditor.goto(`${h.url}/console/screens/${screen.id}`);
    await auditor.getByTestId('command-history').getByText('成功').waitFor();
    await auditor.getByTestId('last-screenshot').waitFor();
    await auditor.getByText('您的角色可以查看命令记录，但不能发出命令。').waitFor();
    assert.equal(await auditor.getByTestId('command-screenshot').count(), 0);
    assert.equal(await auditor.getByTestId('revoke-screen').count(), 0);
    await consoleScreenshot(auditor, 'screen-detail-auditor');
  });
});

/** Heartbeats every 10 minutes over the last day, shaped like the live one, as the controller keeps them. */
async function seedHealthHistory(db: Kysely<Database>, screenId: string, live: Heartbeat): Promise<void> {
  const now = Date.now();
  const rows = [];
  for (let at = now - 24 * HOUR_MS; at < now - 10 * 60_000; at += 10 * 60_000) {
    const wave = Math.sin(at / (3 * HOUR_MS));
    const beat: Heartbeat = {
      ...live,
      sentAt: at,
      // A kiosk mostly idles; the live figure of a test machine running many suites would be no guide.
      cpuBusyFraction: 0.2 + 0.08 * wave,
      memoryFreeBytes: live.memoryFreeBytes === null ? null : live.memoryFreeBytes * (1 + 0.04 * wave),
      memoryRssBytes: live.memoryRssBytes * (0.96 + 0.03 * wave),
    };
    rows.push({ screenId, at, heartbeatJson: JSON.stringify(beat) });
  }
  await db.insertInto('screenHeartbeats').values(rows).execute();
}

