// The schedules a planner sees on the calendar: every one not retired, as it will be once its
// pending change is approved (a proposal's conflicts are found before anyone approves it).

import { latestDocument, type ScheduleDocument, type ScheduleRow } from '../playlists/programme-api.ts';
import type { CalendarSchedule } from './week-calendar.ts';

export interface PlannedSchedule {
  row: ScheduleRow;
  document: ScheduleDocument;
  /** the version drawn awaits review */
  proposed: boolean;
  calendar: CalendarSchedule;
}

export function plannedSchedules(rows: readonly ScheduleRow[]): PlannedSchedule[] {
  return rows.flatMap((row) => {
    const document = row.status === 'retired' ? null : latestDocument(row);
    if (!document) return [];
    return [{ row, document, proposed: row.pending !== null, calendar: { id: row.id, ...document } }];
  });
}
