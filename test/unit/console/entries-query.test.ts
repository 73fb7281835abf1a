import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entryCode, expiryState } from '../../../controller/console/src/pages/entries/entry-display.ts';
import { apiQuery, hasFilters, lastReachablePage, paramsFromQuery, queryFromParams, withFilters } from '../../../controller/console/src/pages/entries/entry-query.ts';

describe('entry list query', () => {
  it('reads a search from the address and writes back only what differs from the defaults', () => {
    const query = queryFromParams(new URLSearchParams('q=鸿雁&list=black&status=approved&region=1503&expiringWithinDays=30&sort=validUntil&order=desc&page=3&pageSize=50'));
    assert.deepEqual(query, { q: '鸿雁', list: 'black', status: 'approved', category: '', region: '1503', expiringWithinDays: 30, sort: 'validUntil', order: 'desc', page: 3, pageSize: 50 });
    assert.deepEqual(paramsFromQuery(query), { q: '鸿雁', list: 'black', status: 'approved', region: '1503', expiringWithinDays: '30', sort: 'validUntil', order: 'desc', page: '3', pageSize: '50' });
    assert.deepEqual(paramsFromQuery(queryFromParams(new URLSearchParams())), {});
  });

  it('falls back to "any" for values the address should not hold', () => {
    const query = queryFromParams(new URLSearchParams('list=purple&status=gone&region=15030&expiringWithinDays=7&sort=id&page=-2&pageSize=1000'));
    assert.deepEqual([query.list, query.status, query.region, query.expiringWithinDays, query.sort, query.page, query.pageSize], [null, null, '', null, null, 1, 20]);
  });

  it('starts a changed search again at page 1', () => {
    const query = queryFromParams(new URLSearchParams('page=4'));
    assert.equal(withFilters(query, { list: 'red' }).page, 1);
    assert.equal(hasFilters(withFilters(query, { list: 'red' })), true);
    assert.equal(hasFilters(withFilters(query, { q: '张' })), false, 'text alone is a search, not a filter');
  });

  it('asks the server for offset and limit, never past the window it answers', () => {
    const query = queryFromParams(new URLSearchParams('q= 鸿雁 &page=2&pageSize=50'));
    assert.deepEqual(apiQuery(query), { q: '鸿雁', list: undefined, status: undefined, category: undefined, region: undefined, expiringWithinDays: undefined, sort: undefined, order: undefined, limit: 50, offset: 50 });
    assert.equal(lastReachablePage(20), 250);
    assert.equal(apiQuery(queryFromParams(new URLSearchParams('page=900&pageSize=20'))).offset, 4_980);
  });
});

describe('entry display', () => {
  it('shows a credit code as it is and masks an ID number unless revealed', () => {
    assert.equal(entryCode({ creditCode: '91150300MA0000000E', idNumber: null }), '91150300MA0000000E');
    assert.equal(entryCode({ creditCode: null, idNumber: '15030219900101123X' }), '150302********123X');
    assert.equal(entryCode({ creditCode: null, idNumber: '15030219900101123X' }, true), '15030219900101123X');
    assert.equal(entryCode({ creditCode: null, idNumber: null }), '—');
  });

  it('flags an entry within 30 days of its end, and one past it', () => {
    assert.equal(expiryState('2026-12-27', '2026-11-28'), 'soon');
    assert.equal(expiryState('2026-12-28', '2026-11-28'), 'soon');
    assert.equal(expiryState('2026-12-29', '2026-11-28'), 'in-force');
    assert.equal(expiryState('2026-11-28', '2026-11-28'), 'soon');
    assert.equal(expiryState('2026-11-27', '2026-11-28'), 'expired');
  });
});
