// Unit tests for the pure display-state builder: pairing, fallback, expiry, filtering and order.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DisplayState } from '../../../shared/display/display-state.ts';
import type { SlideDocument } from '../../../shared/protocol/manifest.ts';
import { buildWithEntries, type InputWithEntries } from '../../support/entry-sets.ts';
import { NOW, makeEntry, makeManifest, makePerson } from './fixtures.ts';

const SLIDE_SHA = 'a'.repeat(64);
const slide: SlideDocument = { kind: 'slide', title: '诚信建设 人人有责', body: '守信光荣', theme: 'integrity' };

function input(overrides: Partial<InputWithEntries> = {}): InputWithEntries {
  return {
    paired: true,
    screenName: '火车站大屏',
    pairingCode: null,
    controllerUrl: 'http://controller.test',
    manifest: makeManifest({ version: 3, revision: 7, entries: [] }),
    listRevision: 7,
    listsUpdatedAt: NOW - 60_000,
    entries: [],
    media: new Set(),
    slides: new Map(),
    nowMs: NOW,
    locale: 'zh-CN',
    ...overrides,
  };
}

function playing(state: DisplayState) {
  assert.equal(state.mode, 'playing');
  return state;
}

describe('display-state builder', () => {
  it('shows the pairing screen with the code while unpaired', () => {
    const state = buildWithEntries(input({ paired: false, pairingCode: '123456', locale: 'en' }));
    assert.deepEqual(state, { mode: 'pairing', pairingCode: '123456', controllerUrl: 'http://controller.test', locale: 'en' });
  });

  it('falls back when paired but no manifest was ever applied', () => {
    const state = playing(buildWithEntries(input({ manifest: null, entries: [makeEntry({ id: 'e1' })] })));
    assert.equal(state.fallback, true);
    assert.deepEqual(state.timeline, []);
    assert.equal(state.manifestVersion, 0);
    assert.equal(state.screenName, '火车站大屏');
  });

  it('falls back when every list is empty and there are no slides', () => {
    const state = playing(buildWithEntries(input()));
    assert.equal(state.fallback, true);
    assert.deepEqual(state.timeline, []);
  });

  it('falls back when the only entries have expired', () => {
    const state = playing(buildWithEntries(input({ entries: [makeEntry({ id: 'old', expiresAt: NOW })] })));
    assert.equal(state.fallback, true);
  });

  it('shows an entry until, and not at, its expiresAt instant', () => {
    const entry = makeEntry({ id: 'e1', expiresAt: NOW + 1 });
    const before = playing(buildWithEntries(input({ entries: [entry], nowMs: NOW })));
    const at = playing(buildWithEntries(input({ entries: [entry], nowMs: NOW + 1 })));
    assert.equal(before.fallback, false);
    assert.equal(at.fallback, true);
  });

  it('puts each entry only under the list item of its own list', () => {
    const entries = [makeEntry({ id: 'b1', list: 'black' }), makeEntry({ id: 'r1', list: 'red', category: 'A级纳税人' })];
    const state = playing(buildWithEntries(input({ entries })));
    const byId = Object.fromEntries(state.timeline.map((item) => [item.id, item]));
    assert.deepEqual(byId['black-list']?.kind === 'list' && byId['black-list'].entries.map((e) => e.id), ['b1']);
    assert.deepEqual(byId['red-list']?.kind === 'list' && byId['red-list'].entries.map((e) => e.id), ['r1']);
  });

  it('drops an empty list item when other items have something to show', () => {
    const state = playing(buildWithEntries(input({ entries: [makeEntry({ id: 'b1', list: 'black' })] })));
    assert.equal(state.fallback, false);
    assert.deepEqual(state.timeline.map((item) => item.id), ['black-list']);
  });

  it('sorts entries newest listing first, then by name in Chinese order', () => {
    const entries = [
      makePerson({ id: 'p1', name: '张*', listedOn: '2024-03-01' }),
      makePerson({ id: 'p2', name: '李*', listedOn: '2024-03-01' }),
      makePerson({ id: 'p3', name: '王*', listedOn: '2024-05-20' }),
      makePerson({ id: 'p4', name: '艾*', listedOn: '2023-12-31' }),
    ];
    const state = playing(buildWithEntries(input({ entries })));
    const item = state.timeline[0];
    assert.ok(item?.kind === 'list');
    // 李 (lǐ) sorts before 张 (zhāng) in pinyin order.
    assert.deepEqual(item.entries.map((e) => e.id), ['p3', 'p2', 'p1', 'p4']);
  });

  it('keeps the timeline order of the manifest and includes cached slides', () => {
    const manifest = makeManifest({
      version: 4,
      revision: 7,
      entries: [],
      timeline: [
        { kind: 'slide', id: 'intro', asset: { sha256: SLIDE_SHA, bytes: 100 }, durationMs: 10_000 },
        { kind: 'list', id: 'black-list', list: 'black', title: '失信黑名单', source: '信用中国', durationMs: 30_000 },
      ],
    });
    const state = playing(buildWithEntries(input({ manifest, entries: [makeEntry({ id: 'b1' })], slides: new Map([[SLIDE_SHA, slide]]) })));
    assert.deepEqual(state.timeline.map((item) => item.id), ['intro', 'black-list']);
    assert.equal(state.timeline[0]?.kind === 'slide' && state.timeline[0].slide.title, slide.title);
    assert.equal(state.manifestVersion, 4);
  });

  it('plays slides alone when the lists are empty, and skips a slide whose document is not cached', () => {
    const manifest = makeManifest({
      version: 4,
      revision: 7,
      entries: [],
      timeline: [
        { kind: 'slide', id: 'cached', asset: { sha256: SLIDE_SHA, bytes: 100 }, durationMs: 10_000 },
        { kind: 'slide', id: 'missing', asset: { sha256: 'b'.repeat(64), bytes: 100 }, durationMs: 10_000 },
        { kind: 'list', id: 'red-list', list: 'red', title: '守信红名单', source: '信用中国', durationMs: 30_000 },
      ],
    });
    const state = playing(buildWithEntries(input({ manifest, slides: new Map([[SLIDE_SHA, slide]]) })));
    assert.equal(state.fallback, false);
    assert.deepEqual(state.timeline.map((item) => item.id), ['cached']);
  });

  it('falls back when the only slide is not cached and lists are empty', () => {
    const manifest = makeManifest({
      version: 4,
      revision: 7,
      entries: [],
      timeline: [{ kind: 'slide', id: 'missing', asset: { sha256: SLIDE_SHA, bytes: 100 }, durationMs: 10_000 }],
    });
    assert.equal(playing(buildWithEntries(input({ manifest }))).fallback, true);
  });

  it('carries revision, update time, trusted now and locale through', () => {
    const state = playing(buildWithEntries(input({ entries: [makeEntry({ id: 'b1' })], locale: 'en' })));
    assert.equal(state.listRevision, 7);
    assert.equal(state.listsUpdatedAt, NOW - 60_000);
    assert.equal(state.nowMs, NOW);
    assert.equal(state.locale, 'en');
  });

  it('does not reorder or mutate the input entries', () => {
    const entries = [makeEntry({ id: 'b', listedOn: '2024-01-01' }), makeEntry({ id: 'a', listedOn: '2024-02-01' })];
    const copy = structuredClone(entries);
    buildWithEntries(input({ entries }));
    assert.deepEqual(entries, copy);
  });
});

