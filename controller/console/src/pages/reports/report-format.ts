// How the report pages write times, spans of time on screen, and day ranges. Pure (dayjs reads the
// browser's zone, as everything the auditor sees on this page does).

import dayjs, { type Dayjs } from 'dayjs';

export type ReportLocale = 'zh-CN' | 'en';

export const INSTANT_FORMAT = 'YYYY-MM-DD HH:mm:ss';

/** A person as the reports name them: 张三（zhangsan）, or the username alone when that is the name too. */
export function personLabel(user: { displayName: string; username: string }): string {
  return user.displayName === user.username ? user.username : `${user.displayName}（${user.username}）`;
}

export function formatInstant(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '—' : dayjs(ms).format(INSTANT_FORMAT);
}

/**
 * 7_384_000 → '2 小时 3 分 4 秒' / '2 h 3 min 4 s', parts that are zero left out; under a minute to a
 * tenth of a second (12_340 → '12.3 秒'), since a slide's play or a screen's ack is often that short.
 */
export function formatSpan(ms: number, locale: ReportLocale): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}${locale === 'en' ? ' s' : ' 秒'}`;
  const total = Math.round(seconds);
  const parts: Array<[number, string, string]> = [
    [Math.floor(total / 3600), ' 小时', ' h'],
    [Math.floor((total % 3600) / 60), ' 分', ' min'],
    [total % 60, ' 秒', ' s'],
  ];
  return parts.filter(([value]) => value > 0).map(([value, zh, en]) => `${value}${locale === 'en' ? en : zh}`).join(' ');
}

/** Whole days picked in a date range → [first day's 00:00, the day after the last day's 00:00), epoch ms. */
export function dayWindow(range: readonly [Dayjs, Dayjs] | null | undefined): { from?: number; to?: number } {
  if (!range) return {};
  return { from: range[0].startOf('day').valueOf(), to: range[1].add(1, 'day').startOf('day').valueOf() };
}

/** A picked date-time range → [from, to] as picked, epoch ms. */
export function instantWindow(range: readonly [Dayjs, Dayjs] | null | undefined): { from?: number; to?: number } {
  if (!range) return {};
  return { from: range[0].valueOf(), to: range[1].valueOf() };
}
