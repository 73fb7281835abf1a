import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import { demoListRows, toCsv } from '../../controller/server/demo/demo-lists.ts';
import { entriesToTakeDown } from '../../controller/server/jobs/expiry-job.ts';
import { startControllerHarness } from '../support/controller-harness.ts';
import { adoptPlayer, displayState, shownEntryIds, startTestPlayer } from '../support/player-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';

const DAY = 86_400_000;

describe('valid-until', () => {
  it('ends an entry at midnight after its valid-until date: the job republishes, and an offline player drops it on its own clock', async (t) => {
    let controllerNow = Date.now();
    let playerNow = Date.now();
    const h = await startControllerHarness(tempDir(t), { now: () => controllerNow });
    let up = true;
    t.after(async () => {
      if (up) await h.close();
    });
    const today = calendarDateAt(controllerNow, 480);
    const rows = demoListRows('red', today, 3, 8);
    rows[0]!.有效期至 = today;
    const operator = await h.as('operator');
    const upload = await operator.upload('/api/v1/imports?list=red', 'red.csv', toCsv(rows));
    assert.equal(upload.status, 201, JSON.stringify(upload.body));
    await (await h.as('approver')).request('POST', `/api/v1/change-sets/${upload.body.changeSetId}/approve`, { comment: 'ok' });

    // Lists never go stale here (see stale-lists.test.ts): what empties the screen must be expiry alone.
    const player = await startTestPlayer(h.url, tempDir(t), { now: () => playerNow, maxListAgeMs: 10 * 365 * DAY });
    t.after(() => player.close());
    await adoptPlayer(player, await h.as('technician'), '机场屏');
    await waitFor('three entries on screen', async () => shownEntryIds(await displayState(player)).length === 3);
    const expiring = (await operator.request('GET', `/api/v1/entries?q=${encodeURIComponent(rows[0]!.主体名称)}`)).body.items[0].id as string;

    // Controller side: nothing to do today; tomorrow the job finds the entry and takes it down.
    assert.deepEqual(await entriesToTakeDown(h.controller.context), []);
    controllerNow += DAY;
    const due = await entriesToTakeDown(h.controller.context);
    assert.deepEqual(due, [expiring]);
    const result = await h.controller.context.publishAndAnnounce('entries expired', { entryIds: due });
    assert.deepEqual(result.takedownIds, [expiring]);
    await waitFor('the takedown to reach the player', async () => !shownEntryIds(await displayState(player)).includes(expiring));

    // Player side, offline: a second entry expires by the player's own clock alone.
    await h.close();
    up = false;
    await waitFor('the player to go offline', () => !player.status().connected);
    assert.equal(shownEntryIds(await displayState(player)).length, 2);
    playerNow += 3 * 365 * DAY; // past every demo entry's valid-until
    await waitFor('expired entries to leave the offline screen', async () => shownEntryIds(await displayState(player)).length === 0, { timeoutMs: 3_000 });
    const state = await displayState(player);
    assert.equal(state.mode === 'playing' && state.fallback, true, 'the fallback slide, not a blank screen');
  });
});
