// How long a category's entries may stay public (公示期). The rules that govern each kind of list
// set a publication period counted from the listing date (e.g. months or years for an administrative
// penalty), which can end before the valid-until date a source system exported. An admin sets the
// period per category; a screen shows an entry until whichever end comes first. Pure.

import { formatCalendarDate, isCalendarDate, type CalendarDate } from '../dates/calendar-date.ts';

/** Ten years: longer than any period the national credit rules set, so a typo of 1200 is refused. */
export const MAX_PUBLICATION_MONTHS = 120;

/**
 * The last day of a period of `months` starting on `listedOn`: the day before the same day of the
 * month `months` later (2024-03-05 + 36 → 2027-03-04); where that month is too short for the day,
 * its last day (2024-01-31 + 1 → 2024-02-29). Null for a date that does not exist.
 */
export function publicationPeriodEnd(listedOn: CalendarDate, months: number): CalendarDate | null {
  if (!isCalendarDate(listedOn) || !Number.isInteger(months) || months < 1) return null;
  const [year, month, day] = listedOn.split('-').map(Number) as [number, number, number];
  const monthIndex = month - 1 + months;
  const endYear = year + Math.floor(monthIndex / 12);
  const endMonth = (monthIndex % 12) + 1;
  const daysInEndMonth = new Date(Date.UTC(endYear, endMonth, 0)).getUTCDate();
  if (day > daysInEndMonth) return formatCalendarDate(endYear, endMonth, daysInEndMonth);
  const dayBefore = new Date(Date.UTC(endYear, endMonth - 1, day - 1));
  return formatCalendarDate(dayBefore.getUTCFullYear(), dayBefore.getUTCMonth() + 1, dayBefore.getUTCDate());
}

/** The last day an entry may be public: its valid-until date, or its category's period's end if earlier. */
export function publicUntil(validUntil: CalendarDate, listedOn: CalendarDate, publicationMonths: number | null): CalendarDate {
  if (publicationMonths === null) return validUntil;
  const periodEnd = publicationPeriodEnd(listedOn, publicationMonths);
  // ISO dates compare as strings.
  return periodEnd !== null && periodEnd < validUntil ? periodEnd : validUntil;
}
