// Playlists, schedules, tickers and list views as the player core plays them: pure selection,
// the decider's re-evaluation, and the display state the builder makes of them.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildWithEntries, type InputWithEntries } from '../../support/entry-sets.ts';
import { playingSelection } from '../../../player/core/programme/playing-selection.ts';
import { ProgrammeDecider, defaultPlaylistDecision } from '../../../player/core/programme/programme-decider.ts';
import { isInRegions, regionCodeOf } from '../../../shared/lists/region.ts';
import { manifestSchema, type Manifest, type Programme, type TimelineItem } from '../../../shared/protocol/manifest.ts';
import { DAY_MS, NOW, makeEntry, makeManifest, makePerson } from './fixtures.ts';

const HOUR = 3_600_000;
const MEDIA_SHA = 'b'.repeat(64);

// NOW is Saturday 2024-06-01 12:00 in Asia/Shanghai (04:00 UTC).
const library: TimelineItem[] = [
  { kind: 'list', id: 'list-black', list: 'black', title: '失信黑名单', source: '信用中国（乌海）', durationMs: 30_000 },
  { kind: 'list', id: 'list-red', list: 'red', title: '守信红名单', source: '信用中国（乌海）', durationMs: 30_000 },
  {
    kind: 'list',
    id: 'listview-courts',
    list: 'black',
    title: '海勃湾区失信被执行人',
    source: '乌海市中级人民法院',
    durationMs: 30_000,
    view: { categories: ['失信被执行人'], regions: ['150302'], layout: 'split', splitMediaItemId: 'image-1', motion: { mode: 'page', rowsPerPage: 8, secondsPerPage: 10 } },
  },
  { kind: 'image', id: 'image-1', title: '诚信宣传', asset: { sha256: MEDIA_SHA, bytes: 100, mediaType: 'image/png' }, durationMs: 10_000 },
];

const programme: Programme = {
  playlists: [
    { id: 'daytime', items: [{ contentId: 'list-red', durationMs: 20_000 }, { contentId: 'image-1', durationMs: 5_000 }], tickerIds: ['ticker-hotline'] },
    { id: 'courts', items: [{ contentId: 'listview-courts', durationMs: 60_000 }] },
  ],
  schedules: [
    { id: 'lunch', playlistId: 'courts', screenGroupIds: ['court-hall'], weekdays: [6, 7], windows: [{ start: '11:30', end: '13:00' }], priority: 10 },
  ],
  defaultPlaylistId: 'daytime',
};

function withProgramme(overrides: Partial<Manifest> = {}): Manifest {
  return {
    ...makeManifest({ version: 5, revision: 3, entries: [], timeline: library }),
    tickers: [
      { id: 'ticker-hotline', text: '信用修复咨询电话 12345', pxPerSecond: 120 },
      { id: 'ticker-other', text: '诚信建设万里行', pxPerSecond: 80 },
    ],
    programme,
    ...overrides,
  };
}

