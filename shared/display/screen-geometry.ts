// How large text must be on this screen to be read from where people stand. Pure: the caller
// supplies the screen's pixel height; the physical size and viewing distance are configured per
// player (`gongshi player --screen-height-mm --viewing-distance-m`).

import { z } from 'zod';

export const screenGeometrySchema = z.object({
  /** the picture's physical height, mm (a 55-inch 16:9 panel: 685 mm) */
  heightMm: z.number().min(50).max(50_000),
  /** where most readers stand, m */
  viewingDistanceM: z.number().min(0.5).max(300),
});

export type ScreenGeometry = z.infer<typeof screenGeometrySchema>;

/**
 * A glyph subtending 16 minutes of arc is read comfortably in passing: 4.7 mm per metre of
 * distance, 47 mm at 10 m. Legibility studies put the bare limit near 10'; signage guides ask 15–20'.
 */
export const GLYPH_ARC_MINUTES = 16;
/** A Chinese character fills about 88 % of its font size's em box. */
export const CJK_GLYPH_EM = 0.88;

/** The smallest row font, px, whose characters subtend GLYPH_ARC_MINUTES from the viewing distance. */
export function legibleFontPx(geometry: ScreenGeometry, heightPx: number): number {
  const glyphMm = geometry.viewingDistanceM * 1000 * Math.tan(((GLYPH_ARC_MINUTES / 60) * Math.PI) / 180);
  const mmPerPx = geometry.heightMm / Math.max(1, heightPx);
  return glyphMm / CJK_GLYPH_EM / mmPerPx;
}

export interface TypeScale {
  /** factor on the display's type sizes, ≥ 1 */
  scale: number;
  /** the row font the distance asks for, px */
  neededRowPx: number;
  /** false when the width caps the type below what the distance asks for */
  legible: boolean;
}

/**
 * Type grows (never shrinks) from the resolution's own sizes until rows read from the viewing
 * distance, as far as the width lets the columns hold their content (`maxRowPx`).
 */
export function typeScaleFor(input: { geometry: ScreenGeometry | null; heightPx: number; baseRowPx: number; maxRowPx: number }): TypeScale {
  if (!input.geometry) return { scale: 1, neededRowPx: input.baseRowPx, legible: true };
  const neededRowPx = legibleFontPx(input.geometry, input.heightPx);
  const ceiling = Math.max(1, input.maxRowPx / input.baseRowPx);
  const wanted = Math.max(1, neededRowPx / input.baseRowPx);
  return { scale: Math.min(wanted, ceiling), neededRowPx, legible: wanted <= ceiling + 1e-9 };
}
