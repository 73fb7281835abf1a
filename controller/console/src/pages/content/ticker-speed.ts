// What a ticker's speed means to a reader: characters a second, and how long a character stays on a 1080p screen.

import { UNIT_AT_1080P_PX } from '../../../../../player/display/src/state/use-type-scale.ts';

/** The ticker band's type at 1920×1080 (var(--fs-ticker) in the display's base.css: 2.6 units), where a speed is meant. */
const TICKER_FONT_AT_1080P_PX = UNIT_AT_1080P_PX * 2.6;
/** A CJK character is 1 em wide; the band adds 0.04 em of letter spacing (ticker.css). */
const CJK_ADVANCE_EM = 1.04;
const WIDTH_AT_1080P_PX = 1920;

export const TICKER_SPEED_MIN = 20;
export const TICKER_SPEED_MAX = 400;

/** Chinese characters passing a point each second, one decimal. */
export function tickerCharsPerSecond(pxPerSecond: number): number {
  return Math.round((pxPerSecond / (TICKER_FONT_AT_1080P_PX * CJK_ADVANCE_EM)) * 10) / 10;
}

/** Seconds a character takes to cross a 1920-px-wide screen, whole. */
export function tickerSecondsAcross(pxPerSecond: number): number {
  return Math.round(WIDTH_AT_1080P_PX / Math.max(1, pxPerSecond));
}
