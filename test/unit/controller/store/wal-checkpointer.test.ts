// WAL checkpoints in the background worker: the main connection never checkpoints, the log still reaches the database file.
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openStore } from '../../../../controller/server/store/database.ts';
import { startWalCheckpointer } from '../../../../controller/server/store/wal-checkpointer.ts';
import { tempDir } from '../../../support/temp-dir.ts';
import { waitFor } from '../../../support/wait-for.ts';

describe('WAL checkpointer', () => {
  it('turns automatic checkpoints off on the main connection and copies the log into the database file in the background', async (t) => {
    const path = join(tempDir(t), 'c.sqlite');
    const store = await openStore(path, 1);
    try {
      assert.equal(store.sqlite.pragma('wal_autocheckpoint', { simple: true }), 0);
      const sizeBefore = statSync(path).size;
      store.sqlite.exec('CREATE TABLE filler (text TEXT NOT NULL)');
      const insert = store.sqlite.prepare('INSERT INTO filler VALUES (?)');
      // About 2,000 pages: past the 1,000 at which SQLite would have checkpointed on the main thread.
      store.sqlite.transaction(() => {
        for (let i = 0; i < 8_000; i++) insert.run(`${i}`.padEnd(1_000, '公'));
      })();
      await waitFor('a background checkpoint', () => (store.checkpointer?.checkpointedPages() ?? 0) > 1_000);
      assert.ok(statSync(path).size > sizeBefore + 8_000_000, 'the rows are in the database file, not only in the log');
      assert.equal(store.checkpointer?.fellBack(), false);
    } finally {
      await store.close();
    }
    // The worker's connection closed first, so the main one was the last and removed the log.
    assert.equal(existsSync(`${path}-wal`), false);
  });

  it('falls back to automatic checkpoints when the worker cannot open the store', async (t) => {
    const path = join(tempDir(t), 'c.sqlite');
    const store = await openStore(path, 1);
    try {
      // A path with no database behind it: the worker's open (fileMustExist) fails.
      const broken = startWalCheckpointer(store.sqlite, join(tempDir(t), 'missing.sqlite'));
      await waitFor('the fallback', () => broken.fellBack());
      assert.equal(store.sqlite.pragma('wal_autocheckpoint', { simple: true }), 1000);
      await broken.stop();
    } finally {
      await store.close();
    }
  });
});
