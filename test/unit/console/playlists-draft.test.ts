import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addItem, defaultSecondsFor, draftFromDocument, draftProblems, emptyDraft, formatSeconds, moveItem, playlistBody, removeItem, setDuration, totalSeconds,
} from '../../../controller/console/src/pages/playlists/playlist-draft.ts';
import type { ContentRow } from '../../../controller/console/src/pages/playlists/programme-api.ts';

const content = (id: string, kind: ContentRow['kind'], document: object): ContentRow => ({ id, kind, title: id, documentJson: JSON.stringify(document), status: 'approved' });

describe('playlist draft', () => {
  it('reads a stored playlist into whole seconds with keys, and writes it back as the API takes it', () => {
    const draft = draftFromDocument('大厅', { items: [{ contentId: 'list-red', durationMs: 60_000 }, { contentId: 's1', durationMs: 15_000 }], tickerIds: ['t1'] });
    assert.deepEqual(draft.items.map((item) => [item.key, item.durationSeconds]), [['item-1', 60], ['item-2', 15]]);
    assert.deepEqual(playlistBody({ ...draft, name: '  大厅  ' }), { name: '大厅', items: [{ contentId: 'list-red', durationSeconds: 60 }, { contentId: 's1', durationSeconds: 15 }], tickerIds: ['t1'] });
  });

  it('gives the same content added twice two keys, so each can be dragged and timed on its own', () => {
    let draft = addItem(emptyDraft(), 's1', 15);
    draft = addItem(draft, 's1', 15);
    assert.notEqual(draft.items[0]?.key, draft.items[1]?.key);
    draft = setDuration(draft, draft.items[1]?.key ?? '', 40);
    assert.deepEqual(draft.items.map((item) => item.durationSeconds), [15, 40]);
    draft = removeItem(draft, draft.items[0]?.key ?? '');
    assert.deepEqual(draft.items.map((item) => item.durationSeconds), [40]);
    // A key handed out once is never handed out again, even after a removal.
    draft = addItem(draft, 's2', 10);
    assert.equal(new Set(draft.items.map((item) => item.key)).size, 2);
  });

  it('moves a dragged item to where it was dropped, forwards and backwards', () => {
    let draft = emptyDraft();
    for (const id of ['a', 'b', 'c', 'd']) draft = addItem(draft, id, 10);
    const keyOf = (id: string) => draft.items.find((item) => item.contentId === id)?.key ?? '';
    const order = (d: typeof draft) => d.items.map((item) => item.contentId).join('');
    assert.equal(order(moveItem(draft, keyOf('a'), keyOf('c'))), 'bcad');
    assert.equal(order(moveItem(draft, keyOf('d'), keyOf('a'))), 'dabc');
    assert.equal(moveItem(draft, keyOf('b'), 'nope'), draft, 'a drop outside the list changes nothing');
  });

  it('totals the loop and spells it m:ss or h:mm:ss', () => {
    assert.equal(totalSeconds([{ durationSeconds: 60 }, { durationSeconds: 15 }]), 75);
    assert.equal(totalSeconds([{ durationSeconds: Number.NaN }, { durationSeconds: 5 }]), 5, 'a half-typed duration does not poison the total');
    assert.equal(formatSeconds(75), '1:15');
    assert.equal(formatSeconds(5), '0:05');
    assert.equal(formatSeconds(3725), '1:02:05');
  });

  it('starts a new item at its content\'s own duration, a whole list at a minute, anything else at 15 s', () => {
    const library = [content('v1', 'list-view', { durationMs: 40_000 }), content('m1', 'video', { durationMs: 7_200_000 }), content('s1', 'slide', { title: 'x' })];
    assert.equal(defaultSecondsFor('v1', library), 40);
    assert.equal(defaultSecondsFor('m1', library), 3_600, 'clamped to the hour an item may last');
    assert.equal(defaultSecondsFor('s1', library), 15);
    assert.equal(defaultSecondsFor('list-black', library), 60);
    assert.equal(defaultSecondsFor('unknown', library), 15);
  });

  it('names what the server would refuse: no name, no items, a duration out of 3–3600 s', () => {
    assert.deepEqual(draftProblems(emptyDraft()).map((p) => p.kind), ['name', 'no-items']);
    let draft = { ...addItem(addItem(emptyDraft(), 'a', 2), 'b', 3600), name: '午间' };
    assert.deepEqual(draftProblems(draft), [{ kind: 'duration', key: 'item-1' }]);
    draft = setDuration(draft, 'item-1', 3.5);
    assert.deepEqual(draftProblems(draft), [{ kind: 'duration', key: 'item-1' }], 'whole seconds only');
    assert.deepEqual(draftProblems(setDuration(draft, 'item-1', 3)), []);
  });
});
