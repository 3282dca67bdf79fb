/** Centre of mass and whole-pixel moves of a 28×28 image inside a larger buffer, on hand-made images. */
import { describe, expect, it } from 'vitest';
import { centreOfMass, translate } from '../../../src/core/preprocess/recentre';

describe('centreOfMass', () => {
  it('is the ink-weighted mean pixel, of the image at its offset only', () => {
    const buffer = new Uint8Array(784 * 2).fill(255, 0, 784); // a full first image must not count
    buffer[784 + 3 * 28 + 5] = 100; // (5, 3)
    buffer[784 + 3 * 28 + 8] = 200; // (8, 3)
    expect(centreOfMass(buffer, 784)).toEqual({ x: (5 * 100 + 8 * 200) / 300, y: 3 });
  });

  it('is the field centre for an empty image', () => {
    expect(centreOfMass(new Uint8Array(784), 0)).toEqual({ x: 13.5, y: 13.5 });
  });
});

describe('translate', () => {
  it('moves every pixel by whole pixels, right and down for positive steps', () => {
    const image = new Uint8Array(784);
    image[10 * 28 + 10] = 7;
    image[0] = 9;
    translate(image, 0, 2, -1);
    expect(image[9 * 28 + 12]).toBe(7);
    expect(image[10 * 28 + 10]).toBe(0);
    // (0, 0) moves to row −1: off the field, lost.
    expect(image.reduce((sum, v) => sum + v, 0)).toBe(7);
  });

  it('leaves the images beside it alone', () => {
    const buffer = new Uint8Array(784 * 3);
    buffer.fill(50, 784, 784 * 2);
    translate(buffer, 784, -3, 4);
    expect(buffer.subarray(0, 784).every((v) => v === 0)).toBe(true);
    expect(buffer.subarray(784 * 2).every((v) => v === 0)).toBe(true);
    // The moved field lost its 3 right columns' worth on the left-moved side and 4 rows at the bottom.
    expect(buffer.subarray(784, 784 * 2).reduce((n, v) => n + (v ? 1 : 0), 0)).toBe(25 * 24);
  });
});
