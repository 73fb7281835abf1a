import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultTimeline } from '../../../../controller/server/features/publishing/timeline.ts';

const settings = { cityName: '乌海市', dataSource: '信用乌海', listDurationMs: 60_000, slideDurationMs: 15_000 };
const slide = (id: string) => ({ kind: 'slide' as const, id, sha256: id.repeat(64).slice(0, 64), bytes: 10, document: { kind: 'slide' as const, title: id, body: '', theme: 'integrity' as const } });

describe('default timeline', () => {
  it('places approved images and videos in the rotation with their own durations and media types', () => {
    const video = { kind: 'video' as const, id: 'v', sha256: 'f'.repeat(64), bytes: 2048, title: '诚信宣传片', mediaType: 'video/mp4' as const, durationMs: 30_000 };
    const items = defaultTimeline(settings, [slide('a'), video]);
    assert.deepEqual(items.map((i) => i.id), ['list-red', 'slide-a', 'list-black', 'video-v']);
    assert.deepEqual(items[3], { kind: 'video', id: 'video-v', title: '诚信宣传片', asset: { sha256: 'f'.repeat(64), bytes: 2048, mediaType: 'video/mp4' }, durationMs: 30_000 });
  });

  it('alternates lists and slides: red, slide, black, slide, then the remaining slides', () => {
    const items = defaultTimeline(settings, [slide('a'), slide('b'), slide('c')]);
    assert.deepEqual(items.map((i) => i.id), ['list-red', 'slide-a', 'list-black', 'slide-b', 'slide-c']);
    assert.equal(items[0]!.kind === 'list' && items[0]!.title, '乌海市守信红名单');
  });

  it('is just the two lists when there are no slides', () => {
    assert.deepEqual(defaultTimeline(settings, []).map((i) => i.id), ['list-red', 'list-black']);
  });
});
