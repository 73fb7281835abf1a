// List digests: how a player proves its cached list equals what the controller published.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DIGEST_BUCKETS, digestBucketOf, listDigest, publicEntryHash, type EntryHashRef } from '../../../shared/lists/list-digest.ts';
import type { PublicEntry } from '../../../shared/lists/list-entry.ts';
import { sha256Hex } from '../../../shared/signing/hashing.ts';

const ENTRY: PublicEntry = {
  id: 'e-0001',
  list: 'black',
  category: '失信被执行人',
  subjectType: 'natural-person',
  name: '张*',
  code: '150302********1237',
  reason: '有履行能力而拒不履行生效法律文书确定义务',
  authority: '乌海市海勃湾区人民法院',
  listedOn: '2024-03-05',
  validUntil: '2027-03-04',
  expiresAt: Date.parse('2027-03-05T00:00:00+08:00'),
};

const REFS: EntryHashRef[] = [
  { id: 'e-0003', hash: 'c'.repeat(64) },
  { id: 'e-0001', hash: 'a'.repeat(64) },
  { id: 'e-0002', hash: 'b'.repeat(64) },
];

describe('list digest', () => {
  it('does not depend on the order entries arrived in', () => {
    const reversed = [...REFS].reverse();
    const rotated = [REFS[1], REFS[2], REFS[0]] as EntryHashRef[];
    assert.equal(listDigest(reversed), listDigest(REFS));
    assert.equal(listDigest(rotated), listDigest(REFS));
  });

  it('changes when one entry changes', () => {
    const changed = REFS.map((r) => (r.id === 'e-0002' ? { ...r, hash: 'd'.repeat(64) } : r));
    assert.notEqual(listDigest(changed), listDigest(REFS));
  });

  it('changes when an entry is added or removed', () => {
    assert.notEqual(listDigest(REFS.slice(1)), listDigest(REFS));
    assert.notEqual(listDigest([...REFS, { id: 'e-0004', hash: 'e'.repeat(64) }]), listDigest(REFS));
  });

  it('is the SHA-256 over 256 bucket digests, each the SHA-256 of its id:hash lines sorted by id', () => {
    const buckets = Array.from({ length: DIGEST_BUCKETS }, () => '');
    for (const ref of [...REFS].sort((x, y) => (x.id < y.id ? -1 : 1))) buckets[digestBucketOf(ref.id)] += `${ref.id}:${ref.hash}\n`;
    const expected = sha256Hex(buckets.map((text, bucket) => `${bucket}:${sha256Hex(text)}\n`).join(''));
    assert.equal(listDigest(REFS), expected);
    assert.equal(listDigest([]), sha256Hex(Array.from({ length: DIGEST_BUCKETS }, (_, bucket) => `${bucket}:${sha256Hex('')}\n`).join('')));
  });

  it('spreads ids over the buckets by FNV-1a of their UTF-16 code units', () => {
    // FNV-1a 32 of "a" is 0xe40c292c (the published test vector); 0x2c = 44.
    assert.equal(digestBucketOf('a'), 0x2c);
    const used = new Set(Array.from({ length: 5_000 }, (_, n) => digestBucketOf(`91150300MA0${n}`)));
    assert.equal(used.size, DIGEST_BUCKETS);
  });

  it('leaves its input in place', () => {
    const input = [...REFS];
    listDigest(input);
    assert.deepEqual(input, REFS);
  });
});

describe('public entry hash', () => {
  it('is 64 lower-case hex characters', () => {
    assert.match(publicEntryHash(ENTRY), /^[0-9a-f]{64}$/);
  });

  it('does not depend on key order', () => {
    const reordered = Object.fromEntries(Object.entries(ENTRY).reverse()) as PublicEntry;
    assert.equal(publicEntryHash(reordered), publicEntryHash(ENTRY));
  });

  it('changes when any one field changes', () => {
    assert.notEqual(publicEntryHash({ ...ENTRY, validUntil: '2027-03-05' }), publicEntryHash(ENTRY));
    assert.notEqual(publicEntryHash({ ...ENTRY, name: '李*' }), publicEntryHash(ENTRY));
    assert.notEqual(publicEntryHash({ ...ENTRY, basis: '(2024)内0302执123号' }), publicEntryHash(ENTRY));
  });
});
