// Type sized for the viewing distance: how large a row must be, and how far the width lets it grow.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { legibleFontPx, typeScaleFor } from '../../../shared/display/screen-geometry.ts';
import { typeScaleOfWindow } from '../../../player/display/src/state/use-type-scale.ts';
import { screenGeometryOption } from '../../../cli/commands/player.ts';

describe('screen geometry', () => {
  it('asks for characters of about 4.7 mm per metre of distance', () => {
    // A 3 m-high LED wall at 1080 lines is 2.78 mm a pixel; from 19 m a character needs 88 mm, a 100 mm font.
    assert.ok(Math.abs(legibleFontPx({ heightMm: 3000, viewingDistanceM: 19 }, 1080) - 36.1) < 0.5);
    // Twice the distance, twice the size; twice the pixels on the same panel, twice the pixels.
    const near = legibleFontPx({ heightMm: 685, viewingDistanceM: 5 }, 1080);
    assert.ok(Math.abs(legibleFontPx({ heightMm: 685, viewingDistanceM: 10 }, 1080) - 2 * near) < 1e-9);
    assert.ok(Math.abs(legibleFontPx({ heightMm: 685, viewingDistanceM: 5 }, 2160) - 2 * near) < 1e-9);
  });

  it('grows type for the distance, never shrinks it, and says when the width stops it short', () => {
    assert.deepEqual(typeScaleFor({ geometry: null, heightPx: 1080, baseRowPx: 36, maxRowPx: 47 }), { scale: 1, neededRowPx: 36, legible: true });
    const close = typeScaleFor({ geometry: { heightMm: 685, viewingDistanceM: 2 }, heightPx: 1080, baseRowPx: 36, maxRowPx: 47 });
    assert.equal(close.scale, 1);
    assert.equal(close.legible, true);
    const hall = typeScaleFor({ geometry: { heightMm: 1500, viewingDistanceM: 12 }, heightPx: 1080, baseRowPx: 36, maxRowPx: 47 });
    assert.ok(Math.abs(hall.scale * 36 - hall.neededRowPx) < 1e-9 && hall.scale > 1.2, `scale ${hall.scale}`);
    const tooFar = typeScaleFor({ geometry: { heightMm: 685, viewingDistanceM: 10 }, heightPx: 1080, baseRowPx: 36, maxRowPx: 47 });
    assert.equal(tooFar.scale, 47 / 36);
    assert.equal(tooFar.legible, false);
  });

  it('reads the window as base.css does: 36 px rows at 1080p and 72 px at 4K before any scaling', () => {
    const hd = typeScaleOfWindow({ heightMm: 1500, viewingDistanceM: 10 }, 1920, 1080);
    const uhd = typeScaleOfWindow({ heightMm: 1500, viewingDistanceM: 10 }, 3840, 2160);
    assert.ok(hd.scale > 1 && hd.legible);
    assert.ok(Math.abs(hd.scale - uhd.scale) < 1e-9, 'the same panel at twice the pixels scales alike');
    assert.ok(Math.abs(hd.neededRowPx / hd.scale - 36.48) < 0.01);
    assert.ok(Math.abs(uhd.neededRowPx / uhd.scale - 72.96) < 0.01);
    // Farther, the five columns' width stops the type short: about 44.6 px on 1,920 px.
    const far = typeScaleOfWindow({ heightMm: 1500, viewingDistanceM: 12 }, 1920, 1080);
    assert.equal(far.legible, false);
    assert.ok(Math.abs(far.scale * 36.48 - 44.6) < 0.1, `${far.scale * 36.48} px`);
  });

  it('takes the player’s two options together or not at all, with a clear error', () => {
    assert.equal(screenGeometryOption(undefined, undefined), null);
    assert.deepEqual(screenGeometryOption(685, 8), { heightMm: 685, viewingDistanceM: 8 });
    assert.throws(() => screenGeometryOption(685, undefined), /go together/);
    assert.throws(() => screenGeometryOption(10, 8), /--screen-height-mm/);
    assert.throws(() => screenGeometryOption(685, 1000), /--viewing-distance-m/);
  });
});
