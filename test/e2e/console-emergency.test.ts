// The approver's emergency journey in the real console: a notice to all screens through the form and
// its confirmation (which states the reach), a real player's ack arriving in the live table, and the
// end; the server and the screen agree at each step. A technician may watch but not act.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Player } from '../../player/core/player.ts';
import { consoleScreenshot, consoleSuite } from '../support/console-fixtures.ts';
import { adoptPlayer, displayState, startTestPlayer } from '../support/player-harness.ts';
import { waitFor } from '../support/wait-for.ts';

async function shownEmergencyId(player: Player): Promise<string | null> {
  const state = await displayState(player);
  return state.mode === 'playing' ? (state.emergency?.id ?? null) : null;
}

describe('console emergency notice', () => {
  const suite = consoleSuite();
  let player: Player | null = null;
  const playerDir = mkdtempSync(join(tmpdir(), 'gongshi-console-emergency-player-'));
  after(async () => {
    await player?.close();
    rmSync(playerDir, { recursive: true, force: true });
  });

  it('sends a notice to all screens after confirming its reach, watches the screen ack it, and ends it', async () => {
    const h = suite.harness();
    const approver = await h.as('approver');
    player = await startTestPlayer(h.url, playerDir);
    const screenId = await adoptPlayer(player, await h.as('technician'), '乌海站候车大厅一号屏');

    const page = await suite.signIn('approver');
    await page.goto(`${h.url}/console/emergencies`);
    await page.getByTestId('no-active-emergency').waitFor();
    await consoleScreenshot(page, 'emergencies');

    await page.getByRole('button', { name: '发布紧急通知' }).click();
    const form = page.getByRole('dialog', { name: '发布紧急通知' });
    await form.getByRole('button', { name: '下一步：确认发布' }).click();
    await form.getByText('请填写标题').waitFor();
    await form.getByLabel('标题').fill('暴雨红色预警');
    await form.getByLabel('正文').fill('请勿前往低洼地带，听从现场工作人员指挥，有序候车。');
    await form.getByTestId('notice-preview').getByText('暴雨红色预警').waitFor();
    await consoleScreenshot(page, 'emergencies-form');
    await form.getByRole('button', { name: '下一步：确认发布' }).click();

    const confirmation = page.getByRole('dialog', { name: '确认发布紧急通知' });
    await confirmation.getByText('将立即发送到 1 块屏幕').waitFor();
    await confirmation.getByText('这 1 块屏幕当前均在线，将在数秒内显示。').waitFor();
    await consoleScreenshot(page, 'emergencies-confirm');
    await confirmation.getByRole('button', { name: '立即发布' }).click();
    await page.getByText('紧急通知已发布到 1 块屏幕').waitFor();

    const listed = await approver.request('GET', '/api/v1/emergencies?active=true');
    assert.equal(listed.body.items.length, 1);
    const id = listed.body.items[0].id as string;
    assert.deepEqual([listed.body.items[0].content.title, listed.body.items[0].target], ['暴雨红色预警', 'all']);

    // The screen's ack shows up in the table the console polls.
    const acks = page.getByTestId('ack-table');
    await acks.locator('[data-testid="ack-summary"][aria-label="已确认 1 / 1"]').waitFor({ timeout: 15_000 });
    await acks.getByRole('row', { name: /乌海站候车大厅一号屏.*已确认显示/ }).waitFor();
    assert.equal(await shownEmergencyId(player), id, 'the screen shows the notice it acked');
    const one = await approver.request('GET', `/api/v1/emergencies/${id}`);
    assert.deepEqual(one.body.screens.map((s: { screenId: string; status: string }) => [s.screenId, s.status]), [[screenId, 'showing']]);
    await consoleScreenshot(page, 'emergencies-acks');

    // A technician watches the same notice but is offered neither sending nor ending.
    const technician = await suite.signIn('technician');
    await technician.goto(`${h.url}/console/emergencies`);
    await technician.getByTestId(`active-emergency-${id}`).waitFor();
    assert.equal(await technician.getByRole('button', { name: '发布紧急通知' }).count(), 0);
    assert.equal(await technician.getByTestId(`end-emergency-${id}`).count(), 0);
    await technician.close();

    await page.getByTestId(`end-emergency-${id}`).click();
    await page.getByRole('dialog', { name: /结束紧急通知「暴雨红色预警」/ }).getByRole('button', { name: '结束通知' }).click();
    await page.getByText('紧急通知已结束，屏幕正在恢复正常节目').waitFor();
    await page.getByTestId('no-active-emergency').waitFor();
    const ended = await approver.request('GET', `/api/v1/emergencies/${id}`);
    assert.deepEqual([ended.body.active, ended.body.endedByName], [false, 'approver']);
    await waitFor('the screen to drop the notice', async () => (await shownEmergencyId(player!)) === null);
    await page.getByTestId('emergency-history').getByRole('button', { name: '回 执' }).click();
    await page.getByTestId('ack-table').getByText('通知已结束，以下为最终回执').waitFor();
    await consoleScreenshot(page, 'emergencies-history');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('ack-table').getByText('The notice has ended; these are the final acks').waitFor();
    await consoleScreenshot(page, 'emergencies-history-en');
  });
});
