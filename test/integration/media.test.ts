// Images and videos through the whole path: upload, sniffed type, approval, download and hash check on the player, served to the display.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import type { DisplayState } from '../../shared/display/display-state.ts';
import { makePng } from '../fixtures/media/png.ts';
import { startControllerHarness } from '../support/controller-harness.ts';
import { adoptPlayer, displayState, startTestPlayer } from '../support/player-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function mediaItems(state: DisplayState) {
  return state.mode === 'playing' ? state.timeline.flatMap((item) => (item.kind === 'image' || item.kind === 'video' ? [item] : [])) : [];
}

// An MP4's leading 'ftyp' box and some payload: enough for the controller's sniffing and the
// player's hash check, which never decode the video.
const fakeMp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(300_000, 7)]);

describe('images and videos', () => {
  it('refuses a file that is not an image or a video, whatever its name', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const operator = await h.as('operator');
    const refused = await operator.upload('/api/v1/content/media?title=宣传图', 'poster.png', '<html><script>alert(1)</script></html>');
    assert.equal(refused.status, 415);
    assert.equal(refused.body.code, 'content.unsupported-media');
    assert.match(refused.body.message, /poster\.png/);
    assert.equal((await operator.request('GET', '/api/v1/content')).body.items.length, 0);
    const noTitle = await operator.upload('/api/v1/content/media', 'poster.png', makePng(8, 8, [200, 0, 0], [255, 215, 0]));
    assert.equal(noTitle.status, 400);
  });

  it('are shown only once approved, downloaded and verified, and served to the display with ranges', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const operator = await h.as('operator');
    const png = makePng(64, 36, [200, 16, 46], [255, 215, 0]);
    const image = await operator.upload('/api/v1/content/media?title=诚信海报&durationSeconds=8', 'poster.png', png);
    assert.equal(image.status, 201, JSON.stringify(image.body));
    assert.deepEqual({ kind: image.body.kind, mediaType: image.body.mediaType, sha256: image.body.sha256, bytes: image.body.bytes }, { kind: 'image', mediaType: 'image/png', sha256: sha256(png), bytes: png.byteLength });
    const video = await operator.upload('/api/v1/content/media?title=诚信宣传片&durationSeconds=30', 'clip.mp4', fakeMp4);
    assert.equal(video.status, 201, JSON.stringify(video.body));
    assert.equal(video.body.kind, 'video');

    const player = await startTestPlayer(h.url, tempDir(t));
    t.after(() => player.close());
    await adoptPlayer(player, await h.as('technician'), '一号屏');
    // Pending content never reaches the screen (invariant 1).
    await waitFor('the first manifest', () => player.status().manifestVersion > 0);
    assert.deepEqual(mediaItems(await displayState(player)), []);
    // Nor is it downloadable from the controller.
    assert.equal((await fetch(`${h.url}/assets/${image.body.sha256}`)).status, 404);

    const approver = await h.as('approver');
    for (const id of [image.body.id, video.body.id]) assert.equal((await approver.request('POST', `/api/v1/content/${id}/approve`, {})).status, 200);
    const items = await waitFor('both media items on the display', async () => {
      const shown = mediaItems(await displayState(player));
      return shown.length === 2 ? shown : null;
    });
    assert.deepEqual(
      items.map((i) => ({ kind: i.kind, title: i.title, mediaType: i.mediaType, durationMs: i.durationMs })),
      [
        { kind: 'image', title: '诚信海报', mediaType: 'image/png', durationMs: 8_000 },
        { kind: 'video', title: '诚信宣传片', mediaType: 'video/mp4', durationMs: 30_000 },
      ],
    );

    const origin = new URL(player.displayUrl).origin;
    const served = await fetch(`${origin}${items[0]!.src}`);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/png');
    assert.equal(sha256(new Uint8Array(await served.arrayBuffer())), sha256(png));
    // Chromium streams and seeks video with Range requests.
    const range = await fetch(`${origin}${items[1]!.src}`, { headers: { range: 'bytes=100-199' } });
    assert.equal(range.status, 206);
    assert.equal(range.headers.get('content-type'), 'video/mp4');
    assert.deepEqual(new Uint8Array(await range.arrayBuffer()), new Uint8Array(fakeMp4.subarray(100, 200)));
    // Only hashes of the current manifest are served.
    assert.equal((await fetch(`${origin}/media/${'0'.repeat(64)}`)).status, 404);
  });
});
