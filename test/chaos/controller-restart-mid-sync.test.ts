// Chaos: the controller stops half-way through a player's list sync and comes back; the screen keeps its last complete list throughout and then converges, nothing lost or doubled.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pino from 'pino';
import { startController, type RunningController } from '../../controller/server/controller.ts';
import { demoListRows, toCsv } from '../../controller/server/demo/demo-lists.ts';
import { CACHE_FILE_NAME } from '../../player/core/cache/player-cache.ts';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import { ApiClient, importAndApprove, startControllerHarness } from '../support/controller-harness.ts';
import { adoptPlayer, displayState, shownEntryIds, startTestPlayer } from '../support/player-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { startThrottledProxy } from '../support/throttled-proxy.ts';
import { waitFor } from '../support/wait-for.ts';

const today = calendarDateAt(Date.now(), 480);

describe('the controller going away mid-sync', () => {
  it('leaves the last complete list on screen, then converges without losing or doubling an entry', async (t) => {
    const root = tempDir(t);
    const h = await startControllerHarness(root);
    let controller: RunningController = h.controller;
    t.after(() => controller.close());
    const proxy = await startThrottledProxy(h.url);
    t.after(() => proxy.close());

    await importAndApprove(h, 'black', toCsv(demoListRows('black', today, 300, 5)));
    const playerDir = tempDir(t);
    const player = await startTestPlayer(proxy.url, playerDir);
    t.after(() => player.close());
    await adoptPlayer(player, await h.as('technician'), '一号屏');
    await waitFor('the first list on screen', async () => shownEntryIds(await displayState(player)).length === 300);
    const first = player.status().manifestVersion;

    // 12,000 more entries pulled through a slow link: several seconds of paging to interrupt.
    proxy.setRate(512 * 1024);
    await importAndApprove(h, 'black', toCsv(demoListRows('black', today, 12_000, 6)));
    // Pages already staged in the player's cache (read beside it: WAL lets a reader in) prove the
    // sync is under way; the controller is stopped in the middle of it.
    const cache = new Database(join(playerDir, CACHE_FILE_NAME), { readonly: true });
    const staged = cache.prepare<[], { n: number }>('SELECT count(*) AS n FROM staged_changes');
    await waitFor('pages of the new list staged', () => (staged.get()?.n ?? 0) > 0);
    cache.close();
    assert.equal(player.status().manifestVersion, first, 'the sync finished before the controller could be stopped');

    await controller.close();
    await waitFor('the player to notice', () => !player.status().connected);
    const during = await displayState(player);
    assert.equal(during.mode, 'playing');
    assert.equal(during.mode === 'playing' && during.fallback, false, 'the screen fell back to the fallback slide');
    // Staged pages are not shown: the screen holds exactly the last complete list.
    assert.equal(shownEntryIds(during).length, 300);

    proxy.setRate(Infinity);
    controller = await startController({ dataDir: join(root, 'controller'), port: h.controller.port, logger: pino({ level: 'silent' }) });
    const technician = new ApiClient(controller.url);
    assert.equal((await technician.login('technician')).status, 200);
    const health = (await technician.request('GET', '/api/v1/health')).body as { manifestVersion: number; listRevision: number };
    await waitFor('the player to converge', () => player.status().manifestVersion === health.manifestVersion && player.status().listRevision === health.listRevision, { timeoutMs: 60_000 });

    const shown = shownEntryIds(await displayState(player));
    assert.equal(shown.length, 12_300);
    assert.equal(new Set(shown).size, shown.length, 'an entry is shown twice');
    const operator = new ApiClient(controller.url);
    assert.equal((await operator.login('operator')).status, 200);
    const approved = (await operator.request('GET', '/api/v1/entries?list=black&status=approved&limit=1')).body as { total: number };
    assert.equal(approved.total, shown.length);
  });
});
