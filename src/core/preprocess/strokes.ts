/**
 * Strokes → model input, in pure JavaScript: no canvas API, whose anti-aliasing differs between browsers
 * and which Node lacks. The Draw page, `predict --strokes` and `npm run bench:pen` all call
 * strokesToModelInput, so the same points give the model the same input in the browser and in Node.
 *
 * A drawing is a list of strokes, each a flat list of centreline points x0, y0, x1, y1, … (y down, any
 * unit). Each stroke is smoothed like the Draw page's pen (quadratic curves through the midpoints of
 * consecutive points), scaled so the centrelines' longer side spans DIGIT_SPAN pixels of a small raster,
 * and drawn as a round-capped polyline whose width is a fixed fraction of the digit's size, whatever size
 * the user drew at. Anti-aliasing is by pixel coverage. The raster then goes through the MNIST recipe of
 * toMnistInput (20 px box, centre of mass at the centre).
 */
import type { GrayImage } from './grayscale';
import { MNIST_SIZE, toMnistInput, type ModelInput } from './mnist-style';

/** Side of the square raster the strokes are drawn on. */
const RASTER_SIZE = 80;
/** The longer side of the centrelines' bounding box, in raster pixels. */
const DIGIT_SPAN = 64;
/** Pen width as a fraction of the inked digit's longer side (tuned on pendigits-dev: 0.08–0.09 read best). */
export const PEN_FRACTION = 0.09;
/**
 * Drawings whose centrelines span fewer canvas CSS pixels are a dot or a scribble, not yet a digit
 * (the Draw page and `predict --strokes` use it).
 */
export const MIN_DIGIT_SPAN_PX = 12;
/** Largest distance, in raster pixels, between a smoothed curve and the line pieces that replace it. */
const CURVE_TOLERANCE = 0.1;
const MAX_CURVE_PIECES = 32;

/** Flat x0, y0, x1, y1, … centreline points of one stroke. */
export type StrokePoints = ArrayLike<number>;

/** Bounding box of the stroke centrelines, or null when there are no points. */
export function strokeBounds(strokes: ReadonlyArray<StrokePoints>): { minX: number; minY: number; maxX: number; maxY: number } | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const points of strokes) {
    for (let i = 0; i + 1 < points.length; i += 2) {
      minX = Math.min(minX, points[i]);
      maxX = Math.max(maxX, points[i]);
      minY = Math.min(minY, points[i + 1]);
      maxY = Math.max(maxY, points[i + 1]);
    }
  }
  return minX <= maxX ? { minX, minY, maxX, maxY } : null;
}

/**
 * The strokes drawn white on black at model scale; null when the centrelines span no more than `minSpan`
 * (in the strokes' own units): an empty drawing, a dot or a scribble too small to be a digit.
 */
export function strokesToInk(strokes: ReadonlyArray<StrokePoints>, minSpan = 0): GrayImage | null {
  const bounds = strokeBounds(strokes);
  if (!bounds) return null;
  const span = Math.max(bounds.maxX - bounds.minX, bounds.maxY - bounds.minY);
  if (!(span > 0) || span < minSpan || !Number.isFinite(span)) return null;

  const scale = DIGIT_SPAN / span;
  const shiftX = RASTER_SIZE / 2 - ((bounds.minX + bounds.maxX) / 2) * scale;
  const shiftY = RASTER_SIZE / 2 - ((bounds.minY + bounds.maxY) / 2) * scale;
  // Width w on a span s inks a digit of s + w; w / (s + w) = PEN_FRACTION.
  const radius = (PEN_FRACTION / (1 - PEN_FRACTION)) * DIGIT_SPAN * 0.5;
  const image: GrayImage = { width: RASTER_SIZE, height: RASTER_SIZE, data: new Float32Array(RASTER_SIZE * RASTER_SIZE) };
  for (const points of strokes) {
    const raster = new Float64Array(points.length);
    for (let i = 0; i + 1 < points.length; i += 2) {
      raster[i] = points[i] * scale + shiftX;
      raster[i + 1] = points[i + 1] * scale + shiftY;
    }
    drawSmoothedStroke(image, raster, radius);
  }
  return image;
}

/** What the model sees for these strokes; `empty` under the same conditions as strokesToInk returns null. */
export function strokesToModelInput(strokes: ReadonlyArray<StrokePoints>, minSpan = 0): ModelInput {
  const ink = strokesToInk(strokes, minSpan);
  return ink ? toMnistInput(ink) : { pixels: new Float32Array(MNIST_SIZE * MNIST_SIZE), empty: true };
}

/**
 * The pen path of the Draw page: from the first point, a quadratic curve through each inner point to the
 * midpoint between it and the next one, then a straight line to the last point. One point is a dot.
 */
function drawSmoothedStroke(image: GrayImage, p: Float64Array, radius: number): void {
  const n = p.length >> 1;
  if (n === 0) return;
  let penX = p[0];
  let penY = p[1];
  if (n === 1) drawSegment(image, penX, penY, penX, penY, radius);
  for (let i = 1; i < n; i++) {
    const x = p[2 * i];
    const y = p[2 * i + 1];
    if (i === n - 1) {
      drawSegment(image, penX, penY, x, y, radius);
      break;
    }
    const endX = (x + p[2 * i + 2]) / 2;
    const endY = (y + p[2 * i + 3]) / 2;
    // A quadratic Bézier strays at most |P0 - 2C + P2| / 4 from its chord; n pieces cut that by n².
    const bend = Math.hypot(penX - 2 * x + endX, penY - 2 * y + endY) / 4;
    const pieces = Math.min(MAX_CURVE_PIECES, Math.max(1, Math.ceil(Math.sqrt(bend / CURVE_TOLERANCE))));
    for (let k = 1; k <= pieces; k++) {
      const t = k / pieces;
      const u = 1 - t;
      const nextX = u * u * penX + 2 * u * t * x + t * t * endX;
      const nextY = u * u * penY + 2 * u * t * y + t * t * endY;
      drawSegment(image, penX, penY, nextX, nextY, radius);
      penX = nextX;
      penY = nextY;
    }
  }
}

/**
 * Paints a round-capped segment (a capsule of `radius` around a→b). A pixel's coverage is approximated
 * from the distance d of its centre to the segment as clamp(radius + 0.5 - d, 0, 1); overlapping pieces
 * of a stroke keep the larger coverage, as a single canvas path would.
 */
function drawSegment(image: GrayImage, ax: number, ay: number, bx: number, by: number, radius: number): void {
  const { width, height, data } = image;
  const reach = radius + 0.5;
  const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - reach));
  const x1 = Math.min(width - 1, Math.ceil(Math.max(ax, bx) + reach));
  const y0 = Math.max(0, Math.floor(Math.min(ay, by) - reach));
  const y1 = Math.min(height - 1, Math.ceil(Math.max(ay, by) + reach));
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const reachSquared = reach * reach;
  for (let y = y0; y <= y1; y++) {
    const py = y + 0.5 - ay;
    for (let x = x0; x <= x1; x++) {
      const px = x + 0.5 - ax;
      const along = lengthSquared > 0 ? (px * dx + py * dy) / lengthSquared : 0;
      const t = along < 0 ? 0 : along > 1 ? 1 : along;
      const ox = px - t * dx;
      const oy = py - t * dy;
      const distanceSquared = ox * ox + oy * oy;
      if (distanceSquared >= reachSquared) continue;
      const coverage = reach - Math.sqrt(distanceSquared);
      const i = y * width + x;
      const value = coverage < 1 ? coverage : 1;
      if (value > data[i]) data[i] = value;
    }
  }
}
