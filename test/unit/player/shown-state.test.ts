// What a list shows while its entry set is arriving a page at a time: a new list its first pages,
// sized for the whole; a list on screen its previous rows until its new set is all in.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NOTHING_SHOWN, timelineShown, type LoadedEntrySet, type ShownTimeline } from '../../../player/display/src/state/shown-state.ts';
import type { DisplayListItem, ServedDisplayItem } from '../../../shared/display/display-state.ts';
import { makeEntry } from './fixtures.ts';

const listItem = (setId: string, pages: number[]): ServedDisplayItem => ({ kind: 'list', id: 'black', list: 'black', title: '失信被执行人', source: '法院', durationMs: 60_000, entrySet: { id: setId, pages } });
const entries = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => makeEntry({ id: `${prefix}${i}` }));
const shownList = (shown: ShownTimeline): DisplayListItem => {
  const [item] = shown.items;
  assert.ok(item?.kind === 'list');
  return item;
};

describe('a list while its entries arrive', () => {
  it('shows a new list’s first pages as they come, sized for all of it, and then all of it', () => {
    const a = entries('a', 5);
    const nothing = timelineShown([listItem('A', [2, 3])], new Map(), NOTHING_SHOWN);
    assert.deepEqual(shownList(nothing).entries, []);
    assert.equal(shownList(nothing).entryTotal, 5);
    const first = timelineShown([listItem('A', [2, 3])], new Map([['A', { entries: a.slice(0, 2), complete: false }]]), nothing);
    assert.deepEqual(shownList(first).entries, a.slice(0, 2));
    assert.equal(shownList(first).entryTotal, 5);
    const all = timelineShown([listItem('A', [2, 3])], new Map([['A', { entries: a, complete: true }]]), first);
    assert.deepEqual(shownList(all).entries, a);
    assert.equal(shownList(all).entryTotal, undefined);
  });

  it('keeps a list’s rows until its new set is all in, then shows the new set', () => {
    const a = entries('a', 5);
    const b = a.slice(1);
    const shownA = timelineShown([listItem('A', [5])], new Map([['A', { entries: a, complete: true }]]), NOTHING_SHOWN);
    const loading: Map<string, LoadedEntrySet> = new Map([['B', { entries: b.slice(0, 2), complete: false }]]);
    const during = timelineShown([listItem('B', [2, 2])], loading, shownA);
    assert.deepEqual(shownList(during).entries, a);
    const still = timelineShown([listItem('B', [2, 2])], loading, during);
    assert.deepEqual(shownList(still).entries, a, 'still the rows of A, not B’s first page');
    const done = timelineShown([listItem('B', [2, 2])], new Map([['B', { entries: b, complete: true }]]), still);
    assert.deepEqual(shownList(done).entries, b);
  });

  it('shows a stale list without entries', () => {
    const stale: ServedDisplayItem = { ...listItem('A', [1]), entrySet: null, stale: true } as ServedDisplayItem;
    assert.deepEqual(shownList(timelineShown([stale], new Map(), NOTHING_SHOWN)).entries, []);
  });
});
