// Chaos: a player with a small disk budget evicts old unneeded media, never what is on screen, and refuses a manifest that cannot fit while it keeps playing.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { DisplayState } from '../../shared/display/display-state.ts';
import { makeNoisePng } from '../fixtures/media/png.ts';
import { startControllerHarness, type ApiClient } from '../support/controller-harness.ts';
import { adoptPlayer, displayState, startTestPlayer } from '../support/player-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';

const KB = 1024;

// Noise does not compress, so each poster's PNG is close to its raw size (about 300 KB).
const poster = (seed: number): Buffer => makeNoisePng(320, 320, seed);

function shownTitles(state: DisplayState): string[] {
  return state.mode === 'playing' ? state.timeline.flatMap((i) => (i.kind === 'image' ? [i.title] : [])).sort() : [];
}

describe('the player disk budget', () => {
  it('evicts least recently used media no manifest needs, and refuses what cannot fit without losing the screen', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const operator = await h.as('operator');
    const approver = await h.as('approver');
    const upload = async (client: ApiClient, title: string, seed: number) => {
      const response = await client.upload(`/api/v1/content/media?title=${encodeURIComponent(title)}`, `${title}.png`, poster(seed));
      assert.equal(response.status, 201, JSON.stringify(response.body));
      return response.body as { id: string; sha256: string; bytes: number };
    };
    const approve = async (id: string) => assert.equal((await approver.request('POST', `/api/v1/content/${id}/approve`, {})).status, 200);

    const a = await upload(operator, '海报甲', 10);
    const b = await upload(operator, '海报乙', 20);
    const c = await upload(operator, '海报丙', 30);
    const d = await upload(operator, '海报丁', 40);
    const size = a.bytes;
    assert.ok(size > 250 * KB, `poster is ${size} bytes`);
    // Room for two posters and a half: the third one forces an eviction.
    const budget = Math.floor(size * 2.5);

    const playerDir = tempDir(t);
    const player = await startTestPlayer(h.url, playerDir, { assetBudgetBytes: budget });
    t.after(() => player.close());
    await adoptPlayer(player, await h.as('technician'), '一号屏');
    const file = (sha256: string) => join(playerDir, 'assets', sha256);
    const showing = async (titles: string[]) => waitFor(`screen showing ${titles.join('、')}`, async () => JSON.stringify(shownTitles(await displayState(player))) === JSON.stringify([...titles].sort()));

    await approve(a.id);
    await approve(b.id);
    await showing(['海报甲', '海报乙']);

    // A leaves the rotation but stays cached: a schedule may bring it back.
    assert.equal((await operator.request('POST', `/api/v1/content/${a.id}/retire`, { comment: '活动结束' })).status, 200);
    await showing(['海报乙']);
    assert.ok(existsSync(file(a.sha256)));

    // C needs room: A, the least recently used and needed by nobody, goes; B, on screen, stays.
    await approve(c.id);
    await showing(['海报乙', '海报丙']);
    assert.equal(existsSync(file(a.sha256)), false, 'the unneeded poster was kept over budget');
    assert.ok(existsSync(file(b.sha256)) && existsSync(file(c.sha256)));

    // D would need three posters at once: refused, reported, and the screen keeps B and C.
    const versionBefore = player.status().manifestVersion;
    await approve(d.id);
    const error = await waitFor('the budget error', () => (player.status().lastError?.includes('budget') ? player.status().lastError : null));
    assert.match(error, /budget/);
    assert.equal(player.status().manifestVersion, versionBefore);
    assert.deepEqual(shownTitles(await displayState(player)), ['海报丙', '海报乙'].sort());
    assert.ok(existsSync(file(b.sha256)) && existsSync(file(c.sha256)), 'media on screen was evicted');
    assert.equal(existsSync(file(d.sha256)), false);
  });
});
