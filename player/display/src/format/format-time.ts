// Formats instants as a Chinese public notice does: in Beijing time, whatever the kiosk's own zone.

// Public credit lists are published in China Standard Time; the kiosk OS zone may be UTC.
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallTime {
  date: string;
  hhmm: string;
  hhmmss: string;
}

export function wallTimeAt(epochMs: number): WallTime {
  const parts: Record<string, string> = {};
  for (const part of partsFormatter.formatToParts(epochMs)) parts[part.type] = part.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const hhmm = `${parts.hour}:${parts.minute}`;
  return { date, hhmm, hhmmss: `${hhmm}:${parts.second}` };
}

/** YYYY-MM-DD HH:mm in Beijing time. */
export function formatUpdatedAt(epochMs: number): string {
  const { date, hhmm } = wallTimeAt(epochMs);
  return `${date} ${hhmm}`;
}

const weekdayFormatters = new Map<string, Intl.DateTimeFormat>();

export function formatWeekday(epochMs: number, locale: string): string {
  let formatter = weekdayFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone: DISPLAY_TIME_ZONE, weekday: 'long' });
    weekdayFormatters.set(locale, formatter);
  }
  return formatter.format(epochMs);
}
