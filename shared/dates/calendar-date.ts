// Calendar dates ('YYYY-MM-DD') as they appear on list entries, and the arithmetic on them.
// Kept as strings so that nothing depends on the host's time zone.

import { isRealCalendarDate } from '../codes/resident-id.ts';

export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  return m !== null && isRealCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function formatCalendarDate(year: number, month: number, day: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Full years between a birth date and another date (both 'YYYY-MM-DD'). */
export function ageOn(birthDate: CalendarDate, on: CalendarDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  let age = oy - by;
  if (om < bm || (om === bm && od < bd)) age -= 1;
  return age;
}

// Excel stores dates as days since 1899-12-30 (the 1900 leap-year bug moved its epoch by one).
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

export function excelSerialToCalendarDate(serial: number): CalendarDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const d = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * MS_PER_DAY);
  return formatCalendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const LOOSE_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
// Five digits: 10000 is 1927-05-18 and 99999 is 2173-10-13, which covers every plausible listing
// date. Fewer digits are a typed year ("2024" would be 1905-07-16) or a slip; six or seven digits
// are a truncated compact date (202403), not a day in the 25th century.
const SERIAL = /^\d{5}(\.\d+)?$/;

/**
 * Reads the date spellings that credit-platform exports use: 2024-03-05, 2024/3/5, 2024.3.5,
 * 2024年3月5日, 20240305, and five-digit Excel serials (45356, time fraction ignored). Returns
 * null for anything else or for a date that does not exist (2024-02-30).
 */
export function parseLooseCalendarDate(raw: string): CalendarDate | null {
  const text = raw.trim();
  const m = LOOSE_DATE.exec(text) ?? COMPACT_DATE.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealCalendarDate(y, mo, d) ? formatCalendarDate(y, mo, d) : null;
  }
  if (SERIAL.test(text)) return excelSerialToCalendarDate(Number(text));
  return null;
}

/** The instant a date ends in a fixed-offset zone (China has used UTC+8 without DST since 1991). */
export function endOfCalendarDateMs(date: CalendarDate, utcOffsetMinutes: number): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d + 1) - utcOffsetMinutes * 60_000;
}

export function calendarDateAt(epochMs: number, utcOffsetMinutes: number): CalendarDate {
  const d = new Date(epochMs + utcOffsetMinutes * 60_000);
  return formatCalendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
