// Ends entries at their valid-until time: every minute, if any published entry has passed its
// end, republish (which tombstones it and pushes a takedown). Players also enforce expiry on
// their own clocks; this job keeps the controller's projection and the audit trail honest.

import cron from 'node-cron';
import { sql } from 'kysely';
import { calendarDateAt } from '../../../shared/dates/calendar-date.ts';
import type { ControllerContext } from '../context.ts';

export async function hasExpiredPublications(ctx: Pick<ControllerContext, 'db' | 'now' | 'config'>): Promise<boolean> {
  const today = calendarDateAt(ctx.now(), ctx.config.utcOffsetMinutes);
  const row = await sql<{ one: number }>`SELECT 1 AS one FROM publication p JOIN entries e ON e.id = p.entry_id
    WHERE p.deleted = 0 AND e.valid_until < ${today} LIMIT 1`.execute(ctx.db);
  return row.rows.length > 0;
}

export function startExpiryJob(ctx: ControllerContext): { stop(): void } {
  const log = ctx.logger.child({ module: 'expiry-job' });
  const task = cron.schedule('* * * * *', async () => {
    try {
      if (await hasExpiredPublications(ctx)) await ctx.publishAndAnnounce('entries expired');
    } catch (error) {
      log.error({ err: error }, 'expiry check failed');
    }
  }, { name: 'gongshi-expiry', noOverlap: true });
  return { stop: () => void task.stop() };
}
