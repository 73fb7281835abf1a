// The display's entry sets: the compact page form, paging and naming by content, expiry and
// withdrawal applied to the sets as they stand, list views, and the pages kept with the cache.

import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { decodeEntryPage, encodeEntryPage } from '../../../shared/display/entry-page.ts';
import type { PublicEntry } from '../../../shared/lists/list-entry.ts';
import { openPlayerCache, type PlayerCache } from '../../../player/core/cache/player-cache.ts';
import { buildEntrySet, FIRST_PAGE_ENTRIES, PAGE_ENTRIES, setEntries } from '../../../player/core/entry-sets/entry-set.ts';
import { EntrySetLibrary } from '../../../player/core/entry-sets/entry-set-library.ts';
import { CachedEntrySets } from '../../../player/core/entry-sets/cached-entry-sets.ts';
import { DAY_MS, NOW, makeEntry, makePerson, silentLogger, tempDir } from './fixtures.ts';

const ids = (entries: readonly PublicEntry[]): string[] => entries.map((entry) => entry.id);
const many = (count: number, overrides: Partial<PublicEntry> = {}): PublicEntry[] =>
  Array.from({ length: count }, (_, i) => makeEntry({ id: `e${String(i).padStart(6, '0')}`, ...overrides }));

describe('entry pages', () => {
  it('carry every field, optional ones only where present, and come back equal', () => {
    const entries = [
      makeEntry({ id: 'a', legalRepresentative: '王某某', basis: '（2024）内0302执123号' }),
      makePerson({ id: 'p', name: '赵**', code: '150302********0013' }),
      makeEntry({ id: 'b' }),
    ];
    assert.deepEqual(decodeEntryPage(JSON.parse(encodeEntryPage(entries))), entries);
  });

  it('write a repeated text once', () => {
    const entries = many(1_000, { reason: '有履行能力而拒不履行生效法律文书确定义务' });
    const page = encodeEntryPage(entries);
    assert.equal(page.split('有履行能力而拒不履行').length - 1, 1);
    assert.ok(page.length < JSON.stringify(entries).length / 3, `${page.length} bytes against ${JSON.stringify(entries).length} as plain JSON`);
  });

  it('refuse a page whose columns do not add up', () => {
    const page = JSON.parse(encodeEntryPage([makeEntry({ id: 'a' }), makeEntry({ id: 'b' })]));
    assert.equal(decodeEntryPage({ ...page, count: 3 }), null);
    assert.equal(decodeEntryPage({ ...page, format: 2 }), null);
    assert.equal(decodeEntryPage({ ...page, text: { ...page.text, list: { values: ['black'], index: [0, 1] } } }), null);
    assert.equal(decodeEntryPage({ ...page, text: { ...page.text, name: { values: [1, 2] } } }), null);
    assert.equal(decodeEntryPage('[]'), null);
  });
});

describe('entry sets', () => {
  it('page a list small first, then in large pages, and name it by its content', () => {
    const entries = many(FIRST_PAGE_ENTRIES + PAGE_ENTRIES + 10);
    const set = buildEntrySet(entries);
    assert.deepEqual(set.pages.map((page) => page.count), [FIRST_PAGE_ENTRIES, PAGE_ENTRIES, 10]);
    assert.deepEqual(ids(setEntries(set)), ids(entries));
    assert.equal(buildEntrySet(structuredClone(entries)).id, set.id);
    assert.notEqual(buildEntrySet(entries.slice(1)).id, set.id);
    assert.notEqual(buildEntrySet([...entries].reverse()).id, set.id);
  });

  it('hold each list’s showable entries, newest listing first, and a view’s narrower part of them', () => {
    const library = EntrySetLibrary.fromEntries(
      [
        makeEntry({ id: 'old', listedOn: '2024-01-01' }),
        makeEntry({ id: 'new', listedOn: '2024-05-01', category: '重大税收违法' }),
        makeEntry({ id: 'gone', expiresAt: NOW }),
        makeEntry({ id: 'red', list: 'red', category: 'A级纳税人' }),
      ],
      NOW,
    );
    assert.deepEqual(ids(setEntries(library.setFor('black', undefined))), ['new', 'old']);
    assert.deepEqual(ids(setEntries(library.setFor('red', {}))), ['red']);
    const view = library.setFor('black', { categories: ['重大税收违法'] });
    assert.deepEqual(ids(setEntries(view)), ['new']);
    assert.equal(library.setFor('black', { categories: ['重大税收违法'] }), view, 'derived once');
    assert.equal(library.page(view.id, 0), view.pages[0]?.bytes);
    assert.equal(library.page(view.id, 1), null);
    assert.equal(library.page('no-such-set', 0), null);
  });

  it('lose an entry at its expiresAt instant, reading only the pages that hold one', () => {
    const entries = many(FIRST_PAGE_ENTRIES + 20, { expiresAt: NOW + DAY_MS });
    entries[FIRST_PAGE_ENTRIES + 3] = makeEntry({ id: 'soon', listedOn: '2000-01-01', expiresAt: NOW + 1_000 });
    const library = EntrySetLibrary.fromEntries(entries, NOW);
    const before = library.lists().black;
    assert.equal(library.nextExpiryAt(), NOW + 1_000);
    assert.equal(library.expire(NOW + 999), false);
    assert.equal(library.expire(NOW + 1_000), true);
    const after = library.lists().black;
    assert.notEqual(after.id, before.id);
    assert.equal(after.pages[0], before.pages[0], 'the first page, with nothing expiring, is kept as it was');
    assert.equal(after.count, entries.length - 1);
    assert.ok(!ids(setEntries(after)).includes('soon'));
  });

  it('lose withdrawn entries at once, and stay as they were when none of the ids is on them', () => {
    const library = EntrySetLibrary.fromEntries([...many(300), makeEntry({ id: 'red-1', list: 'red' })], NOW);
    const red = library.lists().red;
    assert.equal(library.withdraw(['not-listed']), false);
    assert.equal(library.withdraw(['e000005', 'e000299']), true);
    assert.equal(library.lists().black.count, 298);
    assert.equal(library.lists().red, red);
    // A long batch reads every page instead of searching each for each id.
    assert.equal(library.withdraw(Array.from({ length: 100 }, (_, i) => `e${String(i + 10).padStart(6, '0')}`)), true);
    assert.equal(library.lists().black.count, 198);
  });
});

