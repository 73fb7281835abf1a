// The screens an editor previews on, at their real pixel sizes, and the scale that fits one into the editor's preview box.

export interface ScreenSize {
  key: string;
  width: number;
  height: number;
}

/** The shapes Gongshi's screens come in: landscape and portrait 1080p panels, 4K walls, and LED strips. */
export const SCREEN_SIZES = [
  { key: '1920x1080', width: 1920, height: 1080 },
  { key: '1080x1920', width: 1080, height: 1920 },
  { key: '3840x2160', width: 3840, height: 2160 },
  { key: '1536x256', width: 1536, height: 256 },
] as const satisfies readonly ScreenSize[];

export type ScreenSizeKey = (typeof SCREEN_SIZES)[number]['key'];

export const DEFAULT_SCREEN_SIZE: ScreenSize = SCREEN_SIZES[0];
export const DEFAULT_SCREEN_KEY: ScreenSizeKey = SCREEN_SIZES[0].key;

export function screenSizeOf(key: string): ScreenSize {
  return SCREEN_SIZES.find((size) => size.key === key) ?? DEFAULT_SCREEN_SIZE;
}

/** 16:9, 9:16, 6:1: the ratio in its smallest whole numbers. */
export function aspectLabel(size: Pick<ScreenSize, 'width' | 'height'>): string {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const d = gcd(size.width, size.height);
  return `${size.width / d}:${size.height / d}`;
}

/**
 * The factor that shrinks the screen to fit a box `maxWidth` wide and `maxHeight` high, never
 * enlarging it: the preview is the real page at its real pixel size, only drawn smaller.
 */
export function previewScale(size: Pick<ScreenSize, 'width' | 'height'>, maxWidth: number, maxHeight: number): number {
  if (maxWidth <= 0 || maxHeight <= 0) return 0;
  return Math.min(1, maxWidth / size.width, maxHeight / size.height);
}
