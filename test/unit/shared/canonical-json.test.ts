// Canonical JSON: the byte-exact form that signatures and digests are computed over.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalJson } from '../../../shared/canonical-json.ts';

describe('canonical JSON', () => {
  it('gives the same text whatever order the keys were inserted in', () => {
    const a = { version: 3, lists: { revision: 7, digest: 'ab', count: 2 }, timeline: [] };
    const b = { timeline: [], lists: { count: 2, digest: 'ab', revision: 7 }, version: 3 };
    assert.equal(canonicalJson(a), canonicalJson(b));
  });

  it('sorts keys and writes no white space', () => {
    assert.equal(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 0, y: -1.5 } }), '{"a":[true,null,"x"],"b":1,"c":{"y":-1.5,"z":0}}');
  });

  it('keeps array order, which is meaningful', () => {
    assert.notEqual(canonicalJson([1, 2]), canonicalJson([2, 1]));
  });

  it('produces JSON that parses back to the same value', () => {
    const value = { name: '欧阳**', quote: 'a "b" \\ c\n', list: [{ id: 'e1' }, { id: 'e2' }], n: 1e21, zero: 0 };
    assert.deepEqual(JSON.parse(canonicalJson(value)), value);
  });

  it('omits undefined properties, as JSON.stringify does', () => {
    assert.equal(canonicalJson({ a: 1, b: undefined }), '{"a":1}');
  });

  it('accepts objects without a prototype', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.k = 'v';
    assert.equal(canonicalJson(bare), '{"k":"v"}');
  });

  it('rejects non-finite numbers', () => {
    for (const n of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      assert.throws(() => canonicalJson({ n }), TypeError);
    }
  });

  it('rejects Date, Map, Set and class instances, which are not plain JSON', () => {
    class Point {
      x = 1;
    }
    for (const value of [new Date(0), new Map([['a', 1]]), new Set([1]), new Point()]) {
      assert.throws(() => canonicalJson({ value }), TypeError);
    }
  });

  it('rejects undefined, functions, bigints and symbols', () => {
    for (const value of [undefined, () => 1, 1n, Symbol('s')]) {
      assert.throws(() => canonicalJson(value), TypeError);
    }
    assert.throws(() => canonicalJson([1, undefined]), TypeError);
  });

  it('rejects sparse arrays instead of printing [1,,3]', () => {
    // eslint-disable-next-line no-sparse-arrays -- the hole is what is under test
    assert.throws(() => canonicalJson([1, , 3]), TypeError);
  });
});
