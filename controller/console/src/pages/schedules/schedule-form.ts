// The schedule form's values and the API's schedule body, each from the other, with the form's own
// checks (the server checks again with the shared schedule schema). Times are 'HH:mm' strings
// here; the form's pickers convert at their edge. Pure.

import type { ScheduleDocument, ScheduleRow } from '../playlists/programme-api.ts';

// Room below and above for routine, campaign and holiday tiers (the server allows 0–1000).
export const DEFAULT_PRIORITY = 10;
export const MAX_PRIORITY = 1000;
export const WORKING_DAYS = [1, 2, 3, 4, 5] as const;
export const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export interface ScheduleFormValues {
  name: string;
  playlistId: string | undefined;
  screenGroupIds: string[];
  weekdays: number[];
  windows: Array<{ start: string | undefined; end: string | undefined }>;
  /** inclusive calendar dates; null for no bound */
  firstDate: string | null;
  lastDate: string | null;
  priority: number;
}

export const newScheduleValues = (): ScheduleFormValues => ({
  name: '',
  playlistId: undefined,
  screenGroupIds: [],
  weekdays: [...WORKING_DAYS],
  windows: [{ start: '08:00', end: '18:00' }],
  firstDate: null,
  lastDate: null,
  priority: DEFAULT_PRIORITY,
});

export function formValuesOf(row: Pick<ScheduleRow, 'name'>, document: ScheduleDocument): ScheduleFormValues {
  return {
    name: row.name,
    playlistId: document.playlistId,
    screenGroupIds: [...document.screenGroupIds],
    weekdays: [...document.weekdays].sort((a, b) => a - b),
    windows: document.windows.map((window) => ({ start: window.start, end: window.end === '24:00' ? '00:00' : window.end })),
    firstDate: document.firstDate ?? null,
    lastDate: document.lastDate ?? null,
    priority: document.priority,
  };
}

/**
 * A window ending at 00:00 means the midnight that closes the day; it is sent as '24:00', the
 * spelling the schedule schema keeps for it, so it reads as "until midnight", not "overnight".
 */
export function windowEnd(end: string): string {
  return end === '00:00' ? '24:00' : end;
}

export type ScheduleBody = { name: string } & ScheduleDocument;

export function scheduleBodyOf(values: ScheduleFormValues): ScheduleBody {
  return {
    name: values.name.trim(),
    playlistId: values.playlistId ?? '',
    screenGroupIds: [...values.screenGroupIds],
    weekdays: [...new Set(values.weekdays)].sort((a, b) => a - b),
    windows: values.windows.map((window) => ({ start: window.start ?? '', end: windowEnd(window.end ?? '') })),
    ...(values.firstDate ? { firstDate: values.firstDate } : {}),
    ...(values.lastDate ? { lastDate: values.lastDate } : {}),
    priority: values.priority,
  };
}

export type WindowProblem = 'missing' | 'empty' | 'overlap';

/** Per window: a missing time, a window that starts where it ends, or one overlapping an earlier window. */
export function windowProblems(windows: ScheduleFormValues['windows']): Array<WindowProblem | null> {
  const spans: Array<[number, number] | null> = windows.map((window) => {
    if (!window.start || !window.end || window.start === window.end) return null;
    const start = minutes(window.start);
    const end = minutes(window.end);
    return [start, end <= start ? end + 1440 : end];
  });
  return windows.map((window, index) => {
    if (!window.start || !window.end) return 'missing';
    if (window.start === window.end) return 'empty';
    const span = spans[index] as [number, number];
    const overlaps = spans.slice(0, index).some((other) => other !== null && overlapsOnClock(span, other));
    return overlaps ? 'overlap' : null;
  });
}

function minutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Spans on a day's clock that may run past midnight; compared also a day apart, as an overnight one meets the next morning. */
function overlapsOnClock(a: [number, number], b: [number, number]): boolean {
  return [-1440, 0, 1440].some((shift) => a[0] < b[1] + shift && b[0] + shift < a[1]);
}

/** How a set of weekdays reads best: a named pattern, or the days themselves in order. */
export function weekdayPattern(weekdays: readonly number[]): 'every-day' | 'working-days' | 'weekend' | number[] {
  const days = [...new Set(weekdays)].sort((a, b) => a - b);
  const key = days.join(',');
  if (key === ALL_DAYS.join(',')) return 'every-day';
  if (key === WORKING_DAYS.join(',')) return 'working-days';
  if (key === '6,7') return 'weekend';
  return days;
}
