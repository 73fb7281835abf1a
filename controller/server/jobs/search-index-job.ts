// Keeps the console's entry search current: applies the search queue a batch at a time, letting
// other work run between batches, until it is empty; then looks again every second.

import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ControllerContext } from '../context.ts';
import { indexQueuedEntries } from '../features/entries/search-index.ts';
import { startIntervalJob, type IntervalJob } from './interval-job.ts';

/** How soon an import's entries reach the index once the import has committed (plus the indexing itself). */
export const SEARCH_INDEX_POLL_MS = 1_000;

export function startSearchIndexJob(ctx: Pick<ControllerContext, 'store' | 'logger'>, pollMs = SEARCH_INDEX_POLL_MS): IntervalJob {
  const log = ctx.logger.child({ module: 'search-index-job' });
  let stopping = false;

  async function drain(): Promise<void> {
    let applied = 0;
    const started = Date.now();
    try {
      for (;;) {
        // A run over a whole backfill takes minutes; stop() must not wait for all of it.
        if (stopping) return;
        const batch = await indexQueuedEntries(ctx.store);
        if (batch === 0) break;
        applied += batch;
        await nextTurn();
      }
    } catch (error) {
      log.error({ err: error }, 'indexing entries for search failed');
    }
    if (applied >= 10_000) log.info({ entries: applied, ms: Date.now() - started }, 'indexed entries for search');
  }

  const job = startIntervalJob(drain, pollMs);
  return {
    async stop() {
      stopping = true;
      await job.stop();
    },
  };
}
