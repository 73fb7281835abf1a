// Compares a screenshot with its committed reference picture, both shrunk to at most 960 px a side, within a tolerance; or writes the reference when asked to.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { decodePng, type Pixels } from './png-pixels.ts';

/** Set to 1 to write the references from what Chromium renders now instead of comparing with them. */
export const UPDATE_REFERENCES_ENV = 'GONGSHI_UPDATE_REFERENCES';

// Half of 1920: a reference is a fraction of a full screenshot's bytes and still shows a row's text.
const REFERENCE_MAX_SIDE = 960;
// Anti-aliasing and font hinting move edges by a few levels; a changed colour or glyph moves far more.
const CHANNEL_TOLERANCE = 24;
// A moved block, a changed colour, a lost line or column is well over 1 % of a picture, a glyph's
// rendering noise far under it; so is one changed word or date, which the text checks are for.
const MAX_DIFFERING_SHARE = 0.01;
// A reference need only be right within CHANNEL_TOLERANCE: levels rounded to multiples of 8 (4 off
// at most) deflate to about half the bytes of exact ones.
const REFERENCE_LEVEL_STEP = 8;

export interface RgbImage {
  width: number;
  height: number;
  /** 3 bytes a pixel, row by row */
  rgb: Uint8Array;
}

/** Averages each output pixel over the source area it covers (a box filter), fractional edges weighted. */
export function downscaleToFit(pixels: Pixels, maxSide = REFERENCE_MAX_SIDE): RgbImage {
  const factor = Math.max(1, Math.max(pixels.width, pixels.height) / maxSide);
  const width = Math.max(1, Math.round(pixels.width / factor));
  const height = Math.max(1, Math.round(pixels.height / factor));
  const scaleX = pixels.width / width;
  const scaleY = pixels.height / height;
  // Columns first, into one float row per source row; then rows.
  const columns = new Float64Array(width * pixels.height * 3);
  for (let y = 0; y < pixels.height; y++) {
    for (let x = 0; x < width; x++) {
      const from = x * scaleX;
      const to = from + scaleX;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sx = Math.floor(from); sx < to && sx < pixels.width; sx++) {
        const weight = Math.min(sx + 1, to) - Math.max(sx, from);
        const [pr, pg, pb] = pixels.at(sx, y);
        r += pr * weight;
        g += pg * weight;
        b += pb * weight;
      }
      const at = (y * width + x) * 3;
      columns[at] = r / scaleX;
      columns[at + 1] = g / scaleX;
      columns[at + 2] = b / scaleX;
    }
  }
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const from = y * scaleY;
    const to = from + scaleY;
    for (let x = 0; x < width; x++) {
      for (let channel = 0; channel < 3; channel++) {
        let sum = 0;
        for (let sy = Math.floor(from); sy < to && sy < pixels.height; sy++) {
          sum += (columns[(sy * width + x) * 3 + channel] ?? 0) * (Math.min(sy + 1, to) - Math.max(sy, from));
        }
        rgb[(y * width + x) * 3 + channel] = Math.round(sum / scaleY);
      }
    }
  }
  return { width, height, rgb };
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const frame = Buffer.alloc(8);
  frame.writeUInt32BE(data.length, 0);
  frame.writeUInt32BE(crc32(typed), 4);
  return Buffer.concat([frame.subarray(0, 4), typed, frame.subarray(4)]);
}

/**
 * An 8-bit RGB PNG. Each row is stored as the difference from the row above (PNG filter 2, "up"):
 * the scenes' gradients and flat bands then deflate to a fraction of their unfiltered size.
 */
export function encodePng(image: RgbImage): Buffer {
  const stride = image.width * 3;
  const raw = Buffer.alloc((stride + 1) * image.height);
  for (let y = 0; y < image.height; y++) {
    raw[y * (stride + 1)] = 2;
    for (let i = 0; i < stride; i++) {
      const above = y > 0 ? (image.rgb[(y - 1) * stride + i] ?? 0) : 0;
      raw[y * (stride + 1) + 1 + i] = ((image.rgb[y * stride + i] ?? 0) - above) & 0xff;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(raw, { level: 9 })), pngChunk('IEND', new Uint8Array())]);
}

