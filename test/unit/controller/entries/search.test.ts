// Entry search against an oracle: 28,000 synthetic entries filtered and sorted in plain JavaScript,
// and the same searches answered from `entries` while the indexer is behind, then from the index.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, after, describe, it } from 'node:test';
import { CamelCasePlugin, Kysely, SqliteDialect, sql, type CompiledQuery, type Selectable } from 'kysely';
import { indexQueuedEntries, queuedEntryCount } from '../../../../controller/server/features/entries/search-index.ts';
import { COUNT_CAP } from '../../../../controller/server/features/entries/search-plan.ts';
import { searchEntries, type EntrySearch } from '../../../../controller/server/features/entries/service.ts';
import { openStore, type Store } from '../../../../controller/server/store/database.ts';
import type { Database, EntriesTable } from '../../../../controller/server/store/schema.ts';
import { pageInOrder } from '../../../../controller/server/features/entries/store.ts';
import { textQueryOf } from '../../../../controller/server/features/entries/search-text.ts';
import { seedEntries } from '../../../support/seed-entries.ts';
import { tempDir } from '../../../support/temp-dir.ts';

const TODAY = '2026-06-01';
const ENTRIES = 28_000;

type Row = Selectable<EntriesTable>;
type Spec = Partial<EntrySearch>;

function regionOf(row: Row): string | null {
  const code = row.creditCode !== null ? row.creditCode.slice(2, 8) : (row.idNumber?.slice(0, 6) ?? '');
  return /^\d{6}$/.test(code) ? code : null;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** What a search must find, by the rules as the API documents them; ids are made in insertion order. */
function oracle(rows: readonly Row[], spec: EntrySearch): Row[] {
  const q = spec.q?.trim().toLowerCase();
  const found = rows.filter((row) =>
    (q === undefined || q === '' || [row.subjectName, row.creditCode, row.idNumber].some((text) => text !== null && text.toLowerCase().includes(q))) &&
    (spec.list === undefined || row.list === spec.list) &&
    (spec.status === undefined || row.status === spec.status) &&
    (spec.category === undefined || row.category === spec.category) &&
    (spec.region === undefined || (regionOf(row) ?? '').startsWith(spec.region)) &&
    (spec.expiringWithinDays === undefined || (row.validUntil >= TODAY && row.validUntil <= addDays(TODAY, spec.expiringWithinDays))));
  // Newest first is the order of writing, which is id order here (ids are made in insertion order).
  const key = { createdAt: (r: Row) => r.id, name: (r: Row) => r.subjectName, validUntil: (r: Row) => r.validUntil }[spec.sort];
  const direction = (spec.order ?? (spec.sort === 'createdAt' ? 'desc' : 'asc')) === 'asc' ? 1 : -1;
  return found.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) return (ka < kb ? -1 : 1) * direction;
    // Ties in insertion order, reversed with the order.
    return (a.id < b.id ? -1 : 1) * direction;
  });
}

