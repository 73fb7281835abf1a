// Proof-of-play totals: plays and time on screen per screen and content, clipped to the asked window.

import { sql, type Kysely } from 'kysely';
import { MAX_PLAY_EVENT_SPAN_MS } from '../../../../shared/protocol/proof-of-play.ts';
import type { PlayTotalsRow as NamedPlayTotalsRow } from '../../../../shared/reports/proof-of-play-report.ts';
import type { Database } from '../../store/schema.ts';

export interface PlayTotalsFilter {
  screenId?: string;
  contentId?: string;
  from?: number;
  to?: number;
}

/** The totals before screens and content are named. */
export type PlayTotalsRow = Omit<NamedPlayTotalsRow, 'screenName' | 'contentTitle'>;

/** Most (screen, content) pairs one summary returns: a city's screens times a programme's items is far below. */
export const MAX_TOTALS_ROWS = 10_000;

export async function playTotals(db: Kysely<Database>, filter: PlayTotalsFilter): Promise<PlayTotalsRow[]> {
  const from = filter.from ?? 0;
  const to = filter.to ?? Number.MAX_SAFE_INTEGER;
  let query = db
    .selectFrom('playEvents')
    .select([
      'screenId',
      'contentId',
      sql<string>`min(kind)`.as('kind'),
      sql<number>`count(*)`.as('plays'),
      sql<number>`sum(min(ended_at, ${to}) - max(started_at, ${from}))`.as('shownMs'),
      sql<number>`min(started_at)`.as('firstStartedAt'),
      sql<number>`max(ended_at)`.as('lastEndedAt'),
    ])
    .groupBy(['screenId', 'contentId'])
    .orderBy('screenId')
    .orderBy('contentId')
    .limit(MAX_TOTALS_ROWS);
  if (filter.screenId !== undefined) query = query.where('screenId', '=', filter.screenId);
  if (filter.contentId !== undefined) query = query.where('contentId', '=', filter.contentId);
  // The same overlap rule as the event list, so the totals add up what the list shows.
  if (filter.from !== undefined) query = query.where('endedAt', '>=', from).where('startedAt', '>=', from - MAX_PLAY_EVENT_SPAN_MS);
  if (filter.to !== undefined) query = query.where('startedAt', '<', to);
  return query.execute();
}
