// The rows' variant and type in the space a list table has: compact and landscape-sized on a portrait screen.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rowVariantIn, scrollingRowFontPx, type RowSpace } from '../../../player/display/src/components/use-row-space.ts';

// As measured at 1920×1080 and at 1080×1920 (row font 1.9 units, side padding 2.5 units, gaps 1.3 units).
const LANDSCAPE: RowSpace = { height: 830, rowWidth: 1824, columnGap: 25, minFontPx: 36.48, portrait: false, aspect: 1080 / 1920 };
const PORTRAIT: RowSpace = { height: 1700, rowWidth: 1026, columnGap: 14, minFontPx: 20.52, portrait: true, aspect: 1920 / 1080 };

describe('row space', () => {
  it('gives a portrait screen compact rows, whatever the view asked for', () => {
    assert.equal(rowVariantIn(LANDSCAPE, 'full'), 'full');
    assert.equal(rowVariantIn(LANDSCAPE, 'compact'), 'compact');
    assert.equal(rowVariantIn(PORTRAIT, 'full'), 'compact');
    assert.equal(rowVariantIn(null, 'full'), 'full');
  });

  it('sizes scrolling rows on a portrait screen as the panel turned landscape would, within the compact columns', () => {
    assert.equal(scrollingRowFontPx(LANDSCAPE, 'full'), 36.48);
    assert.ok(Math.abs(scrollingRowFontPx(PORTRAIT, 'compact') - 36.48) < 0.01);
    // A narrow, tall strip of a screen: the compact columns cap the type (the code stays on one line).
    const narrow = { ...PORTRAIT, rowWidth: 500, aspect: 3 };
    assert.ok(Math.abs(scrollingRowFontPx(narrow, 'compact') - (486 * 11) / 20 / 11.8) < 0.01);
    // Never smaller than the table's own size.
    assert.equal(scrollingRowFontPx({ ...PORTRAIT, rowWidth: 200 }, 'compact'), 20.52);
  });
});
