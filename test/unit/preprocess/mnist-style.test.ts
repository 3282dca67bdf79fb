import { describe, expect, it } from 'vitest';
import type { GrayImage } from '../../../src/core/preprocess/grayscale';
import { MNIST_SIZE, toMnistInput } from '../../../src/core/preprocess/mnist-style';

/*
 * Hand-derived expectations. Conventions (see mnist-roundtrip.test.ts for the
 * measurement on real MNIST digits): the ink box's longer side becomes 20 px,
 * the box is centred in 28x28, then the image is shifted so that the centre of
 * mass, with pixel centres at x + 0.5, is 14.5 (i.e. pixel index 14).
 * A symmetric shape centred by the box lands with its centre of mass at 14,
 * so it is shifted by +0.5 px in x and y: bilinear interpolation then gives
 * out[i] = (in[i] + in[i - 1]) / 2 along each axis.
 */

function blank(width: number, height: number): GrayImage {
  return { width, height, data: new Float32Array(width * height) };
}

function fillRect(img: GrayImage, x0: number, y0: number, w: number, h: number, value = 1): void {
  for (let y = y0; y < y0 + h; y++) img.data.fill(value, y * img.width + x0, y * img.width + x0 + w);
}

/** 1-D profile: `values` starting at index `start`, zeros elsewhere. */
function profile(start: number, values: number[]): number[] {
  const p = new Array<number>(MNIST_SIZE).fill(0);
  values.forEach((v, i) => (p[start + i] = v));
  return p;
}

const ones = (n: number) => new Array<number>(n).fill(1);
/** The 20 px side of a box centred at 4..23, after the +0.5 px shift. */
const SHIFTED_20 = profile(4, [0.5, ...ones(19), 0.5]);

/** Asserts pixels == level * px[x] * py[y] for every pixel. */
function expectSeparable(pixels: Float32Array, px: number[], py: number[], level = 1): void {
  let worst = 0;
  for (let y = 0; y < MNIST_SIZE; y++) {
    for (let x = 0; x < MNIST_SIZE; x++) {
      worst = Math.max(worst, Math.abs(pixels[y * MNIST_SIZE + x] - level * px[x] * py[y]));
    }
  }
  expect(worst).toBeLessThan(1e-5);
}

function centreOfMass(pixels: Float32Array): { x: number; y: number; mass: number } {
  let mass = 0;
  let mx = 0;
  let my = 0;
  pixels.forEach((v, i) => {
    mass += v;
    mx += v * ((i % MNIST_SIZE) + 0.5);
    my += v * (Math.floor(i / MNIST_SIZE) + 0.5);
  });
  return { x: mx / mass, y: my / mass, mass };
}

