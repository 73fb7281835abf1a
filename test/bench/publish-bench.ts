// Publish cost with N approved entries: the first full publish, and the republish after one
// withdrawal (the path a takedown waits on). Figures only; no assertions.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { generateSigningKeyPair } from '../../shared/signing/manifest-signing.ts';
import { createPublisher } from '../../controller/server/features/publishing/publisher.ts';
import { openStore } from '../../controller/server/store/database.ts';
import { seededRandom, syntheticCompanyName, syntheticCreditCode } from '../../controller/server/demo/synthetic-subjects.ts';
import { waitFor } from '../support/wait-for.ts';

export async function runPublishBench(options: { entries: number }): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'gongshi-publish-bench-'));
  try {
    const now = Date.now();
    const store = await openStore(join(dir, 'c.sqlite'), now);
    const random = seededRandom(1);
    store.sqlite.prepare("INSERT INTO users (id, username, display_name, password_hash, roles, disabled, created_at) VALUES ('u', 'u', 'u', 'x', '[]', 0, 0)").run();
    store.sqlite.prepare("INSERT INTO change_sets (id, kind, list, category, source_name, submitted_by, submitted_at, status, row_count, accepted_count, rejected_count, warning_count, report_json) VALUES ('cs', 'import', 'black', NULL, 'bench', 'u', 0, 'approved', 0, 0, 0, 0, '{}')").run();
    const insert = store.sqlite.prepare(`INSERT INTO entries (id, change_set_id, list, category, subject_type, subject_name, credit_code, reason, authority, listed_on, valid_until, status, subject_key, created_at)
      VALUES (?, 'cs', 'black', '失信被执行人', 'legal-person', ?, ?, '有履行能力而拒不履行生效法律文书确定的义务', '乌海市海勃湾区人民法院', '2026-01-01', '2099-12-31', 'approved', ?, 0)`);
    store.sqlite.transaction(() => {
      for (let i = 0; i < options.entries; i++) {
        const code = syntheticCreditCode(random);
        insert.run(`e${String(i).padStart(8, '0')}`, syntheticCompanyName(random, i), code, `black|失信被执行人|${code}`);
      }
    })();
    const publisher = createPublisher({ db: store.db, keyPair: generateSigningKeyPair(), now: () => now, utcOffsetMinutes: 480, timeline: { cityName: '乌海市', dataSource: 'bench', listDurationMs: 60_000, slideDurationMs: 15_000 }, logger: pino({ level: 'silent' }) });
    let started = performance.now();
    await publisher.publish('bench: first');
    const firstPublishMs = performance.now() - started;
    // A running controller's event loop turns between publishes, so its background worker has
    // copied the first publish's WAL into the database file before a takedown comes. This code
    // never yields on its own (the store calls are synchronous): unless it waits here, the worker
    // has not even started and the withdrawal reads through the whole un-checkpointed log (~100 MB).
    const checkpointer = store.checkpointer;
    if (checkpointer) await waitFor('the background WAL checkpoint', () => checkpointer.checkpointedPages() > 0 || checkpointer.fellBack(), { timeoutMs: 60_000 });
    store.sqlite.prepare("UPDATE entries SET status = 'withdrawn' WHERE id = 'e00000000'").run();
    started = performance.now();
    const result = await publisher.publish('bench: one withdrawal', { entryIds: ['e00000000'] });
    const withdrawalPublishMs = performance.now() - started;
    await store.close();
    return { entries: options.entries, firstPublishMs: Math.round(firstPublishMs), withdrawalPublishMs: Math.round(withdrawalPublishMs), takedowns: result.takedownIds.length, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
