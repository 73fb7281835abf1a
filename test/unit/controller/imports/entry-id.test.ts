// Entry ids: UUIDv7 text whose order is the order they were made in, so staged entries append to the primary-key index.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newEntryId } from '../../../../controller/server/features/imports/entry-id.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The 48-bit millisecond timestamp at the front of a v7 id. */
const timestampOf = (id: string): number => Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);

describe('entry id', () => {
  it('is a version 7, variant 10 UUID whose first 48 bits are the time it was made', () => {
    const before = Date.now();
    const id = newEntryId();
    const after = Date.now();
    assert.match(id, UUID_V7);
    assert.ok(timestampOf(id) >= before && timestampOf(id) <= after, id);
  });

  it('puts a fixed moment in the timestamp field, big-endian', () => {
    const moment = Date.UTC(2026, 5, 1, 2, 3, 4, 567);
    const id = newEntryId(moment + 365 * 86_400_000);
    assert.equal(timestampOf(id), moment + 365 * 86_400_000);
  });

  it('sorts as text in the order the ids were made, within one millisecond too', () => {
    const now = Date.now() + 2 * 365 * 86_400_000;
    const ids = Array.from({ length: 10_000 }, () => newEntryId(now));
    for (let i = 1; i < ids.length; i++) assert.ok(ids[i - 1]! < ids[i]!, `${ids[i - 1]} < ${ids[i]}`);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, UUID_V7);
  });

  it('keeps increasing when the clock steps back', () => {
    const now = Date.now() + 3 * 365 * 86_400_000;
    const first = newEntryId(now);
    const second = newEntryId(now - 60_000);
    assert.ok(first < second);
  });
});