describe('display-state builder on stale lists', () => {
  it('fails closed when the lists are older than allowed: a notice instead of entries, while slides go on', () => {
    const manifest = makeManifest({
      version: 3,
      revision: 7,
      entries: [],
      timeline: [
        { kind: 'list', id: 'black', list: 'black', title: '失信黑名单', source: '信用乌海', durationMs: 30_000 },
        { kind: 'slide', id: 'intro', asset: { sha256: SLIDE_SHA, bytes: 100 }, durationMs: 10_000 },
      ],
    });
    const common = { manifest, entries: [makeEntry({ id: 'b1', list: 'black' })], slides: new Map([[SLIDE_SHA, slide]]), maxListAgeMs: 48 * 3_600_000 };
    const fresh = playing(buildWithEntries(input({ ...common, listsUpdatedAt: NOW - 48 * 3_600_000 })));
    assert.deepEqual(fresh.timeline.map((i) => (i.kind === 'list' ? [i.id, i.entries.length, i.stale ?? false] : [i.id])), [['black', 1, false], ['intro']]);
    const stale = playing(buildWithEntries(input({ ...common, listsUpdatedAt: NOW - 48 * 3_600_000 - 1 })));
    assert.deepEqual(stale.timeline.map((i) => (i.kind === 'list' ? [i.id, i.entries.length, i.stale ?? false] : [i.id])), [['black', 0, true], ['intro']]);
    assert.equal(stale.fallback, false);
    const never = playing(buildWithEntries(input({ ...common, listsUpdatedAt: null })));
    assert.equal(never.timeline[0]?.kind === 'list' && never.timeline[0].stale, true);
  });
});