function quantized(image: RgbImage): RgbImage {
  return { ...image, rgb: image.rgb.map((level) => Math.min(255, Math.round(level / REFERENCE_LEVEL_STEP) * REFERENCE_LEVEL_STEP)) };
}

function toRgb(pixels: Pixels): RgbImage {
  const rgb = new Uint8Array(pixels.width * pixels.height * 3);
  for (let y = 0; y < pixels.height; y++) {
    for (let x = 0; x < pixels.width; x++) rgb.set(pixels.at(x, y), (y * pixels.width + x) * 3);
  }
  return { width: pixels.width, height: pixels.height, rgb };
}

export interface ImageDifference {
  differing: number;
  total: number;
  /** the actual picture in grey, dimmed, with every differing pixel in magenta */
  diff: RgbImage;
}

export function compareImages(actual: RgbImage, reference: RgbImage): ImageDifference {
  const total = actual.width * actual.height;
  const diff = new Uint8Array(total * 3);
  let differing = 0;
  for (let i = 0; i < total; i++) {
    const at = i * 3;
    let worst = 0;
    for (let channel = 0; channel < 3; channel++) worst = Math.max(worst, Math.abs((actual.rgb[at + channel] ?? 0) - (reference.rgb[at + channel] ?? 0)));
    if (worst > CHANNEL_TOLERANCE) {
      differing += 1;
      diff.set([255, 0, 255], at);
    } else {
      const grey = Math.round(((actual.rgb[at] ?? 0) + (actual.rgb[at + 1] ?? 0) + (actual.rgb[at + 2] ?? 0)) / 9);
      diff.set([grey, grey, grey], at);
    }
  }
  return { differing, total, diff: { width: actual.width, height: actual.height, rgb: diff } };
}

export interface ReferenceCheck {
  /** 'written' in update mode; otherwise 'matched', or a failure */
  outcome: 'matched' | 'written' | 'missing' | 'mismatched';
  /** what a failure means and where to look; a written reference's path */
  message: string;
}

const updateCommand = (testFile: string) => `${UPDATE_REFERENCES_ENV}=1 node test/run.mjs ${testFile}`;

/**
 * `screenshot` is Chromium's PNG; `referencePath` the committed picture; `testFile` the runner
 * argument that re-creates it. A failure writes the shrunk actual picture and a diff next to each
 * other in a temporary folder, which the message names.
 */
export function checkAgainstReference(screenshot: Uint8Array, referencePath: string, testFile: string): ReferenceCheck {
  const actual = downscaleToFit(decodePng(screenshot));
  if (process.env[UPDATE_REFERENCES_ENV] === '1') {
    mkdirSync(join(referencePath, '..'), { recursive: true });
    writeFileSync(referencePath, encodePng(quantized(actual)));
    return { outcome: 'written', message: `wrote ${referencePath}` };
  }
  if (!existsSync(referencePath)) {
    return { outcome: 'missing', message: `no reference picture ${referencePath}: look at what the display renders, then create it with \`${updateCommand(testFile)}\`` };
  }
  const reference = toRgb(decodePng(readFileSync(referencePath)));
  const sameSize = reference.width === actual.width && reference.height === actual.height;
  const difference = sameSize ? compareImages(actual, reference) : null;
  if (difference && difference.differing <= difference.total * MAX_DIFFERING_SHARE) return { outcome: 'matched', message: '' };
  const dir = mkdtempSync(join(tmpdir(), 'gongshi-screenshot-'));
  const name = referencePath.slice(referencePath.lastIndexOf('/') + 1, -'.png'.length);
  const actualPath = join(dir, `${name}.actual.png`);
  writeFileSync(actualPath, encodePng(actual));
  const what = difference
    ? `${((difference.differing / difference.total) * 100).toFixed(2)} % of pixels differ (over ${MAX_DIFFERING_SHARE * 100} % fails)`
    : `the reference is ${reference.width}×${reference.height}, the screenshot shrinks to ${actual.width}×${actual.height}`;
  let diffNote = '';
  if (difference) {
    const diffPath = join(dir, `${name}.diff.png`);
    writeFileSync(diffPath, encodePng(difference.diff));
    diffNote = `, diff ${diffPath}`;
  }
  return {
    outcome: 'mismatched',
    message: `${name}: ${what}; actual ${actualPath}${diffNote}, reference ${referencePath}. If the change is intended, update with \`${updateCommand(testFile)}\``,
  };
}
