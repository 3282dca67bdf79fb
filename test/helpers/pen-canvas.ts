/**
 * A drawing placed on the Draw page's canvas as the pen brush records it: the strokes scaled so their
 * centreline box's longer side is `size` CSS px, put at `at` (top-left) or centred, points rounded to
 * whole CSS pixels, and points closer than 1 px to the previous one dropped (the brush ignores them).
 * Used by `npm run bench:pen`, the MNIST-strokes test and the e2e pen replay, so all three draw alike;
 * also loads the real pen digits of ../shared/pendigits-dev.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strokeBounds, type StrokePoints } from '../../src/core/preprocess';
import { parseStrokeList } from '../../src/core/preprocess/stroke-list';

/** ../shared/pendigits-dev: 1,000 real pen-written digits (UNIPEN), 100 per digit, sorted by label. */
export const PENDIGITS = fileURLToPath(new URL('../../../shared/pendigits-dev/unipen_dev_digits.json', import.meta.url));

export interface PenSample {
  label: number;
  /** Flat x0, y0, … per stroke, raw tablet units, y down. */
  strokes: StrokePoints[];
}

export function loadPenSamples(file = PENDIGITS): PenSample[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Array<{ label: number; strokes: unknown }>;
  return raw.map(({ label, strokes }) => ({ label, strokes: parseStrokeList(strokes) }));
}

/** Side of the Draw page's square canvas (CSS px). */
export const CANVAS = 320;
/** Longer side of a digit drawn at "normal" size on that canvas (CSS px). */
export const DIGIT_BOX = 220;
/** The pen brush ignores pointer moves shorter than this (CSS px). */
const MIN_STEP = 1;

export interface Placement {
  /** Longer side of the digit's centreline box, CSS px. */
  size: number;
  /** Top-left of that box; null centres it on the canvas. */
  at: [number, number] | null;
}

/** The size and position variants the issue asks about: normal, half size, 1.3× size, off-centre. */
export const PLACEMENTS: Record<string, Placement> = {
  canvas: { size: DIGIT_BOX, at: null },
  half_size: { size: DIGIT_BOX / 2, at: null },
  size_1_3x: { size: DIGIT_BOX * 1.3, at: null },
  off_centre: { size: DIGIT_BOX / 2, at: [8, 8] },
};

/** The strokes (flat x0, y0, … in any unit, y down) as the canvas records them when drawn at `placement`. */
export function placeOnCanvas(strokes: readonly StrokePoints[], { size, at }: Placement): number[][] {
  const b = strokeBounds(strokes);
  if (!b) return [];
  const scale = size / Math.max(b.maxX - b.minX, b.maxY - b.minY);
  const left = at ? at[0] : (CANVAS - (b.maxX - b.minX) * scale) / 2;
  const top = at ? at[1] : (CANVAS - (b.maxY - b.minY) * scale) / 2;
  return strokes.map((points) => {
    const out: number[] = [];
    for (let i = 0; i + 1 < points.length; i += 2) {
      const x = Math.round(left + (points[i] - b.minX) * scale);
      const y = Math.round(top + (points[i + 1] - b.minY) * scale);
      const n = out.length;
      if (n && Math.hypot(x - out[n - 2], y - out[n - 1]) < MIN_STEP) continue;
      out.push(x, y);
    }
    return out;
  });
}

/** `count` sample indices spread evenly over the set (sorted by label: count / 10 per digit when count is a multiple of 10). */
export function penSubset(count: number, total = 1000): number[] {
  return Array.from({ length: count }, (_, i) => Math.floor((i * total) / count));
}

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}
