// The conflicts a schedule being edited would have with the others, as it stands in the form.

import { useMemo } from 'react';
import { format } from '../../i18n/messages.ts';
import type { ScheduleRow } from '../playlists/programme-api.ts';
import type { PlannedSchedule } from './planned-schedules.ts';
import { valuesOf, type Fields } from './schedule-form-fields.ts';
import { scheduleBodyOf } from './schedule-form.ts';
import { useScheduleMessages } from './schedules-messages.ts';
import { clockOf, competeOnEqualTerms, firstOverlap } from './week-calendar.ts';

// A new schedule has no id yet; any id no row can have will do for the comparison.
const DRAFT_ID = '(draft)';

export /** Lines naming each other schedule this one would conflict with, as it stands in the form. */
function useFormConflicts(watched: Partial<Fields> | undefined, row: ScheduleRow | null, others: readonly PlannedSchedule[], today: string): string[] {
  const m = useScheduleMessages();
  return useMemo(() => {
    if (!watched) return [];
    const values = valuesOf(watched);
    if (values.windows.some((window) => !window.start || !window.end || window.start === window.end) || values.weekdays.length === 0) return [];
    const body = scheduleBodyOf(values);
    const draft = { ...body, id: row?.id ?? DRAFT_ID };
    return others.flatMap((other) => {
      if (other.row.id === draft.id || !competeOnEqualTerms(draft, other.calendar)) return [];
      const overlap = firstOverlap(draft, other.calendar, today);
      return overlap ? [format(m.formConflictLine, { name: other.row.name, priority: draft.priority, date: overlap.date, from: clockOf(overlap.startMinute), to: overlap.endMinute > 1440 ? format(m.nextDay, { time: clockOf(overlap.endMinute - 1440) }) : clockOf(overlap.endMinute) })] : [];
    });
  }, [watched, row, others, today, m]);
}
