// What the display page keeps of a state from its core: list views, entry sets and ticker bands kept
// when sound, dropped when doubtful, absent from older cores; entry pages checked entry by entry.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDisplayState } from '../../player/display/src/state/parse-display-state.ts';
import { parseEntryPage } from '../../player/display/src/state/parse-entry-page.ts';
import type { DisplayItem, DisplayState, ServedDisplayState, ServedListItem } from '../../shared/display/display-state.ts';
import { encodeEntryPage } from '../../shared/display/entry-page.ts';
import { listItem, makeEntries, makeEntry, playingState } from '../support/display-fixtures.ts';
import { servedDisplay } from '../support/entry-sets.ts';

type Playing = Extract<ServedDisplayState, { mode: 'playing' }>;

const POSTER = { kind: 'image', src: `/media/${'e'.repeat(64)}`, mediaType: 'image/png', title: '诚信海报' } as const;

/** A test's state as a core would serve it, through JSON, parsed. */
function parsePlaying(raw: DisplayState): Playing {
  const state = parseDisplayState(JSON.parse(JSON.stringify(servedDisplay(() => raw).getState())));
  assert.ok(state && state.mode === 'playing', 'not a playing state');
  return state;
}

function parsedList(view: Record<string, unknown>): ServedListItem {
  const item = { ...listItem('black', makeEntries('black', 2)), ...view };
  const [parsed] = parsePlaying(playingState([item as DisplayItem])()).timeline;
  assert.ok(parsed && parsed.kind === 'list');
  return parsed;
}

describe('parsing a display state', () => {
  it('takes a state from an older core, without tickers or list views, as no band and full-screen scrolling lists', () => {
    const raw = playingState([listItem('red', makeEntries('red', 3))])();
    assert.equal('tickers' in raw, false);
    const state = parsePlaying(raw);
    assert.deepEqual(state.tickers, []);
    const [item] = state.timeline;
    assert.ok(item?.kind === 'list');
    assert.equal(item.layout, undefined);
    assert.equal(item.motion, undefined);
    assert.equal(item.split, undefined);
  });

  it('keeps a list view’s layout, motion and split picture', () => {
    assert.deepEqual(
      { ...parsedList({ layout: 'split', motion: { mode: 'page', rowsPerPage: 8, secondsPerPage: 10 }, split: POSTER }), entrySet: null },
      { ...parsedList({}), entrySet: null, layout: 'split', motion: { mode: 'page', rowsPerPage: 8, secondsPerPage: 10 }, split: POSTER },
    );
    assert.deepEqual(parsedList({ layout: 'marquee', motion: { mode: 'scroll', pxPerSecond: 90 } }).motion, { mode: 'scroll', pxPerSecond: 90 });
    assert.equal(parsedList({ layout: 'marquee' }).layout, 'marquee');
  });

  it('drops a layout or motion it does not know, and a split whose picture is not one of the core’s files', () => {
    assert.equal(parsedList({ layout: 'carousel' }).layout, undefined);
    assert.equal(parsedList({ motion: { mode: 'scroll', pxPerSecond: 5_000 } }).motion, undefined);
    assert.equal(parsedList({ motion: { mode: 'page', rowsPerPage: 0, secondsPerPage: 10 } }).motion, undefined);
    assert.equal(parsedList({ motion: 'fast' }).motion, undefined);
    for (const split of [{ ...POSTER, src: 'https://example.com/poster.png' }, { ...POSTER, mediaType: 'video/mp4' }, { ...POSTER, src: '/media/../secret' }, null]) {
      const item = parsedList({ layout: 'split', split });
      assert.equal(item.layout, undefined, JSON.stringify(split));
      assert.equal(item.split, undefined);
    }
    // A picture without the split layout is not shown beside anything.
    assert.equal(parsedList({ layout: 'marquee', split: POSTER }).split, undefined);
  });

  it('keeps sound tickers, bounds their speed, and refuses one that holds a full ID number', () => {
    const state = parsePlaying(
      playingState([], {
        tickers: [
          { id: 'ok', text: '诚信建设 人人有责', pxPerSecond: 120 },
          { id: 'slow', text: '慢', pxPerSecond: 1 },
          { id: 'id-number', text: '举报人 11010519491231002X 已核实', pxPerSecond: 100 },
          { id: 'blank', text: '   ', pxPerSecond: 100 },
          { id: 'long', text: '长'.repeat(501), pxPerSecond: 100 },
          { id: '', text: '无编号', pxPerSecond: 100 },
          { id: 'no-speed', text: '无速度' },
          'text',
        ] as never,
      })(),
    );
    assert.deepEqual(state.tickers, [
      { id: 'ok', text: '诚信建设 人人有责', pxPerSecond: 120 },
      { id: 'slow', text: '慢', pxPerSecond: 20 },
    ]);
    assert.deepEqual(parsePlaying({ ...playingState([])(), tickers: 'none' } as never).tickers, []);
  });

  it('names a list’s entry set, and drops a list whose set it cannot fetch from the core', () => {
    const served = servedDisplay(playingState([listItem('black', makeEntries('black', 300))])).getState();
    assert.ok(served.mode === 'playing');
    const [item] = (parseDisplayState(JSON.parse(JSON.stringify(served))) as Playing).timeline;
    assert.ok(item?.kind === 'list' && item.entrySet !== null);
    assert.deepEqual(item.entrySet.pages, [256, 44]);
    const withSet = (entrySet: unknown) => parseDisplayState({ ...served, timeline: [{ ...served.timeline[0], entrySet }] }) as Playing;
    for (const bad of [null, { id: '../state', pages: [1] }, { id: 'a', pages: [0] }, { id: 'a', pages: [1.5] }, { id: 'a', pages: 'all' }, { id: '', pages: [] }]) {
      assert.deepEqual(withSet(bad).timeline, [], JSON.stringify(bad));
    }
    // A stale list names no set, whatever arrives with the flag.
    const stale = parseDisplayState({ ...served, timeline: [{ ...served.timeline[0], stale: true }] }) as Playing;
    assert.deepEqual(stale.timeline.map((i) => (i.kind === 'list' ? [i.stale, i.entrySet] : null)), [[true, null]]);
  });

  it('keeps the sound entries of a page in order and drops one that is malformed or holds an unmasked ID number', () => {
    const masked = makeEntry('black', { subjectType: 'natural-person', name: '钱**', code: '150302********0021' });
    const unmasked = makeEntry('black', { subjectType: 'natural-person', name: '孙**', code: '150302199001010021' });
    const nameless = { ...makeEntry('black'), name: '' };
    const badDate = { ...makeEntry('black'), listedOn: '2025-3-18' };
    const badExpiry = { ...makeEntry('black'), expiresAt: 1.5 };
    const ok = makeEntry('black');
    // Same values as the sound entries, in other entries: a value is checked once, an entry dropped alone.
    const page = JSON.parse(encodeEntryPage([masked, unmasked, nameless, badDate, badExpiry, ok]));
    assert.deepEqual(parseEntryPage(page), [masked, ok]);
    assert.equal(parseEntryPage({ format: 1, count: 1 }), null);
  });
});
