// The schedules a planner sees: in the table every one not retired (a rejected proposal too, with
// its reviewer's comment, so its author can try again); on the calendar those with a version to
// draw, as they will be once a pending change is approved (its conflicts show before review).

import { latestDocument, type ScheduleDocument, type ScheduleRow } from '../playlists/programme-api.ts';
import type { CalendarSchedule } from './week-calendar.ts';

/** A row of the table; a rejected new schedule has no version left to show. */
export interface ListedSchedule {
  row: ScheduleRow;
  document: ScheduleDocument | null;
}

export interface PlannedSchedule extends ListedSchedule {
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

export function listedSchedules(rows: readonly ScheduleRow[]): ListedSchedule[] {
  return rows.filter((row) => row.status !== 'retired').map((row) => ({ row, document: latestDocument(row) }));
}
