/**
 * Writing styles MNIST lacks, added to training 0s and 1s: judged by geometry (where the new ink lies relative to
 * the digit, and where the digit ends up) on real MNIST training images and a hand-made 1, not by the drawing code's
 * own numbers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnist, type Mnist } from '../../../src/core/dataset';
import { inkBox } from '../../../src/core/preprocess/augment';
import { addWritingStyle, drawSegment } from '../../../src/core/preprocess/writing-styles';
import { centreOfMass, translate } from '../../../src/core/preprocess/recentre';
import { createRng } from '../../../src/core/training/rng';

let mnist: Mnist;
beforeAll(async () => {
  mnist = await loadMnist();
});

const image = (i: number): Uint8Array => mnist.train.pixels.slice(i * 784, (i + 1) * 784);
const indicesOf = (digit: number, count: number): number[] => {
  const found: number[] = [];
  for (let i = 0; found.length < count; i++) if (mnist.train.labels[i] === digit) found.push(i);
  return found;
};
/** Pixels that gained ink (by more than half the scale). */
const gained = (before: Uint8Array, after: Uint8Array): number[] => Array.from(after.keys()).filter((p) => after[p] - before[p] > 128);

/**
 * The digit as it sits in `after`: `before` moved by the whole-pixel step under which all of its ink is still there
 * (strokes only add ink), the closest fit if several are; with that step. Steps up to ±6 px are tried: a wide foot
 * under a thin 1 weighs a lot.
 */
function movedDigit(before: Uint8Array, after: Uint8Array): { digit: Uint8Array; dx: number; dy: number } {
  let best = { digit: before, dx: 0, dy: 0, extra: Infinity };
  for (let dy = -6; dy <= 6; dy++) {
    for (let dx = -6; dx <= 6; dx++) {
      const digit = before.slice();
      translate(digit, 0, dx, dy);
      if (digit.some((v, p) => v > after[p])) continue;
      const extra = after.reduce((sum, v, p) => sum + v - digit[p], 0);
      if (extra < best.extra) best = { digit, dx, dy, extra };
    }
  }
  if (best.extra === Infinity) throw new Error('the styled image does not hold the digit at any whole-pixel step');
  return best;
}

/** A hand-made 1: a 2 px vertical stroke in columns 13–14, rows 4–23 (20 px tall, as MNIST sizes digits). */
function handMadeOne(): Uint8Array {
  const one = new Uint8Array(784);
  for (let y = 4; y <= 23; y++) one.fill(255, y * 28 + 13, y * 28 + 15);
  return one;
}

describe('drawSegment', () => {
  it('draws a 2 px horizontal stroke over the rows it covers, anti-aliased at the edges, with round ends', () => {
    const canvas = new Uint8Array(784);
    drawSegment(canvas, 0, { x0: 5, y0: 14, x1: 20, y1: 14, width: 2 });
    expect(canvas[14 * 28 + 12]).toBe(255); // on the line
    expect(canvas[13 * 28 + 12]).toBe(128); // 1 px off a line 1 px in half-width: half covered
    expect(canvas[12 * 28 + 12]).toBe(0);
    expect(canvas[14 * 28 + 4]).toBe(128); // the round end reaches 1 px past x0
    expect(canvas[14 * 28 + 3]).toBe(0);
  });

  it('never lightens ink already there, and stays inside the 28×28 field when the stroke leaves it', () => {
    const canvas = new Uint8Array(784 * 2).fill(200, 0, 784);
    drawSegment(canvas, 0, { x0: -10, y0: -10, x1: 40, y1: 40, width: 3 });
    expect(Math.min(...canvas.subarray(0, 784))).toBe(200);
    expect(Math.max(...canvas.subarray(784))).toBe(0);
  });
});

