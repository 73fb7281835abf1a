// What the page reports for an image or video: shown once decoded, the fallback slide once it failed, nothing provable before.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { displayReportSchema } from '../../../shared/display/display-report.ts';
import { displayReportOf, showingOf } from '../../../player/display/src/state/display-report.ts';
import { createMediaDecodeLog } from '../../../player/display/src/state/media-decode.ts';
import type { Scene } from '../../../player/display/src/state/scene.ts';

const IMAGE_SCENE: Scene = {
  kind: 'media',
  key: 'image:image-poster',
  theme: 'integrity',
  item: { kind: 'image', id: 'image-poster', durationMs: 8_000, title: '诚信海报', src: `/media/${'a'.repeat(64)}`, mediaType: 'image/png' },
};
const VIDEO_SCENE: Scene = {
  kind: 'media',
  key: 'video:video-clip',
  theme: 'integrity',
  item: { kind: 'video', id: 'video-clip', durationMs: 30_000, title: '诚信宣传片', src: `/media/${'b'.repeat(64)}`, mediaType: 'video/mp4' },
};
const WINDOW = { screen: { width: 1920, height: 1080 }, innerWidth: 1920, innerHeight: 1080, devicePixelRatio: 1 };

describe('media in the display report', () => {
  it('names an image or video only once the browser decoded it', () => {
    const log = createMediaDecodeLog();
    assert.deepEqual(showingOf(IMAGE_SCENE, log.status), { kind: 'image', id: null, title: null }, 'not yet decoded: nothing to prove');
    log.record(IMAGE_SCENE.item.src, 'decoded');
    assert.deepEqual(showingOf(IMAGE_SCENE, log.status), { kind: 'image', id: 'image-poster', title: '诚信海报' });
    assert.deepEqual(showingOf(VIDEO_SCENE, log.status), { kind: 'video', id: null, title: null }, 'per src');
  });

  it('reports the fallback slide for media that failed to decode, as the screen shows it', () => {
    const log = createMediaDecodeLog();
    log.record(VIDEO_SCENE.item.src, 'failed');
    const report = displayReportOf(VIDEO_SCENE, WINDOW, log.status);
    assert.deepEqual(report.showing, { kind: 'fallback', id: null, title: null });
    assert.equal(displayReportSchema.safeParse(report).success, true);
  });

  it('claims nothing for media when the caller knows nothing of its decoding', () => {
    assert.equal(showingOf(IMAGE_SCENE).id, null);
  });

  it('keeps the newest status per src and tells subscribers of changes only', () => {
    const log = createMediaDecodeLog();
    const changed: string[] = [];
    const unsubscribe = log.subscribe((src) => changed.push(src));
    log.record('/media/x', 'failed');
    log.record('/media/x', 'failed');
    log.record('/media/x', 'decoded');
    assert.deepEqual(changed, ['/media/x', '/media/x']);
    assert.equal(log.status('/media/x'), 'decoded');
    unsubscribe();
    log.record('/media/x', 'failed');
    assert.equal(changed.length, 2);
  });

  it('forgets the oldest srcs past a bound', () => {
    const log = createMediaDecodeLog();
    for (let i = 0; i < 250; i++) log.record(`/media/${i}`, 'decoded');
    assert.equal(log.status('/media/0'), 'pending');
    assert.equal(log.status('/media/249'), 'decoded');
  });
});
