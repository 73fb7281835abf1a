import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listViewRequestSchema, slideRequestSchema, tickerRequestSchema } from '../../../shared/content/content-requests.ts';
import { EMPTY_LIST_VIEW_DRAFT, listViewDraftOf, listViewFieldOf, listViewRequestOf } from '../../../controller/console/src/pages/content/list-view-draft.ts';
import { aspectLabel, previewScale, screenSizeOf, SCREEN_SIZES } from '../../../controller/console/src/pages/content/screen-sizes.ts';
import { previewSlideOf, slideDraftOf, slideRequestOf } from '../../../controller/console/src/pages/content/slide-draft.ts';
import { previewTickerOf, tickerDraftOf, tickerLine, tickerRequestOf } from '../../../controller/console/src/pages/content/ticker-draft.ts';
import { tickerCharsPerSecond, tickerSecondsAcross } from '../../../controller/console/src/pages/content/ticker-speed.ts';

describe('preview screens', () => {
  it('shrinks a screen to fit the box, never enlarging it', () => {
    assert.equal(previewScale({ width: 1920, height: 1080 }, 640, 560), 1 / 3);
    assert.equal(previewScale({ width: 1080, height: 1920 }, 640, 480), 0.25);
    assert.equal(previewScale({ width: 800, height: 600 }, 1600, 1200), 1);
    assert.equal(previewScale({ width: 1920, height: 1080 }, 0, 560), 0);
  });

  it('names each screen by its aspect ratio, and falls back to 1080p for an unknown key', () => {
    assert.deepEqual(SCREEN_SIZES.map(aspectLabel), ['16:9', '9:16', '16:9', '6:1']);
    assert.equal(screenSizeOf('640x480').key, '1920x1080');
  });
});

describe('slide draft', () => {
  it('submits trimmed text the controller accepts, leaving out an empty footer', () => {
    const request = slideRequestOf({ title: '  诚实守信  ', body: ' 守信光荣 \n', theme: 'red', footer: '  ' });
    assert.deepEqual(request, { title: '诚实守信', body: '守信光荣', theme: 'red' });
    assert.ok(slideRequestSchema.safeParse(request).success);
  });

  it('opens a stored slide as it was, and previews a stand-in title until one is typed', () => {
    const document = { kind: 'slide' as const, title: '诚信', body: '正文', theme: 'black' as const, footer: '办公室' };
    assert.deepEqual(slideRequestOf(slideDraftOf(document)), { title: '诚信', body: '正文', theme: 'black', footer: '办公室' });
    assert.deepEqual(previewSlideOf({ title: ' ', theme: 'red' }, '请输入标题'), { kind: 'slide', title: '请输入标题', body: '', theme: 'red' });
  });
});

describe('ticker draft', () => {
  it('keeps a ticker to one line and sends a title only when one was written', () => {
    assert.equal(tickerLine(' 诚信\r\n为本  守信\t为荣 '), '诚信 为本 守信 为荣');
    const request = tickerRequestOf({ text: '诚信为本\n守信为荣', title: ' ', pxPerSecond: 90 });
    assert.deepEqual(request, { text: '诚信为本 守信为荣', pxPerSecond: 90 });
    assert.ok(tickerRequestSchema.safeParse(request).success);
    assert.deepEqual(tickerRequestOf({ text: 'x', title: '热线' }), { text: 'x', title: '热线', pxPerSecond: 120 });
  });

  it('leaves a title the controller derived from the text blank when a ticker is reopened', () => {
    const text = '诚信是立身之本，守信是立业之基。失信行为举报电话：12345，欢迎社会各界监督，共建信用城市';
    assert.equal(tickerDraftOf({ kind: 'ticker', title: text.slice(0, 40), text, pxPerSecond: 90 }).title, '');
    assert.equal(tickerDraftOf({ kind: 'ticker', title: '举报热线', text, pxPerSecond: 90 }).title, '举报热线');
    assert.deepEqual(previewTickerOf({ text: '' }, '请输入字幕文字'), { id: 'preview', text: '请输入字幕文字', pxPerSecond: 120 });
  });

  it('says what a speed means to a reader at 1080p', () => {
    assert.equal(tickerCharsPerSecond(120), 2.3);
    assert.equal(tickerSecondsAcross(120), 16);
    assert.equal(tickerSecondsAcross(0), 1920);
  });
});

describe('list view draft', () => {
  it('sends only the options chosen, each as the controller takes it', () => {
    const request = listViewRequestOf({
      ...EMPTY_LIST_VIEW_DRAFT,
      title: ' 失信被执行人 ',
      categories: ['失信被执行人', ' 失信被执行人 ', ''],
      regions: ['1503'],
      layout: 'split',
      splitMediaContentId: 'img-1',
      motionMode: 'page',
      rowsPerPage: 8,
      secondsPerPage: 12,
      qrTarget: 'entry',
      qrUrlTemplate: ' https://x.cn/?q={code} ',
    });
    assert.deepEqual(request, {
      title: '失信被执行人',
      list: 'black',
      durationSeconds: 60,
      view: { categories: ['失信被执行人'], regions: ['1503'], layout: 'split', splitMediaContentId: 'img-1', motion: { mode: 'page', rowsPerPage: 8, secondsPerPage: 12 }, qr: { target: 'entry', urlTemplate: 'https://x.cn/?q={code}' } },
    });
    assert.ok(listViewRequestSchema.safeParse(request).success);
    // A full-screen view at the display's own motion, without a QR code, is an empty view.
    assert.deepEqual(listViewRequestOf({ ...EMPTY_LIST_VIEW_DRAFT, title: '红名单', list: 'red', splitMediaContentId: 'left-over' }).view, {});
  });

  it('opens a stored view with its choices, and submits it back unchanged', () => {
    const document = {
      kind: 'list-view' as const, title: '守信红名单', list: 'red' as const, source: '信用乌海', durationMs: 45_000,
      view: { layout: 'marquee' as const, motion: { mode: 'scroll' as const, pxPerSecond: 80 }, qr: { target: 'list' as const, urlTemplate: 'https://x.cn/{list}' } },
    };
    assert.deepEqual(listViewRequestOf(listViewDraftOf(document)), { title: '守信红名单', list: 'red', source: '信用乌海', durationSeconds: 45, view: document.view });
  });

  it('puts the server\'s issues on the flat fields', () => {
    assert.deepEqual(listViewFieldOf(['title']), ['title']);
    assert.deepEqual(listViewFieldOf(['view', 'regions', '1']), ['regions']);
    assert.deepEqual(listViewFieldOf(['view', 'splitMediaContentId']), ['splitMediaContentId']);
    assert.deepEqual(listViewFieldOf(['view', 'motion', 'rowsPerPage']), ['rowsPerPage']);
    assert.deepEqual(listViewFieldOf(['view', 'motion']), ['motionMode']);
    assert.deepEqual(listViewFieldOf(['view', 'qr', 'urlTemplate']), ['qrUrlTemplate']);
    assert.deepEqual(listViewFieldOf(['view', 'qr']), ['qrTarget']);
    assert.equal(listViewFieldOf(['view']), null);
    assert.equal(listViewFieldOf(['kind']), null);
  });
});
