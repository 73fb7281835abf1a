// Lists a screen could not confirm for too long fail closed ("数据更新中") while propaganda goes on, and come back with the controller.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import pino from 'pino';
import { startController, type RunningController } from '../../controller/server/controller.ts';
import { demoListRows, toCsv } from '../../controller/server/demo/demo-lists.ts';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import type { DisplayState } from '../../shared/display/display-state.ts';
import { importAndApprove, startControllerHarness } from '../support/controller-harness.ts';
import { adoptPlayer, displayState, startTestPlayer } from '../support/player-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';

const today = calendarDateAt(Date.now(), 480);
const MAX_LIST_AGE_MS = 2_000;

function lists(state: DisplayState): { stale: boolean; entries: number }[] {
  return state.mode === 'playing' ? state.timeline.flatMap((i) => (i.kind === 'list' ? [{ stale: i.stale === true, entries: i.entries.length }] : [])) : [];
}
const slides = (state: DisplayState): number => (state.mode === 'playing' ? state.timeline.filter((i) => i.kind === 'slide').length : 0);

describe('list data too old to show', () => {
  it('stays fresh while connected, fails closed offline past the limit with slides still playing, and recovers', async (t) => {
    const root = tempDir(t);
    const h = await startControllerHarness(root);
    let controller: RunningController = h.controller;
    t.after(() => controller.close());
    await importAndApprove(h, 'black', toCsv(demoListRows('black', today, 5, 3)));
    const operator = await h.as('operator');
    const slide = await operator.request('POST', '/api/v1/content/slides', { title: '诚信建设万里行', body: '守信光荣', theme: 'integrity' });
    assert.equal((await (await h.as('approver')).request('POST', `/api/v1/content/${slide.body.id}/approve`, {})).status, 200);

    const player = await startTestPlayer(h.url, tempDir(t), { maxListAgeMs: MAX_LIST_AGE_MS, listConfirmIntervalMs: 200 });
    t.after(() => player.close());
    await adoptPlayer(player, await h.as('technician'), '一号屏');
    await waitFor('the black list on screen', async () => lists(await displayState(player)).some((l) => l.entries === 5));

    // Connected and in sync, the data stays current well past the limit, with no publish at all.
    await new Promise((resolve) => setTimeout(resolve, MAX_LIST_AGE_MS * 2));
    assert.deepEqual(lists(await displayState(player)).find((l) => l.entries > 0), { stale: false, entries: 5 });

    await controller.close();
    const offline = await waitFor('the lists to fail closed', async () => {
      const state = await displayState(player);
      return lists(state).every((l) => l.stale) ? state : null;
    });
    assert.ok(lists(offline).every((l) => l.entries === 0), 'a stale list still carries entries');
    assert.equal(slides(offline), 1, 'propaganda stopped with the lists');

    controller = await startController({ dataDir: join(root, 'controller'), port: h.controller.port, logger: pino({ level: 'silent' }) });
    await waitFor('the lists back', async () => lists(await displayState(player)).some((l) => !l.stale && l.entries === 5), { timeoutMs: 30_000 });
  });
});
