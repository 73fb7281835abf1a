// Whether the display is an LED strip (1536×256, 960×128 …): too wide and low for a header and rows.
import { useWindowSize } from './use-window-size.ts';

/** Wider than 4 : 1, or lower than this many px, is a strip: at 1536×256 a table would show no row under its header. */
const STRIP_ASPECT = 4;
const STRIP_MAX_HEIGHT_PX = 320;

export function isStrip(width: number, height: number): boolean {
  return width / Math.max(1, height) >= STRIP_ASPECT || height <= STRIP_MAX_HEIGHT_PX;
}

export function useIsStrip(): boolean {
  const { width, height } = useWindowSize();
  return isStrip(width, height);
}