describe('addWritingStyle on MNIST digits', () => {
  it('puts a slash or bar through about a third of the 0s, crossing the hole in the middle of the loop', () => {
    const random = createRng(7);
    const zeros = indicesOf(0, 400);
    let styled = 0;
    let withHole = 0;
    let crossed = 0;
    for (const i of zeros) {
      const after = image(i);
      addWritingStyle(after, 0, 0, random);
      const before = movedDigit(image(i), after).digit;
      const box = inkBox(before, 0)!;
      const [cx, cy] = [Math.round((box.x0 + box.x1) / 2), Math.round((box.y0 + box.y1) / 2)];
      // MNIST zeros are empty in the middle; a stroke through the loop inks it.
      const hole = [-1, 0, 1].flatMap((dy) => [-1, 0, 1].map((dx) => (cy + dy) * 28 + cx + dx));
      if (gained(before, after).length === 0) continue;
      styled++;
      if (hole.every((p) => before[p] === 0)) {
        withHole++;
        if (hole.some((p) => after[p] > 128)) crossed++;
      }
    }
    expect(crossed / withHole).toBeGreaterThan(0.95);
    expect(styled / zeros.length).toBeGreaterThan(0.27);
    expect(styled / zeros.length).toBeLessThan(0.43);
  });

  it('gives about two thirds of the 1s a flag at the top left or a foot at the bottom, which mostly widens the digit', () => {
    const random = createRng(8);
    const ones = indicesOf(1, 400);
    let styled = 0;
    let widened = 0;
    for (const i of ones) {
      const after = image(i);
      addWritingStyle(after, 0, 1, random);
      const before = movedDigit(image(i), after).digit;
      const added = gained(before, after);
      if (added.length === 0) continue;
      styled++;
      const box = inkBox(before, 0)!;
      const height = box.y1 - box.y0 + 1;
      // New ink hangs from the top (a flag: at most half the height long, at most 50° down, so within sin 50° / 2 of
      // it, plus its half width) or lies along the bottom row (a foot, tilted at most 6°), not in the lower middle.
      const flagOrFoot = (row: number): boolean => row <= box.y0 + 0.39 * height + 2 || row >= box.y1 - 3;
      expect(added.every((p) => flagOrFoot(Math.floor(p / 28)))).toBe(true);
      if (inkBox(after, 0)!.x1 - inkBox(after, 0)!.x0 > box.x1 - box.x0) widened++;
    }
    // A 1 slanted to the right is already as wide as a flag or foot on it reaches: most, not all, grow wider.
    expect(widened / styled).toBeGreaterThan(0.6);
    // 1 − (1 − 0.5)(1 − 0.3) = 0.65 of the ones get at least one stroke.
    expect(styled / ones.length).toBeGreaterThan(0.55);
    expect(styled / ones.length).toBeLessThan(0.75);
  });

  it('moves a styled 0 or 1 by whole pixels so that its centre of mass stays where the plain digit had it', () => {
    const random = createRng(10);
    let moved = 0;
    for (const digit of [0, 1]) {
      for (const i of indicesOf(digit, 200)) {
        const after = image(i);
        addWritingStyle(after, 0, digit, random);
        if (Buffer.compare(after, image(i)) === 0) continue;
        const [was, is] = [centreOfMass(image(i), 0), centreOfMass(after, 0)];
        // Rounded to whole pixels: within half a pixel, unless ink moved off the field.
        expect(Math.abs(is.x - was.x)).toBeLessThanOrEqual(0.5 + 1e-9);
        expect(Math.abs(is.y - was.y)).toBeLessThanOrEqual(0.5 + 1e-9);
        const { dx, dy } = movedDigit(image(i), after);
        if (dx || dy) moved++;
      }
    }
    expect(moved).toBeGreaterThan(50);
  });

  it('leaves the other digits as they are', () => {
    const random = createRng(9);
    for (let digit = 2; digit <= 9; digit++) {
      for (const i of indicesOf(digit, 20)) {
        const after = image(i);
        addWritingStyle(after, 0, digit, random);
        expect(Buffer.compare(after, image(i))).toBe(0);
      }
    }
  });
});

describe('the flag of a one', () => {
  it('hangs from the top of the stem, reaching up to half the height to the left, and moves the stem right', () => {
    const random = createRng(11);
    const height = 20;
    let flags = 0;
    let longest = 0;
    for (let draw = 0; draw < 300; draw++) {
      const after = handMadeOne();
      addWritingStyle(after, 0, 1, random);
      const { digit, dx, dy } = movedDigit(handMadeOne(), after);
      const [stemLeft, stemTop] = [13 + dx, 4 + dy];
      // New ink left of the stem, above its bottom fifth (where a foot, centred under the stem, would be).
      const flag = gained(digit, after).filter((p) => p % 28 < stemLeft && Math.floor(p / 28) < stemTop + 0.8 * height);
      if (!flag.length) continue;
      flags++;
      expect(Math.min(...flag.map((p) => Math.floor(p / 28)))).toBeLessThanOrEqual(stemTop + 1);
      const reach = stemLeft - Math.min(...flag.map((p) => p % 28));
      longest = Math.max(longest, reach);
      // Round ends and anti-aliasing add under 2 px to the stroke's half of the height.
      expect(reach).toBeLessThan(0.5 * height + 2);
      // A flag over 40 % of the height is a quarter of the 1's ink or more, all on its left: the stem moves right.
      if (reach > 0.4 * height + 1) expect(dx).toBeGreaterThanOrEqual(1);
    }
    expect(flags / 300).toBeGreaterThan(0.42); // half the 1s get one
    expect(longest).toBeGreaterThan(0.4 * height);
  });
});
