/** Softer stroke edges for training images, on hand-made images: a sharp edge gains a fringe, ink is kept. */
import { describe, expect, it } from 'vitest';
import { softenEdges } from '../../../src/core/preprocess/soft-edges';

/** A 3 px wide vertical bar of full ink in columns 12–14, rows 4–23. */
function bar(): Uint8Array {
  const image = new Uint8Array(784);
  for (let y = 4; y <= 23; y++) image.fill(255, y * 28 + 12, y * 28 + 15);
  return image;
}
const sum = (image: Uint8Array): number => image.reduce((a, b) => a + b, 0);

describe('softenEdges', () => {
  it('at full amount is the 1-2-1 blur: a sharp edge of full ink becomes 3/4, 1/4 outside it, the middle stays', () => {
    const image = bar();
    softenEdges(image, 0, 1);
    const row = (y: number): number[] => Array.from(image.subarray(y * 28 + 10, y * 28 + 17));
    // Columns 10–16 in the middle of the bar: (0, 1, 2, 1) / 4 of 255 outside, then 3/4, 4/4, 3/4 across it.
    expect(row(14)).toEqual([0, 64, 191, 255, 191, 64, 0]);
    // The top row has full ink above it only on one side: 3/4 of the row's values.
    expect(row(4)).toEqual([0, 48, 143, 191, 143, 48, 0]);
    expect(row(3)).toEqual([0, 16, 48, 64, 48, 16, 0]);
  });

  it('keeps the ink away from the edges of the field (to rounding) and mixes in the blur by the amount', () => {
    const sharp = bar();
    const half = bar();
    softenEdges(half, 0, 0.5);
    const full = bar();
    softenEdges(full, 0, 1);
    expect(Math.abs(sum(half) - sum(sharp))).toBeLessThan(200);
    expect(half[14 * 28 + 11]).toBe(Math.round(0.5 * 0 + 0.5 * 64)); // outside the bar: half the fringe
    expect(half[14 * 28 + 12]).toBe(Math.round(0.5 * 255 + 0.5 * (191.25))); // its edge: halfway to the blur
    expect(sum(full)).toBeGreaterThan(sum(sharp) - 200);
  });

  it('changes nothing at amount 0, and blurs only the image at its offset, against black outside its field', () => {
    const buffer = new Uint8Array(784 * 3);
    buffer.fill(255, 0, 784); // full neighbours on both sides
    buffer.fill(255, 784 * 2);
    buffer.set(bar(), 784);
    softenEdges(buffer, 784, 0);
    expect(Buffer.compare(buffer.subarray(784, 784 * 2), bar())).toBe(0);
    softenEdges(buffer, 784, 1);
    expect(buffer.subarray(0, 784).every((v) => v === 255)).toBe(true);
    expect(buffer.subarray(784 * 2).every((v) => v === 255)).toBe(true);
    // The field's first and last rows and columns get nothing from the full images around it.
    const field = buffer.subarray(784, 784 * 2);
    const border = Array.from({ length: 28 }, (_, i) => [field[i], field[27 * 28 + i], field[i * 28], field[i * 28 + 27]]).flat();
    expect(border.every((v) => v === 0)).toBe(true);
  });
});
