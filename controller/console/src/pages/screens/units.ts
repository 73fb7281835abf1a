// Figures as technicians read them: bytes in binary units, uptimes in days and hours, times relative to now. Pure but for dayjs's locale.

import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';

dayjs.extend(relativeTime);

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** 1536 → "1.5 KB"; one decimal below 10 of a unit, none above. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${BYTE_UNITS[unit]}`;
}

export interface DurationUnits {
  day: string;
  hour: string;
  minute: string;
}

/** 93_784 s → "1 天 2 小时" (the two largest non-zero units; minutes only under an hour). */
export function formatDuration(seconds: number | null | undefined, units: DurationUnits): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  if (days > 0) return hours > 0 ? `${days} ${units.day} ${hours} ${units.hour}` : `${days} ${units.day}`;
  if (hours > 0) return minutes > 0 ? `${hours} ${units.hour} ${minutes} ${units.minute}` : `${hours} ${units.hour}`;
  return `${minutes} ${units.minute}`;
}

/** 0.734 → "73%" */
export function formatPercent(fraction: number | null | undefined): string {
  return fraction === null || fraction === undefined || !Number.isFinite(fraction) ? '—' : `${Math.round(fraction * 100)}%`;
}

/** "3 分钟前" / "3 minutes ago" in the console's language (dayjs follows it). */
export function fromNow(at: number | null | undefined, now: number): string {
  return at === null || at === undefined ? '—' : dayjs(at).from(dayjs(now));
}

export function formatTime(at: number | null | undefined): string {
  return at === null || at === undefined ? '—' : dayjs(at).format('YYYY-MM-DD HH:mm:ss');
}
