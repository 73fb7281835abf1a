// Entry search at scale: N synthetic entries written straight into a store and indexed, then a real
// controller on a random loopback port answers a mix of console searches over HTTP, one at a time.
// Prints p50/p99/max per kind of search and overall, seed and index times, and the store's size.
// Figures only; nothing asserts on time.

import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import { seededRandom } from '../../controller/server/demo/synthetic-subjects.ts';
import { startController } from '../../controller/server/controller.ts';
import { indexQueuedEntries } from '../../controller/server/features/entries/search-index.ts';
import { createUser } from '../../controller/server/features/users/service.ts';
import { openStore } from '../../controller/server/store/database.ts';
import { seedEntries } from '../support/seed-entries.ts';
import { spread, type Spread } from './fanout/stats.ts';

const PASSWORD = 'bench-password-long-enough';
/** Distinct searches of each kind; each runs once to warm up, then `rounds` times measured. */
const SEARCHES_PER_KIND = 40;
/** Entries indexed per transaction while seeding: one process, nothing else waits on the connection. */
const SEED_INDEX_BATCH = 5_000;

type Query = Record<string, string | number>;

export interface Sample {
  name: string;
  creditCode: string | null;
  idNumber: string | null;
}

const CATEGORIES = ['失信被执行人', '重大税收违法失信主体', '安全生产失信', '拖欠农民工工资失信', 'A级纳税人', '守合同重信用企业'];
const STATUSES = ['approved', 'pending', 'withdrawn'];
const REGIONS = ['15', '1503', '150302', '150303', '150304'];
const SORTS: Query[] = [{}, { sort: 'name' }, { sort: 'validUntil' }, { sort: 'validUntil', order: 'desc' }, { sort: 'createdAt', order: 'asc' }];

/** The kinds of search an operator makes, built from names and codes actually in the store. */
export function searchMix(samples: readonly Sample[], seed: number): Record<string, Query[]> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const piece = (text: string, length: number): string => {
    const chars = [...text];
    const at = Math.floor(random() * Math.max(1, chars.length - length + 1));
    return chars.slice(at, at + length).join('');
  };
  const name = (): string => pick(samples).name;
  const code = (): string => {
    const sample = pick(samples);
    const full = sample.creditCode ?? sample.idNumber ?? '';
    const fragment = piece(full, 6 + Math.floor(random() * 5));
    return random() < 0.5 ? fragment.toLowerCase() : fragment;
  };
  const filters = (): Query => {
    const query: Query = {};
    if (random() < 0.6) query.list = pick(['red', 'black']);
    if (random() < 0.5) query.status = pick(STATUSES);
    if (random() < 0.4) query.category = pick(CATEGORIES);
    if (random() < 0.3) query.region = pick(REGIONS);
    if (random() < 0.25) query.expiringWithinDays = pick([7, 30, 90]);
    return query;
  };
  const kinds: Record<string, () => Query> = {
    // One character: a surname, a common or a rare character, one that no name holds.
    chinese1: () => ({ q: random() < 0.1 ? '龘' : piece(name(), 1) }),
    chinese2: () => ({ q: random() < 0.1 ? '鑫龘' : piece(name(), 2) }),
    chinese3plus: () => ({ q: random() < 0.3 ? name() : piece(name(), 3 + Math.floor(random() * 4)) }),
    codeFragment: () => ({ q: code() }),
    filters: () => ({ ...filters(), ...pick(SORTS) }),
    textAndFilters: () => ({ q: random() < 0.5 ? piece(name(), 1 + Math.floor(random() * 4)) : code(), ...filters(), list: pick(['red', 'black']) }),
    paging: () => ({ ...(random() < 0.5 ? filters() : { q: piece(name(), 2) }), ...pick(SORTS), limit: 50, offset: pick([50, 500, 1_000, 2_500, 4_950]) }),
  };
  return Object.fromEntries(Object.entries(kinds).map(([kind, make]) => [kind, Array.from({ length: SEARCHES_PER_KIND }, make)]));
}

