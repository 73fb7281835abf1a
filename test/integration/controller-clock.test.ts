// A screen whose clock is wrong keeps time by the controller's: entries expire when the controller's calendar says so, not the screen's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import { syntheticRow, toCsv } from '../fixtures/imports/synthetic-import.ts';
import { importAndApprove, startControllerHarness } from '../support/controller-harness.ts';
import { adoptPlayer, displayState, shownEntryIds, startTestPlayer } from '../support/player-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';

const DAY_MS = 86_400_000;

describe('controller time on the player', () => {
  it('corrects a screen clock three days fast, so entries valid until tomorrow stay on screen', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const tomorrow = calendarDateAt(Date.now() + DAY_MS, 480);
    const rows = Array.from({ length: 6 }, (_, i) => ({ ...syntheticRow(i), 有效期至: tomorrow }));
    await importAndApprove(h, 'black', toCsv(rows));

    // The local clock (and the monotonic one the test derives from it) runs three days ahead.
    const player = await startTestPlayer(h.url, tempDir(t), { now: () => Date.now() + 3 * DAY_MS });
    t.after(() => player.close());
    await adoptPlayer(player, await h.as('technician'), '一号屏');
    await waitFor('the entries on screen', async () => shownEntryIds(await displayState(player)).length === 6);

    const state = await displayState(player);
    assert.equal(state.mode, 'playing');
    assert.ok(state.mode === 'playing' && Math.abs(state.nowMs - Date.now()) < 60_000, 'trusted time is not the controller time');
  });
});
