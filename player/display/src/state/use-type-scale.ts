// Sizes the display's type for the screen's viewing distance: sets --type-scale on the document,
// which every font size in base.css is multiplied by.
import { useEffect } from 'react';
import { typeScaleFor, type ScreenGeometry, type TypeScale } from '../../../../shared/display/screen-geometry.ts';
import { maxRowFontPx } from '../components/page-geometry.ts';
import { useWindowSize } from './use-window-size.ts';

// As base.css: --unit is 1vw on a 16:9 screen, and rows are 1.9 units, between 20 and 120 px.
const ROW_UNITS = 1.9;
/** --unit at 1920×1080, px: the size operators' speeds and the display's defaults are meant at */
export const UNIT_AT_1080P_PX = 19.2;
/** var(--fs-row) at 1920×1080 without type scaling */
export const ROW_FONT_AT_1080P_PX = UNIT_AT_1080P_PX * ROW_UNITS;
const MIN_ROW_PX = 20;
const MAX_ROW_PX = 120;
// As base.css and rolling-list.css: the page's side padding (2.5 units each) and the four column gaps (1.3 units each).
const SIDE_PADDING_UNITS = 2.5;
const COLUMN_GAP_UNITS = 1.3;

export function typeScaleOfWindow(screen: ScreenGeometry | null, width: number, height: number): TypeScale {
  const unit = Math.min(width / 100, (height * 1.7778) / 100);
  const baseRowPx = Math.min(MAX_ROW_PX, Math.max(MIN_ROW_PX, unit * ROW_UNITS));
  const portrait = width < height;
  const contentWidth = width - 2 * SIDE_PADDING_UNITS * unit - (portrait ? 1 : 4) * COLUMN_GAP_UNITS * unit;
  return typeScaleFor({ geometry: screen, heightPx: height, baseRowPx, maxRowPx: Math.min(MAX_ROW_PX, maxRowFontPx(portrait ? 'compact' : 'full', contentWidth)) });
}

export function useTypeScale(screen: ScreenGeometry | null): TypeScale {
  const size = useWindowSize();
  const heightMm = screen?.heightMm;
  const distanceM = screen?.viewingDistanceM;
  const typeScale = typeScaleOfWindow(heightMm !== undefined && distanceM !== undefined ? { heightMm, viewingDistanceM: distanceM } : null, size.width, size.height);
  useEffect(() => {
    document.documentElement.style.setProperty('--type-scale', typeScale.scale.toFixed(4));
  }, [typeScale.scale]);
  return typeScale;
}
