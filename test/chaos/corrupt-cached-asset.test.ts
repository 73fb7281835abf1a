// Chaos: a cached slide damaged on disk is detected, never shown, and fetched again once the controller is reachable.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { DisplayState } from '../../shared/display/display-state.ts';
import { startControllerHarness } from '../support/controller-harness.ts';
import type { Player } from '../../player/core/player.ts';
import { adoptPlayer, displayState, startTestPlayer } from '../support/player-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';

const SLIDE = { title: '诚信建设万里行', body: '守信者处处受益，失信者寸步难行', theme: 'integrity' };

function shownSlideTitles(state: DisplayState): string[] {
  if (state.mode !== 'playing') return [];
  return state.timeline.flatMap((item) => (item.kind === 'slide' ? [item.slide.title] : []));
}

describe('a cached asset corrupted on disk', () => {
  it('is refused at start-up, never reaches the screen, and is downloaded again', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const operator = await h.as('operator');
    const created = await operator.request('POST', '/api/v1/content/slides', SLIDE);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const approver = await h.as('approver');
    assert.equal((await approver.request('POST', `/api/v1/content/${created.body.id}/approve`, {})).status, 200);

    const playerDir = tempDir(t);
    // Closed at the end even when an assertion fails half-way, so a failure cannot hang the run.
    const open = new Set<Player>();
    t.after(async () => {
      for (const p of open) await p.close();
    });
    const start = async (url: string): Promise<Player> => {
      const started = await startTestPlayer(url, playerDir);
      open.add(started);
      return started;
    };
    const stop = async (stopping: Player): Promise<void> => {
      open.delete(stopping);
      await stopping.close();
    };
    let player = await start(h.url);
    await adoptPlayer(player, await h.as('technician'), '一号屏');
    await waitFor('the slide on screen', async () => shownSlideTitles(await displayState(player)).includes(SLIDE.title));
    await stop(player);

    // Damage that still parses: one character of the title changed, so only the hash can tell.
    const sha256 = created.body.sha256 as string;
    const file = join(playerDir, 'assets', sha256);
    const original = readFileSync(file, 'utf8');
    const damaged = original.replace('诚信', '失信');
    assert.notEqual(damaged, original);
    writeFileSync(file, damaged);

    // Offline first (nothing listens on port 9 here): the damaged slide must not be shown.
    player = await start('http://127.0.0.1:9');
    const offline = await displayState(player);
    assert.deepEqual(shownSlideTitles(offline), [], 'a corrupted slide was put on screen');
    // Still the paired screen, playing what remains (the fallback slide if nothing does), not a pairing code.
    assert.equal(offline.mode, 'playing');
    await stop(player);

    // Back online, the sync notices the missing asset of the current manifest and fetches it again.
    player = await start(h.url);
    await waitFor('the slide back on screen', async () => shownSlideTitles(await displayState(player)).includes(SLIDE.title));
    assert.equal(createHash('sha256').update(readFileSync(file)).digest('hex'), sha256);
  });
});