describe('programme: which playlist plays', () => {
  it('plays the schedule\'s playlist inside its window for a screen of its group, in the screen\'s zone', () => {
    const decision = new ProgrammeDecider('UTC').decide({ manifest: withProgramme(), screenGroupIds: ['court-hall'], timeZone: 'Asia/Shanghai', nowMs: NOW });
    assert.equal(decision?.playlistId, 'courts');
    assert.deepEqual(decision?.source, { kind: 'schedule', scheduleId: 'lunch' });
    assert.equal(decision?.nextChangeAtMs, NOW + HOUR, 'the window closes at 13:00 Beijing time');
  });

  it('plays the default for a screen outside the schedule\'s groups, or whose zone puts it outside the window', () => {
    const decider = new ProgrammeDecider('UTC');
    assert.equal(decider.decide({ manifest: withProgramme(), screenGroupIds: ['station'], timeZone: 'Asia/Shanghai', nowMs: NOW })?.playlistId, 'daytime');
    // 12:00 in Beijing is 05:00 in London.
    assert.equal(new ProgrammeDecider('UTC').decide({ manifest: withProgramme(), screenGroupIds: ['court-hall'], timeZone: 'Europe/London', nowMs: NOW })?.playlistId, 'daytime');
  });

  it('uses the fallback zone when the controller has not sent one or sent one this runtime does not know', () => {
    const inBeijing = new ProgrammeDecider('Asia/Shanghai');
    assert.equal(inBeijing.decide({ manifest: withProgramme(), screenGroupIds: ['court-hall'], timeZone: null, nowMs: NOW })?.playlistId, 'courts');
    assert.equal(new ProgrammeDecider('Asia/Shanghai').decide({ manifest: withProgramme(), screenGroupIds: ['court-hall'], timeZone: 'Mars/Olympus', nowMs: NOW })?.playlistId, 'courts');
  });

  it('keeps its answer until the next change, then hands over to the default without being told', () => {
    const decider = new ProgrammeDecider('UTC');
    const inputs = { manifest: withProgramme(), screenGroupIds: ['court-hall'], timeZone: 'Asia/Shanghai' };
    const first = decider.decide({ ...inputs, nowMs: NOW });
    assert.equal(decider.decide({ ...inputs, nowMs: NOW + HOUR - 1 }), first, 'the same answer object: not re-evaluated');
    const after = decider.decide({ ...inputs, nowMs: NOW + HOUR });
    assert.equal(after?.playlistId, 'daytime');
    assert.deepEqual(after?.source, { kind: 'default' });
  });

  it('re-evaluates when the groups change or the clock steps back', () => {
    const decider = new ProgrammeDecider('UTC');
    const manifest = withProgramme();
    assert.equal(decider.decide({ manifest, screenGroupIds: ['court-hall'], timeZone: 'Asia/Shanghai', nowMs: NOW })?.playlistId, 'courts');
    assert.equal(decider.decide({ manifest, screenGroupIds: [], timeZone: 'Asia/Shanghai', nowMs: NOW })?.playlistId, 'daytime');
    assert.equal(decider.decide({ manifest, screenGroupIds: ['court-hall'], timeZone: 'Asia/Shanghai', nowMs: NOW })?.playlistId, 'courts');
    assert.equal(decider.decide({ manifest, screenGroupIds: ['court-hall'], timeZone: 'Asia/Shanghai', nowMs: NOW - DAY_MS })?.playlistId, 'daytime', 'Friday noon is outside the weekend window');
  });

  it('has no decision for a manifest without a programme: the timeline is the rotation, with every ticker', () => {
    const manifest = withProgramme({ programme: undefined });
    assert.equal(new ProgrammeDecider('UTC').decide({ manifest, screenGroupIds: ['court-hall'], timeZone: 'Asia/Shanghai', nowMs: NOW }), null);
    const selection = playingSelection(manifest, null);
    assert.deepEqual(selection.items, library);
    assert.deepEqual(selection.tickers.map((t) => t.id), ['ticker-hotline', 'ticker-other']);
  });

  it('plays a playlist\'s items in its order with its durations, and only its tickers', () => {
    const manifest = withProgramme();
    const selection = playingSelection(manifest, { playlistId: 'daytime', source: { kind: 'default' }, sinceMs: null, nextChangeAtMs: NOW + HOUR });
    assert.deepEqual(selection.items.map((item) => [item.id, item.durationMs]), [['list-red', 20_000], ['image-1', 5_000]]);
    assert.deepEqual(selection.tickers.map((t) => t.id), ['ticker-hotline']);
  });
});

describe('programme: the manifest schema', () => {
  it('accepts a programme whose references all resolve', () => {
    assert.equal(manifestSchema.safeParse(withProgramme()).success, true);
  });

  it('refuses a playlist naming content, or a ticker, the manifest does not hold, and a schedule naming a missing playlist', () => {
    const broken = withProgramme({
      programme: {
        ...programme,
        playlists: [{ id: 'daytime', items: [{ contentId: 'slide-gone', durationMs: 10_000 }], tickerIds: ['ticker-gone'] }],
        schedules: [{ ...(programme.schedules[0] as Programme['schedules'][number]), playlistId: 'courts' }],
      },
    });
    const result = manifestSchema.safeParse(broken);
    assert.equal(result.success, false);
    const messages = result.error?.issues.map((issue) => issue.message).join('\n') ?? '';
    assert.match(messages, /slide-gone/);
    assert.match(messages, /ticker-gone/);
    assert.match(messages, /playlist courts/);
  });

  it('refuses a default playlist that is not in the programme, and a split layout without an image or video', () => {
    assert.equal(manifestSchema.safeParse(withProgramme({ programme: { ...programme, defaultPlaylistId: 'nowhere' } })).success, false);
    const badSplit = library.map((item) => (item.id === 'listview-courts' && item.kind === 'list' ? { ...item, view: { ...item.view, splitMediaItemId: 'list-red' } } : item));
    assert.equal(manifestSchema.safeParse(withProgramme({ timeline: badSplit })).success, false);
  });
});

describe('list views: regions and categories', () => {
  it('reads the division code from a credit code (characters 3–8) and from a masked ID number (1–6)', () => {
    assert.equal(regionCodeOf({ subjectType: 'legal-person', code: '91150302MA0N0A1B2C' }), '150302');
    assert.equal(regionCodeOf({ subjectType: 'natural-person', code: '150304********0018' }), '150304');
    assert.equal(regionCodeOf({ subjectType: 'natural-person', code: '' }), null);
    assert.equal(isInRegions({ subjectType: 'legal-person', code: '91150302MA0N0A1B2C' }, ['1503']), true);
    assert.equal(isInRegions({ subjectType: 'legal-person', code: '91150302MA0N0A1B2C' }, ['150304', '14']), false);
    assert.equal(isInRegions({ subjectType: 'natural-person', code: '' }, ['15']), false, 'no region: not shown in a regional view');
    assert.equal(isInRegions({ subjectType: 'natural-person', code: '' }, undefined), true);
  });
});

