// The schedule form's field values as antd's pickers hold them (dayjs), to and from the form's
// plain values (schedule-form.ts): the one place dayjs meets the schedule.

import dayjs, { type Dayjs } from 'dayjs';
import type { ScheduleFormValues } from './schedule-form.ts';

export const TIME = 'HH:mm';
const DATE = 'YYYY-MM-DD';

export interface Fields {
  name: string;
  playlistId: string | undefined;
  screenGroupIds: string[];
  weekdays: number[];
  windows: Array<{ start: Dayjs | null; end: Dayjs | null }>;
  validity: [Dayjs | null, Dayjs | null] | null;
  priority: number;
}

export function fieldsOf(values: ScheduleFormValues): Fields {
  const time = (clock: string | undefined) => (clock ? dayjs(clock, TIME) : null);
  const date = (text: string | null) => (text ? dayjs(text, DATE) : null);
  return {
    ...values,
    windows: values.windows.map((window) => ({ start: time(window.start), end: time(window.end) })),
    validity: values.firstDate || values.lastDate ? [date(values.firstDate), date(values.lastDate)] : null,
  };
}

export function valuesOf(fields: Partial<Fields>): ScheduleFormValues {
  return {
    name: fields.name ?? '',
    playlistId: fields.playlistId,
    screenGroupIds: fields.screenGroupIds ?? [],
    weekdays: fields.weekdays ?? [],
    windows: (fields.windows ?? []).map((window) => ({ start: window?.start?.format(TIME), end: window?.end?.format(TIME) })),
    firstDate: fields.validity?.[0]?.format(DATE) ?? null,
    lastDate: fields.validity?.[1]?.format(DATE) ?? null,
    priority: fields.priority ?? 0,
  };
}

