// Deletes screenshots past their retention (the newest N per screen, none older than a month) once at
// start and then hourly; the rules and the order of deletion are in features/commands/service.ts.
//
// A timer, not node-cron, like the presence job: tests run it in milliseconds, and the decisions take
// `now` from the context.

import type { ControllerContext } from '../context.ts';
import { pruneScreenshots, type ScreenshotRetention } from '../features/commands/service.ts';
import { startIntervalJob, type IntervalJob } from './interval-job.ts';

export interface ScreenshotRetentionConfig extends ScreenshotRetention {
  checkIntervalMs: number;
}

/** Files pile up at most an hour past their time: a few hundred KB a screen, harmless. */
export const SCREENSHOT_RETENTION_INTERVAL_MS = 3_600_000;

export function startScreenshotRetentionJob(ctx: Pick<ControllerContext, 'db' | 'now' | 'logger' | 'config'>, config: ScreenshotRetentionConfig): IntervalJob {
  const log = ctx.logger.child({ module: 'screenshot-retention-job' });

  async function tick(): Promise<void> {
    try {
      const pruned = await pruneScreenshots(ctx.db, ctx.config.dataDir, ctx.now(), config);
      if (pruned.expired + pruned.orphansRemoved > 0) log.info(pruned, 'deleted screenshots past their retention');
    } catch (error) {
      log.error({ err: error }, 'deleting old screenshots failed');
    }
  }

  return startIntervalJob(tick, config.checkIntervalMs);
}
