import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { openStore } from '/work/main/controller/server/store/database.ts';
const store = await openStore(join(mkdtempSync(join(tmpdir(), 'qp-')), 'c.sqlite'), Date.now());
const db = store.db;
const qs: Record<string, { sql: string; parameters: readonly unknown[] }> = {
  token: db.selectFrom('screens').select(['tokenHash', 'revokedAt', 'listRevision']).where('id', '=', 'x').compile(),
  groups: db.selectFrom('screenGroupMembers').select('groupId').where('screenId', '=', 'x').compile(),
  active: db.selectFrom('emergencies').selectAll().where('endedAt', 'is', null).orderBy('startedAt').orderBy('id').compile(),
  ended: db.selectFrom('emergencies').innerJoin('emergencyScreens', 'emergencyScreens.emergencyId', 'emergencies.id').select('emergencies.endSignedJson').where('emergencyScreens.screenId', '=', 'x').where('emergencies.endedAt', '>=', 1).orderBy('emergencies.endedAt', 'desc').limit(5).compile(),
  beats: db.selectFrom('screenHeartbeats').select(['screenId', (eb) => eb.fn.max('at').as('at')]).where('screenId', 'in', ['a', 'b']).groupBy('screenId').compile(),
  offline: db.selectFrom('screens').select('id').where('id', 'in', ['a', 'b']).where('presence', '=', 'offline').compile(),
  tomb: db.selectFrom('publication').select(['entryId', 'revision']).where('deleted', '=', 1).where('revision', '>', 3).orderBy('revision').limit(100000).compile(),
};
for (const [name, q] of Object.entries(qs)) {
  const plan = store.sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.parameters as unknown[]));
  console.log(name, JSON.stringify(plan.map((p: any) => p.detail)));
}
