// A publish's progress as figures: the share reached, never rounded up to 100 % while one screen is behind. Pure.

/** 0–100 with one decimal, rounded down: 1,999 of 2,000 is 99.9, not 100. An empty fleet has nothing to reach: 100. */
export function reachedPercent(reached: number, total: number): number {
  if (total <= 0) return 100;
  return Math.floor((Math.min(reached, total) / total) * 1000) / 10;
}

export type ProgressTone = 'success' | 'active' | 'exception' | 'normal';

/** Complete: green; someone in error: red; still moving: animated; otherwise plain. */
export function progressTone(reached: number, total: number, behindByReason: { error: number; updating: number }): ProgressTone {
  if (reached >= total) return 'success';
  if (behindByReason.error > 0) return 'exception';
  return behindByReason.updating > 0 ? 'active' : 'normal';
}

/** "1,998" in both languages; Chinese government documents group digits in threes as well. */
export function groupDigits(value: number): string {
  return value.toLocaleString('en-US');
}
