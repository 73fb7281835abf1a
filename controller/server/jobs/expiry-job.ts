// Ends entries at their valid-until time: every minute, entries still published past their
// end (or no longer approved, e.g. a withdrawal whose publish failed) are republished away,
// which tombstones them and pushes a takedown. Nightly, everything is recomputed, which also
// catches what depends on the date alone. Players enforce expiry on their own clocks too.

import cron from 'node-cron';
import { sql } from 'kysely';
import { calendarDateAt } from '../../../shared/dates/calendar-date.ts';
import type { ControllerContext } from '../context.ts';

/** Published entries that must leave the screens: past their valid-until date, or not approved. */
export async function entriesToTakeDown(ctx: Pick<ControllerContext, 'db' | 'now' | 'config'>): Promise<string[]> {
  const today = calendarDateAt(ctx.now(), ctx.config.utcOffsetMinutes);
  const result = await sql<{ id: string }>`SELECT p.entry_id AS id FROM publication p JOIN entries e ON e.id = p.entry_id
    WHERE p.deleted = 0 AND (e.valid_until < ${today} OR e.status <> 'approved')`.execute(ctx.db);
  return result.rows.map((r) => r.id);
}

export function startExpiryJob(ctx: ControllerContext): { stop(): void } {
  const log = ctx.logger.child({ module: 'expiry-job' });
  const everyMinute = cron.schedule('* * * * *', async () => {
    try {
      const ids = await entriesToTakeDown(ctx);
      if (ids.length > 0) await ctx.publishAndAnnounce('entries expired or no longer approved', { entryIds: ids });
    } catch (error) {
      log.error({ err: error }, 'expiry check failed');
    }
  }, { name: 'gongshi-expiry', noOverlap: true });
  const nightly = cron.schedule('5 0 * * *', async () => {
    try {
      await ctx.publishAndAnnounce('nightly full publish');
      await ctx.db.deleteFrom('sessions').where('expiresAt', '<=', ctx.now()).execute();
    } catch (error) {
      log.error({ err: error }, 'nightly publish failed');
    }
  }, { name: 'gongshi-nightly-publish', noOverlap: true, timezone: 'Asia/Shanghai' });
  return {
    stop: () => {
      void everyMinute.stop();
      void nightly.stop();
    },
  };
}
