import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../../controller/console/src/api/client.ts';
import { contentFileUrl, countByStatus, documentOf, filterContent, splitMediaChoices, type ContentItem } from '../../../controller/console/src/pages/content/content-items.ts';
import { titleFromFileName } from '../../../controller/console/src/pages/content/media-upload.ts';
import { fieldIn, placeIssues } from '../../../controller/console/src/pages/content/server-issues.ts';

function item(id: string, kind: ContentItem['kind'], document: object, patch: Partial<ContentItem> = {}): ContentItem {
  return {
    id, kind, title: id, documentJson: JSON.stringify(document), assetSha256: 'a'.repeat(64), status: 'pending', position: 1,
    submittedBy: 'u1', submittedByName: '操作员', submittedAt: 1_000, reviewedBy: null, reviewedByName: null, reviewedAt: null, reviewComment: null, ...patch,
  };
}

const slide = { kind: 'slide', title: '诚信', body: '', theme: 'red' };
const image = { kind: 'image', title: '海报', mediaType: 'image/png', durationMs: 15_000 };

describe('content library rows', () => {
  it('reads each row by its kind, and a row it cannot read as null rather than an error', () => {
    assert.deepEqual(documentOf(item('s', 'slide', slide)), { kind: 'slide', document: slide });
    assert.equal(documentOf(item('t', 'ticker', { kind: 'ticker', title: 'x', text: '诚信', pxPerSecond: 120 }))?.kind, 'ticker');
    assert.equal(documentOf(item('i', 'image', image))?.kind, 'image');
    assert.equal(documentOf(item('s', 'slide', { kind: 'slide' })), null);
    assert.equal(documentOf({ kind: 'slide', documentJson: '{not json' }), null);
  });

  it('filters by kind, status and title, newest change first', () => {
    const rows = [
      item('old-slide', 'slide', slide, { submittedAt: 1_000 }),
      item('reviewed-image', 'image', image, { submittedAt: 500, reviewedAt: 5_000, status: 'approved', title: '诚信海报' }),
      item('new-slide', 'slide', slide, { submittedAt: 3_000, status: 'rejected', title: 'Integrity Day' }),
    ];
    assert.deepEqual(filterContent(rows, { kind: null, status: null, text: '' }).map((r) => r.id), ['reviewed-image', 'new-slide', 'old-slide']);
    assert.deepEqual(filterContent(rows, { kind: 'slide', status: null, text: '' }).map((r) => r.id), ['new-slide', 'old-slide']);
    assert.deepEqual(filterContent(rows, { kind: null, status: 'approved', text: '' }).map((r) => r.id), ['reviewed-image']);
    assert.deepEqual(filterContent(rows, { kind: null, status: null, text: ' integrity ' }).map((r) => r.id), ['new-slide']);
    assert.deepEqual(countByStatus(rows), { pending: 1, approved: 1, rejected: 1, retired: 0 });
  });

  it('offers as a split picture only images and videos still in play', () => {
    const rows = [item('i1', 'image', image), item('i2', 'image', image, { status: 'retired' }), item('v', 'video', { ...image, kind: 'video', mediaType: 'video/mp4' }, { status: 'approved' }), item('s', 'slide', slide), item('i3', 'image', image, { status: 'rejected' })];
    assert.deepEqual(splitMediaChoices(rows).map((r) => r.id), ['i1', 'v']);
  });

  it('reads any item\'s file from the console\'s own route, the id encoded', () => {
    assert.equal(contentFileUrl('a/b'), '/api/v1/content/a%2Fb/file');
  });

  it('suggests a title from a file name without its extension or folder', () => {
    assert.equal(titleFromFileName('诚信海报-2024.final.png'), '诚信海报-2024.final');
    assert.equal(titleFromFileName('C:\\海报\\poster.webp'), 'poster');
    assert.equal(titleFromFileName('.png'), '.png');
  });
});

describe('server issues on form fields', () => {
  const refused = new ApiError(400, 'validation.failed', '请求内容无效', {
    issues: [
      { path: 'body.title', message: 'Too big', code: 'too_big' },
      { path: 'body.view.categories.2', message: 'Too small', code: 'too_small' },
      { path: 'body.unknownField', message: 'Unrecognised' },
      { path: 7, message: 'not a path' },
    ],
  });

  it('puts each issue on the field its path names, numbers as list indexes, and keeps the rest', () => {
    const placed = placeIssues(refused, (path) => (path[0] === 'title' ? ['title'] : path[0] === 'view' ? path.slice(1) : null));
    assert.deepEqual(placed.fields, [
      { name: ['title'], code: 'too_big', message: 'Too big' },
      { name: ['categories', 2], code: 'too_small', message: 'Too small' },
    ]);
    assert.deepEqual(placed.unplaced, [{ path: 'unknownField', message: 'Unrecognised' }]);
  });

  it('knows fields by their first segment, and has nothing to place for other errors', () => {
    assert.deepEqual(fieldIn(['title', 'body'])(['body']), ['body']);
    assert.equal(fieldIn(['title'])(['theme']), null);
    assert.deepEqual(placeIssues(new Error('network'), fieldIn(['title'])), { fields: [], unplaced: [] });
    assert.deepEqual(placeIssues(new ApiError(409, 'content.not-pending', 'x', null), fieldIn(['title'])), { fields: [], unplaced: [] });
  });
});
