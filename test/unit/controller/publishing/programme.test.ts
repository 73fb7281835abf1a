// The manifest's programme from published playlists and schedules: ids mapped, unplayable parts left out with a reason.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildProgramme, ROTATION_PLAYLIST_ID, type ProgrammeInputs } from '../../../../controller/server/features/publishing/programme.ts';
import { defaultTimeline, tickersOf, type ApprovedContent } from '../../../../controller/server/features/publishing/timeline.ts';
import { manifestSchema } from '../../../../shared/protocol/manifest.ts';

const settings = { cityName: '乌海市', dataSource: '信用乌海', listDurationMs: 60_000, slideDurationMs: 15_000 };
const content: ApprovedContent[] = [
  { kind: 'slide', id: 's1', sha256: 'a'.repeat(64), bytes: 10, document: { kind: 'slide', title: '诚信', body: '', theme: 'integrity' } },
  { kind: 'image', id: 'm1', sha256: 'b'.repeat(64), bytes: 10, title: '宣传画', mediaType: 'image/png', durationMs: 10_000 },
  { kind: 'ticker', id: 't1', document: { kind: 'ticker', title: '热线', text: '信用修复咨询电话 12345', pxPerSecond: 120 } },
  { kind: 'list-view', id: 'v1', document: { kind: 'list-view', title: '海勃湾区', list: 'black', durationMs: 30_000, view: { regions: ['150302'], layout: 'split', splitMediaContentId: 'm1' } } },
  { kind: 'list-view', id: 'v2', document: { kind: 'list-view', title: '乌达区', list: 'black', durationMs: 30_000, view: { layout: 'split', splitMediaContentId: 'not-approved' } } },
];

function inputs(overrides: Partial<ProgrammeInputs> = {}): ProgrammeInputs {
  const timeline = defaultTimeline(settings, content);
  return { timeline, tickers: tickersOf(content), content, playlists: [], schedules: [], defaultPlaylistId: null, ...overrides };
}

const schedule = (id: string, playlistId: string) => ({ id, playlistId, screenGroupIds: ['g'], weekdays: [1, 2, 3, 4, 5], windows: [{ start: '08:00', end: '12:00' }], priority: 1 });

describe('timeline with list views and tickers', () => {
  it('puts approved list views among the lists with their options, and drops a split whose media is not approved', () => {
    const timeline = defaultTimeline(settings, content);
    assert.deepEqual(timeline.map((item) => item.id), ['list-red', 'slide-s1', 'list-black', 'image-m1', 'listview-v1', 'listview-v2']);
    const v1 = timeline.find((item) => item.id === 'listview-v1');
    assert.deepEqual(v1?.kind === 'list' ? v1.view : null, { regions: ['150302'], layout: 'split', splitMediaItemId: 'image-m1' });
    const v2 = timeline.find((item) => item.id === 'listview-v2');
    assert.equal(v2?.kind === 'list' ? v2.view : 'not a list', undefined, 'a split without approved media is the whole list, full screen');
    assert.deepEqual(tickersOf(content), [{ id: 'ticker-t1', text: '信用修复咨询电话 12345', pxPerSecond: 120 }]);
  });
});

describe('programme builder', () => {
  it('has no programme while no playlist is published: the timeline stays the rotation', () => {
    assert.deepEqual(buildProgramme(inputs({ schedules: [schedule('s', 'p')] })), { programme: undefined, leftOut: [] });
  });

  it('maps content ids to manifest ids, adds the rotation as default, and makes a manifest that passes its schema', () => {
    const { programme, leftOut } = buildProgramme(inputs({ playlists: [{ id: 'p', document: { items: [{ contentId: 'v1', durationMs: 20_000 }, { contentId: 'list-red', durationMs: 10_000 }], tickerIds: ['t1'] } }], schedules: [schedule('s', 'p')] }));
    assert.deepEqual(leftOut, []);
    assert.deepEqual(programme?.playlists[0], { id: 'p', items: [{ contentId: 'listview-v1', durationMs: 20_000 }, { contentId: 'list-red', durationMs: 10_000 }], tickerIds: ['ticker-t1'] });
    assert.equal(programme?.defaultPlaylistId, ROTATION_PLAYLIST_ID);
    const rotation = programme?.playlists.find((p) => p.id === ROTATION_PLAYLIST_ID);
    assert.equal(rotation?.items.length, inputs().timeline.length);
    assert.deepEqual(rotation?.tickerIds, ['ticker-t1']);
    const manifest = { version: 1, issuedAt: 0, lists: { revision: 0, digest: 'c'.repeat(64), count: 0 }, timeline: inputs().timeline, tickers: tickersOf(content), programme };
    assert.equal(manifestSchema.safeParse(manifest).success, true);
  });

  it('leaves out unapproved items, empty playlists and the schedules that play them, saying why', () => {
    const { programme, leftOut } = buildProgramme(
      inputs({
        playlists: [
          { id: 'p', document: { items: [{ contentId: 'gone', durationMs: 5_000 }, { contentId: 's1', durationMs: 5_000 }], tickerIds: ['gone-ticker'] } },
          { id: 'empty', document: { items: [{ contentId: 'gone', durationMs: 5_000 }], tickerIds: [] } },
        ],
        schedules: [schedule('ok', 'p'), schedule('orphan', 'empty')],
        defaultPlaylistId: 'empty',
      }),
    );
    assert.deepEqual(programme?.playlists.map((p) => p.id), ['p', ROTATION_PLAYLIST_ID]);
    assert.deepEqual(programme?.playlists[0]?.items, [{ contentId: 'slide-s1', durationMs: 5_000 }]);
    assert.equal(programme?.playlists[0]?.tickerIds, undefined);
    assert.deepEqual(programme?.schedules.map((s) => s.id), ['ok']);
    assert.equal(programme?.defaultPlaylistId, ROTATION_PLAYLIST_ID);
    assert.equal(leftOut.length, 5, leftOut.join('\n'));
    assert.ok(leftOut.some((reason) => reason.includes('default playlist empty')));
  });

  it('keeps room for the rotation within the manifest\'s 200 playlists and lists a ticker once', () => {
    const many = Array.from({ length: 205 }, (_, i) => ({ id: `p${i}`, document: { items: [{ contentId: 'list-red', durationMs: 5_000 }], tickerIds: ['t1', 't1'] } }));
    const { programme, leftOut } = buildProgramme(inputs({ playlists: many }));
    assert.equal(programme?.playlists.length, 200);
    assert.equal(programme?.playlists.at(-1)?.id, ROTATION_PLAYLIST_ID);
    assert.deepEqual(programme?.playlists[0]?.tickerIds, ['ticker-t1']);
    assert.ok(leftOut.some((reason) => reason.includes('beyond 199')));
    const manifest = { version: 1, issuedAt: 0, lists: { revision: 0, digest: 'c'.repeat(64), count: 0 }, timeline: inputs().timeline, tickers: tickersOf(content), programme };
    assert.equal(manifestSchema.safeParse(manifest).success, true);
  });

  it('uses a chosen default playlist instead of the rotation', () => {
    const { programme } = buildProgramme(inputs({ playlists: [{ id: 'p', document: { items: [{ contentId: 'list-black', durationMs: 5_000 }], tickerIds: [] } }], defaultPlaylistId: 'p' }));
    assert.deepEqual(programme?.playlists.map((p) => p.id), ['p']);
    assert.equal(programme?.defaultPlaylistId, 'p');
  });
});
