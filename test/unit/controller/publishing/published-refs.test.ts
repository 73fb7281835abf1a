// The published refs kept between publishes: spliced, they give the digest a full read-back would.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { listDigest, type EntryHashRef } from '../../../../shared/lists/list-digest.ts';
import { applyPublishedChanges, MAX_SPLICED_CHANGES, publishedDigest, publishedRefsFrom } from '../../../../controller/server/features/publishing/published-refs.ts';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** A deterministic generator, so a failure replays. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('published refs kept between publishes', () => {
  it('gives the digest of a full read-back after many random publishes of upserts and withdrawals', () => {
    const random = seeded(7);
    // Ids of mixed length and script, so the order is the digest's (UTF-16), not a numeric one.
    const idOf = (n: number) => (n % 3 === 0 ? `红-${n}` : n % 3 === 1 ? `e${n}` : `E-${n * 7}`);
    const truth = new Map<string, string>();
    for (let n = 0; n < 300; n++) truth.set(idOf(n), sha(`v0-${n}`));
    let refs = publishedRefsFrom(1, [...truth].map(([id, hash]) => ({ id, hash })), sha);
    for (let revision = 2; revision < 60; revision++) {
      const upserts: EntryHashRef[] = [];
      const tombstones: string[] = [];
      for (let k = 0; k < 8; k++) {
        const n = Math.floor(random() * 400);
        if (random() < 0.4 && truth.has(idOf(n))) tombstones.push(idOf(n));
        else upserts.push({ id: idOf(n), hash: sha(`v${revision}-${n}`) });
      }
      // A publish never upserts and withdraws the same id; the last upsert of an id wins.
      const withdrawn = new Set(tombstones);
      const kept = [...new Map(upserts.filter((u) => !withdrawn.has(u.id)).map((u) => [u.id, u])).values()];
      for (const id of tombstones) truth.delete(id);
      for (const u of kept) truth.set(u.id, u.hash);
      const next = applyPublishedChanges(refs, revision, kept, tombstones, sha);
      assert.ok(next);
      refs = next;
      const expected = [...truth].map(([id, hash]) => ({ id, hash }));
      assert.equal(refs.count, expected.length);
      assert.equal(refs.revision, revision);
      assert.equal(publishedDigest(refs, sha), listDigest(expected, sha), `digest at revision ${revision}`);
    }
  });

  it('leaves the kept value untouched, so a rolled-back publish changes nothing', () => {
    const refs = [{ id: 'a', hash: sha('a') }, { id: 'c', hash: sha('c') }];
    const before = publishedRefsFrom(3, refs, sha);
    applyPublishedChanges(before, 4, [{ id: 'b', hash: sha('b') }], ['a'], sha);
    assert.equal(before.count, 2);
    assert.equal(publishedDigest(before, sha), listDigest(refs, sha));
  });

  it('asks for a read-back when a publish changes more than it splices cheaply', () => {
    const before = publishedRefsFrom(1, [], sha);
    const upserts = Array.from({ length: MAX_SPLICED_CHANGES + 1 }, (_, n) => ({ id: `e${n}`, hash: sha(String(n)) }));
    assert.equal(applyPublishedChanges(before, 2, upserts, [], sha), null);
  });
});