describe('entry search', () => {
  let store: Store;
  let rows: Row[];
  let someCode: string;
  let someIdNumber: string;

  before(async () => {
    const dir = tempDir({ after });
    store = await openStore(join(dir, 'c.sqlite'), 1);
    await store.db.insertInto('users').values({ id: 'u', username: 'u', displayName: '录入员', passwordHash: '-', roles: '["operator"]', disabled: 0, createdAt: 0 }).execute();
    seedEntries(store.sqlite, { entries: ENTRIES, userId: 'u', today: TODAY, firstSubmittedAt: Date.UTC(2026, 0, 1), perChangeSet: 400 });
    rows = await store.db.selectFrom('entries').selectAll().orderBy('id').execute();
    someCode = rows.find((r) => r.creditCode !== null)!.creditCode!;
    someIdNumber = rows.find((r) => r.idNumber !== null)!.idNumber!;
  });
  after(() => store.close());

  const specs = (): Spec[] => [
    { q: '王' },
    { q: '瑞祥', sort: 'name' },
    { q: '龘' },
    { q: '商贸有限公司', status: 'approved' },
    { q: '乌海市' },
    { q: '乌海市', list: 'black' },
    { q: '乌海市', status: 'withdrawn', sort: 'validUntil', order: 'desc' },
    { q: someCode.slice(4, 12).toLowerCase() },
    { q: someIdNumber.slice(6, 14) },
    { q: 'MA', list: 'red', offset: 40 },
    { q: '9', category: '安全生产失信', limit: 20 },
    { list: 'red' },
    { list: 'black', offset: 2_000 },
    { status: 'withdrawn', sort: 'name' },
    { category: '诚信示范企业', status: 'approved', offset: 100 },
    { region: '150303', sort: 'validUntil' },
    { region: '15', list: 'black', sort: 'createdAt', order: 'asc', offset: 4_900, limit: 100 },
    { expiringWithinDays: 30 },
    { expiringWithinDays: 30, q: '王', status: 'approved' },
    {},
    { sort: 'name', order: 'desc', offset: 1_000 },
  ];

  function fill(spec: Spec): EntrySearch {
    return { sort: 'createdAt', limit: 50, offset: 0, ...spec };
  }

  async function checkAll(source: string): Promise<void> {
    for (const spec of specs()) {
      const search = fill(spec);
      const expected = oracle(rows, search);
      const result = await searchEntries(store, search, TODAY);
      const label = `${source} ${JSON.stringify(spec)}`;
      assert.deepEqual(result.items.map((i) => i.id), expected.slice(search.offset, search.offset + search.limit).map((r) => r.id), label);
      if (result.totalIsExact) assert.equal(result.total, expected.length, label);
      else assert.ok(result.total <= expected.length && result.total > 0, `${label}: ${result.total} of ${expected.length}`);
    }
  }

  it('answers from the entries themselves while the indexer is behind', async () => {
    assert.ok((await queuedEntryCount(store.db, 1_000)) > 500, 'more queued than a search indexes on the spot');
    await checkAll('entries');
  });

  it('answers the same from the index once the queue is applied: 1, 2 and 3+ characters, code fragments, filters, orders, pages', async () => {
    while ((await indexQueuedEntries(store, 5_000)) > 0);
    await checkAll('index');
  });

  it('counts exactly up to the cap and says when it stopped', async () => {
    const broad = await searchEntries(store, fill({ q: '乌海市' }), TODAY);
    assert.ok(oracle(rows, fill({ q: '乌海市' })).length > COUNT_CAP);
    assert.deepEqual({ total: broad.total, totalIsExact: broad.totalIsExact }, { total: COUNT_CAP, totalIsExact: false });
    const narrow = await searchEntries(store, fill({ q: rows[0]!.subjectName }), TODAY);
    assert.equal(narrow.totalIsExact, true);
    assert.equal(narrow.total, oracle(rows, fill({ q: rows[0]!.subjectName })).length);
  });

  it('finds a 2-character name and a 1-character surname that trigrams cannot hold', async () => {
    const person = rows.find((r) => [...r.subjectName].length === 2 || [...r.subjectName].length === 3)!;
    for (const q of [person.subjectName, [...person.subjectName][0]!, [...person.subjectName].slice(-2).join('')]) {
      const result = await searchEntries(store, fill({ q, limit: 500 }), TODAY);
      assert.equal(result.total >= 1 && result.totalIsExact, true, q);
      assert.ok(result.items.every((i) => i.subjectName.includes(q) || i.creditCode?.includes(q) || i.idNumber?.includes(q)), q);
    }
  });

  it('keeps the index in step with withdrawals, renames and deletions', async () => {
    const target = rows.find((r) => r.status === 'approved')!;
    await store.db.updateTable('entries').set({ status: 'withdrawn', subjectName: '乌海市龘龘改名有限公司' }).where('id', '=', target.id).execute();
    const renamed = await searchEntries(store, fill({ q: '龘龘改名', status: 'withdrawn' }), TODAY);
    assert.deepEqual(renamed.items.map((i) => i.id), [target.id]);
    assert.equal((await searchEntries(store, fill({ q: target.subjectName, status: 'approved' }), TODAY)).items.some((i) => i.id === target.id), false);
    await store.db.deleteFrom('entries').where('id', '=', target.id).execute();
    assert.equal((await searchEntries(store, fill({ q: '龘龘改名' }), TODAY)).total, 0);
    const left = await sql<{ n: number }>`SELECT count(*) AS n FROM entry_search_rows WHERE entry_id = ${target.id}`.execute(store.db);
    assert.equal(left.rows[0]!.n, 0);
  });

  it('walks in order without sorting every match: newest first along the table or the FTS doclist, other orders along their index', async () => {
    // The store's own queries, caught on their way to SQLite and explained.
    const caught: CompiledQuery[] = [];
    const logged = new Kysely<Database>({ dialect: new SqliteDialect({ database: store.sqlite }), plugins: [new CamelCasePlugin()], log: (event) => void (event.level === 'query' && caught.push(event.query)) });
    const planOf = async (walk: () => Promise<unknown>): Promise<string> => {
      caught.length = 0;
      await walk();
      const query = caught.at(-1)!;
      return (store.sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...(query.parameters as unknown[])) as Array<{ detail: string }>).map((r) => r.detail).join('\n');
    };
    const window = { limit: 50, offset: 100 };
    const newestText = await planOf(() => pageInOrder(logged, textQueryOf('乌海市'), { list: 'black' }, { sort: 'createdAt', order: 'desc' }, window, { candidates: 0, mayGiveUp: true }));
    assert.match(newestText, /SCAN entry_search_text VIRTUAL TABLE/);
    const newest = await planOf(() => pageInOrder(logged, null, { list: 'black' }, { sort: 'createdAt', order: 'asc' }, window, { candidates: 0, mayGiveUp: true }));
    const byName = await planOf(() => pageInOrder(logged, textQueryOf('王'), { status: 'approved' }, { sort: 'name', order: 'desc' }, window, { candidates: 0, mayGiveUp: true }));
    assert.match(byName, /entry_search_name/);
    const byValidity = await planOf(() => pageInOrder(logged, null, { region: '1503' }, { sort: 'validUntil', order: 'asc' }, window, { candidates: 0, mayGiveUp: true }));
    assert.match(byValidity, /INDEX entry_search_valid_until/);
    for (const plan of [newestText, newest, byName, byValidity]) assert.doesNotMatch(plan, /TEMP B-TREE/, plan);
  });
});
