// How the lists pages write an instant: local time, to the second, the same in every locale.

import dayjs from 'dayjs';

export function formatTime(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '—' : dayjs(ms).format('YYYY-MM-DD HH:mm:ss');
}

/** Where the seconds only crowd a table column. */
export function formatMinute(ms: number): string {
  return dayjs(ms).format('YYYY-MM-DD HH:mm');
}
