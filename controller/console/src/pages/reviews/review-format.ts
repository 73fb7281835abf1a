// How the review queue writes times, durations and people. Pure.

import dayjs from 'dayjs';

export function formatTime(ms: number | null): string {
  return ms === null ? '—' : dayjs(ms).format('YYYY-MM-DD HH:mm');
}

/** 30000 → '30', 12500 → '12.5' (seconds, without trailing zeros). */
export function secondsOf(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

/** A user's name as the server gave it, or the fallback when the user no longer exists. */
export function personName(name: string | null | undefined, fallback: string): string {
  return name && name.trim() !== '' ? name : fallback;
}
