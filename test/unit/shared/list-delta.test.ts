// List deltas: one changed entry costs one entry on the wire.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeListDelta, type HashedRow } from '../../../shared/lists/list-delta.ts';

interface Row extends HashedRow {
  name: string;
}

const row = (id: string, hash: string): Row => ({ id, hash, name: `entry ${id}` });

describe('list delta', () => {
  it('sends nothing for an entry that did not change', () => {
    const delta = computeListDelta(new Map([['e1', 'h1']]), [row('e1', 'h1')]);
    assert.deepEqual(delta, { upserts: [], tombstones: [] });
  });

  it('upserts an entry whose hash changed, and only that entry', () => {
    const previous = new Map([['e1', 'h1'], ['e2', 'h2'], ['e3', 'h3']]);
    const delta = computeListDelta(previous, [row('e1', 'h1'), row('e2', 'h2-edited'), row('e3', 'h3')]);
    assert.deepEqual(delta, { upserts: [row('e2', 'h2-edited')], tombstones: [] });
  });

  it('upserts a new entry', () => {
    const delta = computeListDelta(new Map([['e1', 'h1']]), [row('e1', 'h1'), row('e2', 'h2')]);
    assert.deepEqual(delta, { upserts: [row('e2', 'h2')], tombstones: [] });
  });

  it('tombstones an entry that is no longer published', () => {
    const delta = computeListDelta(new Map([['e1', 'h1'], ['e2', 'h2']]), [row('e2', 'h2')]);
    assert.deepEqual(delta, { upserts: [], tombstones: ['e1'] });
  });

  it('handles an edit, an addition and a withdrawal together', () => {
    const previous = new Map([['e1', 'h1'], ['e2', 'h2'], ['e3', 'h3']]);
    const delta = computeListDelta(previous, [row('e4', 'h4'), row('e2', 'h2'), row('e1', 'h1b')]);
    assert.deepEqual(delta.upserts, [row('e4', 'h4'), row('e1', 'h1b')]);
    assert.deepEqual(delta.tombstones, ['e3']);
  });

  it('upserts everything when nothing was published and tombstones everything when nothing remains', () => {
    assert.deepEqual(computeListDelta(new Map(), [row('e1', 'h1'), row('e2', 'h2')]).upserts.map((r) => r.id), ['e1', 'e2']);
    assert.deepEqual(computeListDelta(new Map([['e1', 'h1'], ['e2', 'h2']]), []), { upserts: [], tombstones: ['e1', 'e2'] });
  });

  it('returns the rows themselves, with all their fields', () => {
    const edited = row('e1', 'h9');
    assert.equal(computeListDelta(new Map([['e1', 'h1']]), [edited]).upserts[0], edited);
  });
});
