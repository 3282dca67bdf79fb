/**
 * Writing styles MNIST lacks, added to training 0s and 1s: judged by geometry (where the new ink lies relative to
 * the MNIST digit) on real MNIST training images, not by the drawing code's own numbers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnist, type Mnist } from '../../../src/core/dataset';
import { inkBox } from '../../../src/core/preprocess/augment';
import { addWritingStyle, drawSegment } from '../../../src/core/preprocess/writing-styles';
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
      const before = image(i);
      const after = before.slice();
      addWritingStyle(after, 0, 0, random);
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
      const before = image(i);
      const after = before.slice();
      addWritingStyle(after, 0, 1, random);
      const added = gained(before, after);
      if (added.length === 0) continue;
      styled++;
      const box = inkBox(before, 0)!;
      const middle = (box.y0 + box.y1) / 2;
      // New ink is at the top (a flag, reaching left of the digit's top) or at the bottom (a foot), not in the middle.
      expect(added.every((p) => Math.abs(Math.floor(p / 28) - middle) > (box.y1 - box.y0) * 0.05)).toBe(true);
      if (inkBox(after, 0)!.x1 - inkBox(after, 0)!.x0 > box.x1 - box.x0) widened++;
    }
    // A 1 slanted to the right is already as wide as a flag or foot on it reaches: most, not all, grow wider.
    expect(widened / styled).toBeGreaterThan(0.6);
    // 1 − (1 − 0.5)(1 − 0.3) = 0.65 of the ones get at least one stroke.
    expect(styled / ones.length).toBeGreaterThan(0.55);
    expect(styled / ones.length).toBeLessThan(0.75);
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
