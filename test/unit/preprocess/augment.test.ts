import { describe, expect, it } from 'vitest';
import { loadMnist } from '../../../src/core/dataset';
import { AUGMENT_RANGES, randomAffine, warpAffine, type Affine } from '../../../src/core/preprocess/augment';
import { createRng } from '../../../src/core/training/rng';

/*
 * Expectations are built by hand on plain arrays: a whole-pixel shift is a roll with zero fill, a 90° turn is
 * numpy's rot90 (out[i][j] = in[j][27 − i]), a half-pixel shift averages neighbours, and a distortion moves ink
 * without creating or losing much of it.
 */
const N = 28;
const identity: Affine = { rotation: 0, scale: 1, shiftX: 0, shiftY: 0 };

function warp(image: Uint8Array, affine: Affine): Uint8Array {
  const out = new Uint8Array(N * N).fill(99); // stale values must be overwritten
  warpAffine(image, 0, out, 0, affine);
  return out;
}

/** An asymmetric test image: an L of full ink plus a gradient patch, away from the border. */
function knownImage(): Uint8Array {
  const image = new Uint8Array(N * N);
  for (let y = 5; y < 22; y++) image[y * N + 6] = 255;
  for (let x = 6; x < 18; x++) image[21 * N + x] = 200;
  for (let y = 8; y < 12; y++) for (let x = 14; x < 20; x++) image[y * N + x] = 10 * (x - 13) + y;
  return image;
}

const sum = (a: Uint8Array): number => a.reduce((acc, v) => acc + v, 0);

describe('affine augmentation of 28×28 digits', async () => {
  const mnist = await loadMnist();
  const digit = (i: number): Uint8Array => mnist.train.pixels.slice(i * 784, (i + 1) * 784);

  it('the identity leaves a real digit unchanged', () => {
    expect(Array.from(warp(digit(0), identity))).toEqual(Array.from(digit(0)));
  });

  it('a shift of (1, 0) rolls the image one pixel right, (0, -2) two pixels up, with zeros coming in', () => {
    const image = digit(7);
    const right = new Uint8Array(N * N);
    const up = new Uint8Array(N * N);
    for (let y = 0; y < N; y++) {
      for (let x = 1; x < N; x++) right[y * N + x] = image[y * N + x - 1];
      if (y < N - 2) for (let x = 0; x < N; x++) up[y * N + x] = image[(y + 2) * N + x];
    }
    expect(Array.from(warp(image, { ...identity, shiftX: 1 }))).toEqual(Array.from(right));
    expect(Array.from(warp(image, { ...identity, shiftY: -2 }))).toEqual(Array.from(up));
  });

  it('a 90° rotation turns a known image counter-clockwise exactly (numpy rot90)', () => {
    const image = knownImage();
    const turned = new Uint8Array(N * N);
    for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) turned[i * N + j] = image[j * N + (N - 1 - i)];
    expect(Array.from(warp(image, { ...identity, rotation: 90 }))).toEqual(Array.from(turned));
    expect(Array.from(warp(warp(image, { ...identity, rotation: 90 }), { ...identity, rotation: -90 }))).toEqual(Array.from(image));
  });

  it('a half-pixel shift averages horizontal neighbours (bilinear), rounding halves up', () => {
    const image = knownImage();
    const out = warp(image, { ...identity, shiftX: 0.5 });
    for (let y = 0; y < N; y++) {
      for (let x = 0; x < N; x++) {
        const left = x > 0 ? image[y * N + x - 1] : 0;
        expect(out[y * N + x]).toBe(Math.floor((left + image[y * N + x] + 1) / 2));
      }
    }
  });

  it('scaling by 2 about the centre (13.5, 13.5) spreads one pixel into a bilinear tent twice as far out', () => {
    const image = new Uint8Array(N * N);
    image[12 * N + 12] = 255; // 1.5 px up-left of the centre → centre of mass 3 px up-left: (10.5, 10.5)
    const out = warp(image, { ...identity, scale: 2 });
    // Output pixel q reads the source at p = 13.5 + (q − 13.5) / 2; the bilinear weight of pixel 12 is 1 − |p − 12|.
    const weight = (q: number): number => Math.max(0, 1 - Math.abs(13.5 + (q - 13.5) / 2 - 12));
    const expected = new Uint8Array(N * N);
    for (let y = 0; y < N; y++) for (let x = 0; x < N; x++) expected[y * N + x] = Math.round(255 * weight(x) * weight(y));
    expect(Array.from(out)).toEqual(Array.from(expected));
    expect(out[10 * N + 10]).toBe(143); // 255 · 0.75²
  });

  it('rotations and shifts in the training ranges keep the ink mass within 3%; scale s multiplies it by about s²', () => {
    for (const i of [0, 1, 2, 3, 4, 5, 10, 100]) {
      const image = digit(i);
      const mass = sum(image);
      for (const rotation of [-10, 7]) {
        expect(Math.abs(sum(warp(image, { rotation, scale: 1, shiftX: 1.7, shiftY: -0.6 })) / mass - 1)).toBeLessThan(0.03);
      }
      for (const scale of [0.9, 1.1]) {
        expect(sum(warp(image, { ...identity, scale })) / mass / scale ** 2).toBeCloseTo(1, 1);
      }
    }
  });

  it('an empty image stays empty; ink pushed off the field is cut, not wrapped', () => {
    expect(sum(warp(new Uint8Array(N * N), { rotation: 5, scale: 1.1, shiftX: 1, shiftY: 1 }))).toBe(0);
    const corner = new Uint8Array(N * N);
    corner[27 * N + 27] = 255;
    expect(sum(warp(corner, { ...identity, shiftX: 2, shiftY: 2 }))).toBe(0);
  });

  it('reads and writes at the given image offsets only', () => {
    const two = mnist.train.pixels.slice(0, 2 * 784);
    const target = new Uint8Array(3 * 784).fill(7);
    warpAffine(two, 784, target, 784, identity);
    expect(Array.from(target.subarray(784, 1568))).toEqual(Array.from(two.subarray(784)));
    expect(target[783]).toBe(7);
    expect(target[1568]).toBe(7);
  });

  it('random distortions stay inside the ranges, cover them, and repeat for the same seed', () => {
    const draw = (seed: number): Affine[] => {
      const random = createRng(seed);
      return Array.from({ length: 2000 }, () => randomAffine(random));
    };
    const draws = draw(3);
    expect(draw(3)).toEqual(draws);
    expect(draw(4)).not.toEqual(draws);
    const range = (key: keyof Affine): [number, number] => [Math.min(...draws.map((d) => d[key])), Math.max(...draws.map((d) => d[key]))];
    const { maxShift, maxRotation, minScale, maxScale } = AUGMENT_RANGES;
    for (const [key, low, high] of [['rotation', -maxRotation, maxRotation], ['scale', minScale, maxScale], ['shiftX', -maxShift, maxShift], ['shiftY', -maxShift, maxShift]] as const) {
      const [min, max] = range(key);
      expect(min).toBeGreaterThanOrEqual(low);
      expect(max).toBeLessThanOrEqual(high);
      expect(min).toBeLessThan(low + (high - low) * 0.01);
      expect(max).toBeGreaterThan(high - (high - low) * 0.01);
    }
  });
});
