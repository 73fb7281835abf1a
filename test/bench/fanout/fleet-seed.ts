// Seeds a controller data folder for the fan-out bench before the controller starts: the users who
// publish, N approved list entries (written directly, as publish-bench.ts does, since importing
// 100,000 rows is its own bench), a first publish with the controller's own key and timeline, and N
// paired screens (the controller's own createScreen) recorded as having applied it: a fleet in
// service, up to date, not one installed this morning.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom, syntheticCompanyName, syntheticCreditCode } from '../../../controller/server/demo/synthetic-subjects.ts';
import pino from 'pino';
import { DEFAULT_CONTROLLER_CONFIG } from '../../../controller/server/controller.ts';
import { createPublisher } from '../../../controller/server/features/publishing/publisher.ts';
import { loadOrCreateSigningKey } from '../../../controller/server/features/publishing/signing-key.ts';
import { createScreen } from '../../../controller/server/features/screens/service.ts';
import { createUser } from '../../../controller/server/features/users/service.ts';
import { openStore } from '../../../controller/server/store/database.ts';
import { TEST_PASSWORD } from '../../support/controller-harness.ts';
import type { ScreenCredential } from './ipc.ts';

export const BENCH_PASSWORD = TEST_PASSWORD;

/** Seeded entry ids are e00000000, e00000001, ...: the takedown rounds withdraw the first few. */
export function seededEntryId(i: number): string {
  return `e${String(i).padStart(8, '0')}`;
}

export interface SeededFleet {
  screens: ScreenCredential[];
  seedMs: number;
}

export async function seedFleet(dataDir: string, options: { entries: number; screens: number }): Promise<SeededFleet> {
  const started = performance.now();
  mkdirSync(dataDir, { recursive: true });
  const now = Date.now();
  const store = await openStore(join(dataDir, 'controller.sqlite'), now);
  try {
    let operatorId = '';
    for (const role of ['operator', 'approver', 'technician'] as const) {
      const user = await createUser(store.db, { username: role, displayName: role, password: BENCH_PASSWORD, roles: [role], now, actor: 'bench' });
      if (role === 'operator') operatorId = user.id;
    }
    store.sqlite
      .prepare(`INSERT INTO change_sets (id, kind, list, category, source_name, submitted_by, submitted_at, status, row_count, accepted_count, rejected_count, warning_count, report_json)
        VALUES ('bench-seed', 'import', 'black', NULL, 'fan-out bench', ?, ?, 'approved', ?, ?, 0, 0, '{}')`)
      .run(operatorId, now, options.entries, options.entries);
    const insert = store.sqlite.prepare(`INSERT INTO entries (id, change_set_id, list, category, subject_type, subject_name, credit_code, reason, authority, listed_on, valid_until, status, subject_key, created_at)
      VALUES (?, 'bench-seed', 'black', '失信被执行人', 'legal-person', ?, ?, '有履行能力而拒不履行生效法律文书确定的义务', '乌海市海勃湾区人民法院', '2026-01-01', '2099-12-31', 'approved', ?, ?)`);
    const random = seededRandom(1);
    store.sqlite.transaction(() => {
      for (let i = 0; i < options.entries; i++) {
        const code = syntheticCreditCode(random);
        insert.run(seededEntryId(i), syntheticCompanyName(random, i), code, `black|失信被执行人|${code}`, now);
      }
    })();
    // The settings startController uses, so that its start-up publish finds nothing new to sign.
    const config = DEFAULT_CONTROLLER_CONFIG;
    const publisher = createPublisher({
      db: store.db,
      keyPair: loadOrCreateSigningKey(dataDir),
      now: () => now,
      utcOffsetMinutes: config.utcOffsetMinutes,
      timeline: { cityName: config.cityName, dataSource: config.dataSource, listDurationMs: 60_000, slideDurationMs: 15_000 },
      logger: pino({ level: 'silent' }),
    });
    const published = await publisher.publish('fan-out bench seed');
    const screens: ScreenCredential[] = [];
    for (let i = 0; i < options.screens; i++) {
      const { screenId, token } = await createScreen(store.db, { name: `屏幕 ${i + 1}`, deviceId: `bench-device-${i}`, actorId: operatorId, now });
      screens.push({ screenId, token });
    }
    await store.db.updateTable('screens').set({ manifestVersion: published.manifestVersion, listRevision: published.listRevision, lastSeenAt: now }).execute();
    return { screens, seedMs: Math.round(performance.now() - started) };
  } finally {
    await store.close();
  }
}
