// Reusable queries: built once, run with each call's values where the builder put its arguments.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { openStore } from '../../../../controller/server/store/database.ts';
import { reusableQuery } from '../../../../controller/server/store/reusable-query.ts';
import type { Database } from '../../../../controller/server/store/schema.ts';
import { tempDir } from '../../../support/temp-dir.ts';

type Db = Kysely<Database>;

describe('reusable query', () => {
  it('puts each call’s arguments in their places among the builder’s constants, with camel-cased rows', async (t) => {
    const store = await openStore(join(tempDir(t), 'c.sqlite'), 1);
    t.after(() => store.close());
    const insert = store.sqlite.prepare("INSERT INTO screen_commands (id, screen_id, kind, status, requested_by, requested_at, expires_at, attempts) VALUES (?, ?, 'reload', ?, 'u', ?, 9e12, 0)");
    store.sqlite.pragma('foreign_keys = OFF');
    for (const [id, screen, status, at] of [['c1', 's1', 'queued', 3], ['c2', 's1', 'succeeded', 2], ['c3', 's1', 'sent', 1], ['c4', 's2', 'queued', 4]] as const) insert.run(id, screen, status, at);
    // The limit comes after a constant IN list: the arguments' positions are not the call's order.
    const pending = reusableQuery((db: Db, screenId: string, limit: number) =>
      db.selectFrom('screenCommands').select(['id', 'requestedAt']).where('status', 'in', ['queued', 'sent']).where('screenId', '=', screenId).orderBy('requestedAt').limit(limit),
    );
    assert.deepEqual(await pending(store.db, 's1', 10), [{ id: 'c3', requestedAt: 1 }, { id: 'c1', requestedAt: 3 }]);
    assert.deepEqual(await pending(store.db, 's1', 1), [{ id: 'c3', requestedAt: 1 }]);
    assert.deepEqual(await pending(store.db, 's2', 10), [{ id: 'c4', requestedAt: 4 }]);
    assert.deepEqual(await pending(store.db, 'nobody', 10), []);
  });

  it('refuses a builder that does not bind an argument as a value', async (t) => {
    const store = await openStore(join(tempDir(t), 'c.sqlite'), 1);
    t.after(() => store.close());
    const shapeDecidedByArgument = reusableQuery((db: Db, _screenId: string) => db.selectFrom('screens').select('id'));
    await assert.rejects(shapeDecidedByArgument(store.db, 's1'), /argument 0 is not a bound parameter/);
  });
});
