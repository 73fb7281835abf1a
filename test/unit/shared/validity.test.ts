// Validity windows: nothing expired is shown, judged against the caller's clock (DESIGN invariant 3).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isEntryShowable, showableEntries } from '../../../shared/lists/validity.ts';
import { endOfCalendarDateMs } from '../../../shared/dates/calendar-date.ts';

const CHINA_OFFSET_MINUTES = 8 * 60;

describe('validity', () => {
  it('shows an entry up to the last millisecond before it expires, and not from that instant on', () => {
    const entry = { expiresAt: 1_000 };
    assert.equal(isEntryShowable(entry, 999), true);
    assert.equal(isEntryShowable(entry, 1_000), false);
    assert.equal(isEntryShowable(entry, 1_001), false);
  });

  it('keeps an entry valid until 2024-03-05 on screen through that whole day in Beijing time', () => {
    const entry = { expiresAt: endOfCalendarDateMs('2024-03-05', CHINA_OFFSET_MINUTES) };
    assert.equal(isEntryShowable(entry, Date.parse('2024-03-05T23:59:59.999+08:00')), true);
    assert.equal(isEntryShowable(entry, Date.parse('2024-03-06T00:00:00+08:00')), false);
  });

  it('filters a list to its showable entries, in order, without changing the input', () => {
    const entries = [
      { id: 'a', expiresAt: 3_000 },
      { id: 'b', expiresAt: 1_000 },
      { id: 'c', expiresAt: 2_001 },
    ];
    const copy = entries.map((e) => ({ ...e }));
    assert.deepEqual(showableEntries(entries, 2_000).map((e) => e.id), ['a', 'c']);
    assert.deepEqual(entries, copy);
  });
});
