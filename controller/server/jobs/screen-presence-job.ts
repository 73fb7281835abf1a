// Marks silent screens offline (once per silence) every few seconds, and trims the health history hourly.
//
// A timer, not node-cron: cron's finest step is a second and its clock is the wall clock, while
// tests run the offline rule in milliseconds; the decisions themselves take `now` from the context.

import type { ControllerContext } from '../context.ts';
import { markSilentScreensOffline, pruneHealthHistory } from '../features/screens/health-store.ts';
import { HEALTH_PRUNE_INTERVAL_MS, type ScreenHealthConfig } from '../features/screens/presence.ts';
import { startIntervalJob, type IntervalJob } from './interval-job.ts';

export function startScreenPresenceJob(ctx: Pick<ControllerContext, 'db' | 'now' | 'logger'>, config: Pick<ScreenHealthConfig, 'offlineAfterMs' | 'checkIntervalMs'>): IntervalJob {
  const log = ctx.logger.child({ module: 'screen-presence-job' });
  let lastPruneAt = Number.NEGATIVE_INFINITY;

  async function tick(): Promise<void> {
    const now = ctx.now();
    try {
      const offline = await markSilentScreensOffline(ctx.db, now, config.offlineAfterMs);
      if (offline.length > 0) log.warn({ screenIds: offline.slice(0, 20), count: offline.length }, 'screens went silent; marked offline');
    } catch (error) {
      log.error({ err: error }, 'offline check failed');
    }
    // Hourly by the controller's clock; a clock stepped back an hour prunes early, which is harmless.
    if (Math.abs(now - lastPruneAt) >= HEALTH_PRUNE_INTERVAL_MS) {
      lastPruneAt = now;
      try {
        const pruned = await pruneHealthHistory(ctx.db, now);
        if (pruned.heartbeats + pruned.transitions > 0) log.info(pruned, 'trimmed screen health history');
      } catch (error) {
        log.error({ err: error }, 'trimming screen health history failed');
      }
    }
  }

  return startIntervalJob(tick, config.checkIntervalMs);
}