describe('toMnistInput', () => {
  it('reports an image without ink as empty with 784 zeros', () => {
    for (const img of [blank(50, 40), blank(0, 0), blank(1, 1)]) {
      const result = toMnistInput(img);
      expect(result.empty).toBe(true);
      expect(result.pixels).toHaveLength(784);
      expect(result.pixels.every((v) => v === 0)).toBe(true);
    }
  });

  it('scales a single dot up to a 20x20 square wherever it is', () => {
    for (const [x, y] of [[0, 0], [49, 49], [17, 31]]) {
      const img = blank(50, 50);
      img.data[y * 50 + x] = 0.7;
      const result = toMnistInput(img);
      expect(result.empty).toBe(false);
      expectSeparable(result.pixels, SHIFTED_20, SHIFTED_20, 0.7);
    }
  });

  it('keeps the aspect ratio: an 8x40 bar becomes a 4x20 bar', () => {
    const img = blank(100, 100);
    fillRect(img, 30, 10, 8, 40);
    // 4 px wide box centred at columns 12..15, then shifted by +0.5.
    expectSeparable(toMnistInput(img).pixels, profile(12, [0.5, 1, 1, 1, 0.5]), SHIFTED_20);
  });

  it('averages areas when downscaling (a fine checkerboard becomes uniform grey)', () => {
    // 40x40 checkerboard scaled by 1/2: every output pixel covers one black and one white
    // pixel per row, i.e. exactly half ink. Point sampling would alias to 0s and 1s.
    const img = blank(40, 40);
    for (let y = 0; y < 40; y++) for (let x = 0; x < 40; x++) img.data[y * 40 + x] = (x + y) % 2 === 0 ? 1 : 0;
    expectSeparable(toMnistInput(img).pixels, SHIFTED_20, SHIFTED_20, 0.5);
  });

  it('weights fractional coverage when upscaling', () => {
    // A 2x3 block scales by 20/3 to 13.33 x 20 px, spanning columns 7.33..20.67:
    // column 7 is 2/3 covered, 8..19 fully, column 20 is 2/3 covered.
    // After the +0.5 shift: 1/3, 5/6, 1 x 11, 5/6, 1/3.
    const img = blank(9, 9);
    fillRect(img, 3, 2, 2, 3);
    const px = profile(7, [1 / 3, 5 / 6, ...ones(11), 5 / 6, 1 / 3]);
    expectSeparable(toMnistInput(img).pixels, px, SHIFTED_20);
  });

  it('preserves ink mass: output mass = box mass x scale^2', () => {
    // An irregular blob (deterministic pseudo-random values) with a 37x23 box → scale 20/37.
    const img = blank(64, 48);
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let boxMass = 0;
    for (let y = 10; y < 33; y++) {
      for (let x = 5; x < 42; x++) {
        const v = y === 10 || x === 5 || y === 32 || x === 41 ? 1 : random();
        img.data[y * 64 + x] = v;
        boxMass += v;
      }
    }
    const { pixels } = toMnistInput(img);
    const com = centreOfMass(pixels);
    expect(com.mass).toBeCloseTo(boxMass * (20 / 37) ** 2, 3);
    expect(Math.abs(com.x - 14.5)).toBeLessThan(1e-4);
    expect(Math.abs(com.y - 14.5)).toBeLessThan(1e-4);
  });

  it('shifts by sub-pixel amounts so an off-centre shape has its centre of mass at 14.5', () => {
    // An L shape: the box is centred, but the mass is concentrated bottom-left.
    const img = blank(30, 30);
    fillRect(img, 0, 0, 4, 30);
    fillRect(img, 0, 26, 20, 4);
    const { pixels } = toMnistInput(img);
    const com = centreOfMass(pixels);
    expect(Math.abs(com.x - 14.5)).toBeLessThan(1e-4);
    expect(Math.abs(com.y - 14.5)).toBeLessThan(1e-4);
    // A whole-pixel shift would leave only 0s and 1s in the solid parts; sub-pixel gives fractions.
    expect(pixels.some((v) => v > 0.05 && v < 0.95)).toBe(true);
  });

  it('ignores faint noise outside the ink box', () => {
    const clean = blank(60, 60);
    fillRect(clean, 20, 15, 12, 30);
    const noisy = { ...clean, data: clean.data.slice() };
    for (let i = 0; i < 60; i++) {
      noisy.data[i] = 0.05; // top row
      noisy.data[i * 60 + 59] = 0.09; // right column
    }
    expect(Array.from(toMnistInput(noisy).pixels)).toEqual(Array.from(toMnistInput(clean).pixels));
  });

  it('handles 1-pixel-wide lines: the line is area-averaged, not lost', () => {
    // A 1x100 line scales by 0.2 to 0.2 px wide, centred on the column 13/14 boundary.
    const vertical = blank(200, 200);
    fillRect(vertical, 120, 50, 1, 100);
    // Columns 13 and 14 get 0.1 each, then the +0.5 shift spreads them to 0.05, 0.1, 0.05.
    expectSeparable(toMnistInput(vertical).pixels, profile(13, [0.05, 0.1, 0.05]), SHIFTED_20);

    const horizontal = blank(200, 200);
    fillRect(horizontal, 50, 120, 100, 1);
    expectSeparable(toMnistInput(horizontal).pixels, SHIFTED_20, profile(13, [0.05, 0.1, 0.05]));
  });

  it('handles ink touching every edge of the image', () => {
    const img = blank(30, 30);
    fillRect(img, 0, 0, 30, 2);
    fillRect(img, 0, 0, 2, 30);
    fillRect(img, 28, 0, 2, 30);
    fillRect(img, 0, 28, 30, 2);
    const { pixels, empty } = toMnistInput(img);
    expect(empty).toBe(false);
    expect(pixels.every((v) => v >= 0 && v <= 1)).toBe(true);
    // A square frame is symmetric: 20x20 frame centred, then the +0.5 shift.
    const com = centreOfMass(pixels);
    expect(com.x).toBeCloseTo(14.5, 4);
    expect(com.mass).toBeCloseTo((900 - 26 * 26) * (20 / 30) ** 2, 3);
  });

  it('processes a 4000x4000 image quickly', () => {
    const img = blank(4000, 4000);
    fillRect(img, 1000, 500, 1500, 3000);
    const started = performance.now();
    const result = toMnistInput(img);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(2000); // ~100 ms measured; generous for slow CI machines
    // 1500x3000 → 10x20, centred at columns 9..18, then the +0.5 shift.
    expectSeparable(result.pixels, profile(9, [0.5, ...ones(9), 0.5]), SHIFTED_20);
  });

  it('rejects data whose length does not match the size', () => {
    expect(() => toMnistInput({ width: 3, height: 3, data: new Float32Array(8) })).toThrow(RangeError);
  });
});