describe('display state under a programme', () => {
  const entries = [
    makeEntry({ id: 'court-haibowan', code: '91150302MA0N0A1B2C' }),
    makeEntry({ id: 'court-wuda', code: '91150304MA0N0A1B2C' }),
    makeEntry({ id: 'tax-haibowan', code: '91150302MA0N0A1B2C', category: '重大税收违法' }),
    makePerson({ id: 'person-haibowan', code: '150302********0018' }),
    makeEntry({ id: 'red-1', list: 'red', category: 'A级纳税人' }),
  ];

  function input(overrides: Partial<InputWithEntries> = {}): InputWithEntries {
    return {
      paired: true,
      screenName: '法院大厅',
      pairingCode: null,
      controllerUrl: 'http://controller.test',
      manifest: withProgramme(),
      listRevision: 3,
      listsUpdatedAt: NOW - 60_000,
      entries,
      media: new Set([MEDIA_SHA]),
      slides: new Map(),
      nowMs: NOW,
      locale: 'zh-CN',
      programmeDecision: new ProgrammeDecider('UTC').decide({ manifest: withProgramme(), screenGroupIds: ['court-hall'], timeZone: 'Asia/Shanghai', nowMs: NOW }),
      ...overrides,
    };
  }

  it('shows the scheduled list view narrowed to its categories and regions, split beside its image, paged', () => {
    const state = buildWithEntries(input());
    assert.equal(state.mode, 'playing');
    if (state.mode !== 'playing') return;
    assert.deepEqual(state.programme, { playlistId: 'courts', scheduleId: 'lunch', nextChangeAtMs: NOW + HOUR });
    assert.equal(state.timeline.length, 1);
    const view = state.timeline[0];
    assert.equal(view?.kind, 'list');
    if (view?.kind !== 'list') return;
    assert.deepEqual(view.entries.map((e) => e.id).sort(), ['court-haibowan', 'person-haibowan']);
    assert.equal(view.durationMs, 60_000, 'the playlist\'s duration, not the library\'s');
    assert.equal(view.layout, 'split');
    assert.deepEqual(view.split, { kind: 'image', src: `/media/${MEDIA_SHA}`, mediaType: 'image/png', title: '诚信宣传' });
    assert.deepEqual(view.motion, { mode: 'page', rowsPerPage: 8, secondsPerPage: 10 });
    assert.deepEqual(state.tickers, [], 'the courts playlist has no ticker');
  });

  it('shows the list full screen while the split\'s image is not verified', () => {
    const state = buildWithEntries(input({ media: new Set() }));
    assert.equal(state.mode === 'playing' && state.timeline[0]?.kind === 'list' ? (state.timeline[0].layout ?? 'full') : null, 'full');
  });

  it('plays the default playlist with its ticker outside the window', () => {
    const later = NOW + 2 * HOUR;
    const state = buildWithEntries(input({ nowMs: later, programmeDecision: new ProgrammeDecider('UTC').decide({ manifest: withProgramme(), screenGroupIds: ['court-hall'], timeZone: 'Asia/Shanghai', nowMs: later }) }));
    assert.equal(state.mode, 'playing');
    if (state.mode !== 'playing') return;
    assert.deepEqual(state.timeline.map((item) => item.id), ['list-red', 'image-1']);
    assert.deepEqual(state.tickers, [{ id: 'ticker-hotline', text: '信用修复咨询电话 12345', pxPerSecond: 120 }]);
    assert.equal(state.programme?.scheduleId, null);
  });

  it('never passes the page a ticker or list title holding a full ID number, even from a signed manifest', () => {
    const manifest = withProgramme({ tickers: [{ id: 'ticker-hotline', text: '举报 110101199003074578', pxPerSecond: 120 }] });
    const state = buildWithEntries(input({ manifest, nowMs: NOW + 2 * HOUR, programmeDecision: { playlistId: 'daytime', source: { kind: 'default' }, sinceMs: null, nextChangeAtMs: NOW + DAY_MS } }));
    assert.equal(state.mode === 'playing' ? state.tickers?.length : -1, 0);
  });

  it('plays the default playlist, not every item, when the schedules cannot be evaluated', () => {
    const decision = defaultPlaylistDecision(withProgramme(), NOW);
    assert.deepEqual(decision, { playlistId: 'daytime', source: { kind: 'default' }, sinceMs: null, nextChangeAtMs: NOW + 60_000 });
    assert.equal(defaultPlaylistDecision(withProgramme({ programme: undefined }), NOW), null);
  });

  it('keeps tickers running over the fallback slide when nothing in the playlist can show', () => {
    const state = buildWithEntries(input({ nowMs: NOW + 2 * HOUR, entries: [], media: new Set(), programmeDecision: { playlistId: 'daytime', source: { kind: 'default' }, sinceMs: null, nextChangeAtMs: NOW + DAY_MS } }));
    assert.equal(state.mode === 'playing' && state.fallback, true);
    assert.equal(state.mode === 'playing' ? state.tickers?.length : -1, 1);
  });
});
