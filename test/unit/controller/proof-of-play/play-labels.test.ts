import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentRowIdOf, playLabelsFrom } from '../../../../controller/server/features/proof-of-play/play-labels.ts';

describe('play labels', () => {
  it('finds the content row behind a manifest item id', () => {
    assert.equal(contentRowIdOf('slide-0b6f4a9e-1111-4a4a-8888-123456789abc'), '0b6f4a9e-1111-4a4a-8888-123456789abc');
    assert.equal(contentRowIdOf('listview-42'), '42');
    assert.equal(contentRowIdOf('video-v1'), 'v1');
    assert.equal(contentRowIdOf('list-red'), null);
    assert.equal(contentRowIdOf('mystery'), null);
  });

  it('names screens and content, the whole lists by their own names, and unknown ids as null', () => {
    const labels = playLabelsFrom(new Map([['s1', '火车站大屏']]), new Map([['c1', '诚信兴商']]));
    assert.equal(labels.screenName('s1'), '火车站大屏');
    assert.equal(labels.screenName('s2'), null);
    assert.equal(labels.contentTitle('slide-c1'), '诚信兴商');
    assert.equal(labels.contentTitle('list-black'), '失信黑名单');
    assert.equal(labels.contentTitle('list-red'), '守信红名单');
    assert.equal(labels.contentTitle('image-gone'), null);
  });
});