export async function runSearchBench(options: { entries: number; rounds: number }): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'gongshi-search-bench-'));
  const loadBefore = loadavg()[0] ?? 0;
  try {
    const dataDir = join(dir, 'controller');
    const now = Date.now();
    const today = calendarDateAt(now, 480);
    const storePath = join(dataDir, 'controller.sqlite');
    mkdirSync(dataDir, { recursive: true });
    const store = await openStore(storePath, now);
    const operator = await createUser(store.db, { username: 'bench', displayName: '基准测试', password: PASSWORD, roles: ['operator'], now, actor: 'bench' });

    let started = performance.now();
    seedEntries(store.sqlite, { entries: options.entries, userId: operator.id, today, firstSubmittedAt: now - 365 * 86_400_000 });
    const seedSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    while ((await indexQueuedEntries(store, SEED_INDEX_BATCH)) > 0);
    const indexSeconds = (performance.now() - started) / 1000;
    const random = seededRandom(7);
    const sample = store.sqlite.prepare<[number], Sample>('SELECT subject_name AS name, credit_code AS creditCode, id_number AS idNumber FROM entries WHERE rowid = ?');
    const samples = Array.from({ length: 400 }, () => sample.get(1 + Math.floor(random() * options.entries))).filter((s): s is Sample => s !== undefined);
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await store.close();
    const dbMB = Math.round(statSync(storePath).size / 1e6);

    const controller = await startController({ dataDir, port: 0, logger: pino({ level: 'silent' }) });
    try {
      const login = await fetch(`${controller.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: PASSWORD }) });
      const { token } = (await login.json()) as { token: string };
      // The controller runs in this process: its CPU time for a search (with the client's few tenths
      // of a millisecond) is a figure that a busy machine does not inflate, unlike the wall time.
      const searchOnce = async (query: Query): Promise<{ ms: number; cpuMs: number; total: number; exact: boolean }> => {
        const cpuBefore = process.cpuUsage();
        const begin = performance.now();
        const response = await fetch(`${controller.url}/api/v1/entries?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`, { headers: { authorization: `Bearer ${token}` } });
        const body = (await response.json()) as { total: number; totalIsExact: boolean };
        const ms = performance.now() - begin;
        const cpu = process.cpuUsage(cpuBefore);
        if (response.status !== 200) throw new Error(`search ${JSON.stringify(query)} answered ${response.status}: ${JSON.stringify(body)}`);
        return { ms, cpuMs: (cpu.user + cpu.system) / 1000, total: body.total, exact: body.totalIsExact };
      };

      const mix = searchMix(samples, 11);
      for (const queries of Object.values(mix)) for (const query of queries) await searchOnce(query);
      const byKind: Record<string, Spread & { cpuMs: Spread; searches: number; inexactTotals: number }> = {};
      const all: number[] = [];
      const allCpu: number[] = [];
      let slowest = { ms: 0, query: {} as Query };
      for (const [kind, queries] of Object.entries(mix)) {
        const times: number[] = [];
        const cpuTimes: number[] = [];
        let inexact = 0;
        for (let round = 0; round < options.rounds; round++) {
          for (const query of queries) {
            const result = await searchOnce(query);
            times.push(result.ms);
            cpuTimes.push(result.cpuMs);
            if (!result.exact) inexact += 1;
            if (result.ms > slowest.ms) slowest = { ms: Math.round(result.ms * 10) / 10, query };
          }
        }
        all.push(...times);
        allCpu.push(...cpuTimes);
        byKind[kind] = { ...spread(times), cpuMs: spread(cpuTimes), searches: times.length, inexactTotals: inexact };
      }
      return {
        entries: options.entries,
        seedSeconds: Math.round(seedSeconds * 10) / 10,
        indexSeconds: Math.round(indexSeconds * 10) / 10,
        dbMB,
        overall: { ...spread(all), cpuMs: spread(allCpu), searches: all.length },
        byKind,
        slowest,
        cores: availableParallelism(),
        node: process.version,
        loadAverage1m: { before: Math.round(loadBefore * 100) / 100, after: Math.round((loadavg()[0] ?? 0) * 100) / 100 },
      };
    } finally {
      await controller.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
