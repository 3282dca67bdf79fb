/**
 * Ways of writing a digit that MNIST (American census and school writers) lacks but many people use: a zero with a
 * slash or bar through it (Ø, θ), and a one with a flag at the top and a foot at the bottom (European 1). Training
 * augmentation adds them to some MNIST 0s and 1s as pen strokes of MNIST-like width, so that a model trained only on
 * MNIST also reads them; without them a slashed zero reads as an 8 and a flagged one as a 7.
 */
import { inkBox, type InkBox } from './augment';
import { MNIST_SIZE } from './mnist-style';
import { centreOfMass, translate } from './recentre';

const SIZE = MNIST_SIZE;

/** How often a distorted training 0 or 1 gets each stroke. */
export const STYLE_ODDS = { slashedZero: 0.3, barredZero: 0.05, flaggedOne: 0.5, footedOne: 0.3 } as const;

interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Stroke width in pixels. */
  width: number;
}

const between = (random: () => number, low: number, high: number): number => low + (high - low) * random();

/** Draws a segment with round ends into the 28×28 image at `at`, anti-aliased, never darkening ink already there. */
export function drawSegment(image: Uint8Array, at: number, { x0, y0, x1, y1, width }: Segment): void {
  const half = width / 2;
  const dx = x1 - x0;
  const dy = y1 - y0;
  const lengthSquared = dx * dx + dy * dy || 1;
  const left = Math.max(0, Math.floor(Math.min(x0, x1) - half - 1));
  const right = Math.min(SIZE - 1, Math.ceil(Math.max(x0, x1) + half + 1));
  const top = Math.max(0, Math.floor(Math.min(y0, y1) - half - 1));
  const bottom = Math.min(SIZE - 1, Math.ceil(Math.max(y0, y1) + half + 1));
  for (let y = top; y <= bottom; y++) {
    for (let x = left; x <= right; x++) {
      const t = Math.min(1, Math.max(0, ((x - x0) * dx + (y - y0) * dy) / lengthSquared));
      const distance = Math.hypot(x - (x0 + t * dx), y - (y0 + t * dy));
      const coverage = Math.min(1, Math.max(0, half + 0.5 - distance));
      const value = Math.round(255 * coverage);
      const i = at + y * SIZE + x;
      if (value > image[i]) image[i] = value;
    }
  }
}

/** The mean column of the ink in row y (the stroke's x there), or the box's centre if the row is empty. */
function inkColumn(image: Uint8Array, at: number, y: number, box: InkBox): number {
  let sum = 0;
  let weight = 0;
  for (let x = box.x0; x <= box.x1; x++) {
    const v = image[at + y * SIZE + x];
    sum += v * x;
    weight += v;
  }
  return weight ? sum / weight : (box.x0 + box.x1) / 2;
}

/** A slash (bottom-left to top-right) or, less often, a bar across a zero, reaching a little past its loop. */
function strokeThroughZero(box: InkBox, random: () => number, bar: boolean): Segment {
  const angle = ((bar ? between(random, -10, 10) : between(random, 40, 80)) * Math.PI) / 180;
  const cx = (box.x0 + box.x1) / 2 + between(random, -1, 1);
  const cy = (box.y0 + box.y1) / 2 + between(random, -1, 1);
  const w = box.x1 - box.x0 + 1;
  const h = box.y1 - box.y0 + 1;
  const reach = (Math.hypot(w * Math.cos(angle), h * Math.sin(angle)) / 2) * between(random, 1.05, 1.35);
  const ux = Math.cos(angle) * reach;
  const uy = Math.sin(angle) * reach;
  return { x0: cx - ux, y0: cy + uy, x1: cx + ux, y1: cy - uy, width: between(random, 1.6, 2.6) };
}

/** The flag of a one: from the top of its stroke, down and to the left. */
function flagOfOne(image: Uint8Array, at: number, box: InkBox, random: () => number): Segment {
  const h = box.y1 - box.y0 + 1;
  const x = inkColumn(image, at, box.y0, box);
  const angle = (between(random, 10, 50) * Math.PI) / 180;
  const length = h * between(random, 0.25, 0.5);
  return { x0: x, y0: box.y0 + 0.5, x1: x - Math.cos(angle) * length, y1: box.y0 + 0.5 + Math.sin(angle) * length, width: between(random, 1.6, 2.6) };
}

/** The foot of a one: a short horizontal stroke centred under it. */
function footOfOne(image: Uint8Array, at: number, box: InkBox, random: () => number): Segment {
  const h = box.y1 - box.y0 + 1;
  const x = inkColumn(image, at, box.y1, box);
  const half = h * between(random, 0.15, 0.35);
  const tilt = half * Math.tan((between(random, -6, 6) * Math.PI) / 180);
  const y = box.y1 - 0.5;
  return { x0: x - half, y0: y + tilt, x1: x + half, y1: y - tilt, width: between(random, 1.6, 2.6) };
}

/** The strokes `label`'s image gets this time (none for most digits); draws `pick` and `second` for 0s and 1s. */
function styleStrokes(image: Uint8Array, at: number, label: number, box: InkBox, pick: number, second: number, random: () => number): Segment[] {
  if (label === 0) {
    if (pick < STYLE_ODDS.slashedZero) return [strokeThroughZero(box, random, false)];
    if (pick < STYLE_ODDS.slashedZero + STYLE_ODDS.barredZero) return [strokeThroughZero(box, random, true)];
    return [];
  }
  // Both strokes are placed on the 1 as it was, so a flag does not move where the foot goes.
  const flag = pick < STYLE_ODDS.flaggedOne ? [flagOfOne(image, at, box, random)] : [];
  const foot = second < STYLE_ODDS.footedOne ? [footOfOne(image, at, box, random)] : [];
  return [...flag, ...foot];
}

/**
 * Adds, at random, the strokes above to the 28×28 image at `at` of digit `label` (only 0s and 1s change), then moves
 * the image by whole pixels so its centre of mass is back where it was: MNIST centred each digit with all its ink, so
 * a flagged 1 sits right of and below the field's centre, where the Draw page's pipeline puts a pen-drawn one. Draws
 * from `random` only for 0s and 1s, always in the same order, so a seeded run stays the same run.
 */
export function addWritingStyle(image: Uint8Array, at: number, label: number, random: () => number): void {
  if (label !== 0 && label !== 1) return;
  const pick = random();
  const second = random();
  const box = inkBox(image, at);
  if (!box) return;
  const strokes = styleStrokes(image, at, label, box, pick, second, random);
  if (!strokes.length) return;
  const before = centreOfMass(image, at);
  for (const stroke of strokes) drawSegment(image, at, stroke);
  const after = centreOfMass(image, at);
  translate(image, at, Math.round(before.x - after.x), Math.round(before.y - after.y));
}