describe('entry sets kept with the cache', () => {
  function apply(cache: PlayerCache, entries: PublicEntry[], tombstones: string[] = []): void {
    const revision = cache.lists.revision() + 1;
    cache.lists.beginStaging('delta', revision - 1);
    cache.lists.stagePage({ tombstones, upserts: entries, revision });
    cache.applySync({ manifestVersion: revision, signedManifestJson: `{"v":${revision}}`, listRevision: revision, appliedAt: NOW });
  }

  /** A cache holding ten black-list entries, and its sets. */
  function cachedTen(t: TestContext): { cache: PlayerCache; sets: CachedEntrySets } {
    const dir = tempDir();
    t.after(dir.remove);
    const cache = openPlayerCache(dir.path);
    t.after(() => cache.close());
    apply(cache, many(10));
    return { cache, sets: new CachedEntrySets(cache, NOW, silentLogger) };
  }

  it('are stored after a build and taken from the store at the next start, without reading an entry', (t) => {
    const dir = tempDir();
    t.after(dir.remove);
    const first = openPlayerCache(dir.path);
    apply(first, many(500));
    const built = new CachedEntrySets(first, NOW, silentLogger);
    first.close();

    const second = openPlayerCache(dir.path);
    t.after(() => second.close());
    second.lists.liveEntries = () => assert.fail('the stored pages should have been used');
    const loaded = new CachedEntrySets(second, NOW, silentLogger);
    assert.equal(loaded.library.lists().black.id, built.library.lists().black.id);
  });

  it('are built afresh when the stored pages were damaged or a change to the entries dropped them', (t) => {
    const { cache, sets } = cachedTen(t);
    assert.ok(cache.displayPages.load().length > 0);
    cache.db.prepare("UPDATE display_pages SET body = CAST('{}' AS BLOB)").run();
    assert.equal(new CachedEntrySets(cache, NOW, silentLogger).library.lists().black.count, 10);

    apply(cache, [makeEntry({ id: 'added' })]);
    assert.deepEqual(cache.displayPages.load(), [], 'a change to the live entries drops the stored pages');
    assert.equal(sets.refresh(NOW), true);
    assert.equal(sets.library.lists().black.count, 11);
    assert.equal(sets.refresh(NOW), false, 'nothing changed since');
    assert.equal(new CachedEntrySets(cache, NOW, silentLogger).library.lists().black.id, sets.library.lists().black.id);
  });

  it('store a withdrawal applied to them, and not sets a missed change has left behind', (t) => {
    const { cache, sets } = cachedTen(t);
    cache.lists.takedown(['e000001'], 2, NOW);
    assert.equal(sets.withdraw(['e000001']), true);
    assert.equal(new CachedEntrySets(cache, NOW, silentLogger).library.lists().black.id, sets.library.lists().black.id);

    // Two changes, one withdrawal heard of: the sets no longer match the entries and are not stored.
    cache.lists.removeLive(['e000002']);
    cache.lists.takedown(['e000003'], 3, NOW);
    assert.equal(sets.withdraw(['e000003']), true);
    assert.deepEqual(cache.displayPages.load(), []);
  });
});
