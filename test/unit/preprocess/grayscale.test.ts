import { describe, expect, it } from 'vitest';
import { rgbaToInk } from '../../../src/core/preprocess/grayscale';

type Rgba = [number, number, number, number];

/** Builds an RGBA buffer from a background colour plus individually set pixels. */
function rgbaImage(
  width: number,
  height: number,
  background: Rgba,
  pixels: Array<[x: number, y: number, colour: Rgba]> = [],
): Uint8ClampedArray {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set(background, i * 4);
  for (const [x, y, colour] of pixels) data.set(colour, (y * width + x) * 4);
  return data;
}

const WHITE: Rgba = [255, 255, 255, 255];
const BLACK: Rgba = [0, 0, 0, 255];
const at = (img: { width: number; data: Float32Array }, x: number, y: number) =>
  img.data[y * img.width + x];

describe('rgbaToInk', () => {
  it('maps dark ink on a white background to 1 and the background to 0', () => {
    const img = rgbaToInk(rgbaImage(5, 5, WHITE, [[2, 2, BLACK]]), 5, 5);
    expect(img.width).toBe(5);
    expect(img.height).toBe(5);
    expect(at(img, 2, 2)).toBeCloseTo(1, 6);
    expect(img.data.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
  });

  it('keeps intermediate grey levels proportional after normalisation', () => {
    // Ink levels before normalising: black → 1, grey 128 → 1 - 128/255.
    const img = rgbaToInk(
      rgbaImage(5, 5, WHITE, [[1, 1, BLACK], [3, 3, [128, 128, 128, 255]]]),
      5,
      5,
    );
    expect(at(img, 1, 1)).toBeCloseTo(1, 6);
    expect(at(img, 3, 3)).toBeCloseTo(1 - 128 / 255, 5);
  });

  it('uses Rec. 601 luminance for colour pixels', () => {
    // Pure red has luminance 0.299, so its ink is 0.701 relative to black's 1.
    const img = rgbaToInk(rgbaImage(5, 5, WHITE, [[1, 1, BLACK], [3, 3, [255, 0, 0, 255]]]), 5, 5);
    expect(at(img, 3, 3)).toBeCloseTo(0.701, 4);
  });

  it('detects a dark background and treats light pixels as ink', () => {
    const img = rgbaToInk(
      rgbaImage(5, 5, BLACK, [[2, 2, WHITE], [1, 1, [51, 51, 51, 255]]]),
      5,
      5,
    );
    expect(at(img, 2, 2)).toBeCloseTo(1, 6);
    expect(at(img, 1, 1)).toBeCloseTo(0.2, 5);
    expect(at(img, 0, 0)).toBe(0);
  });

  it('composites over white: transparent pixels are background, alpha scales dark ink', () => {
    const clear: Rgba = [0, 0, 0, 0];
    const img = rgbaToInk(
      rgbaImage(5, 5, clear, [[1, 1, BLACK], [3, 3, [0, 0, 0, 102]]]),
      5,
      5,
    );
    expect(at(img, 0, 0)).toBe(0);
    expect(at(img, 1, 1)).toBeCloseTo(1, 6);
    expect(at(img, 3, 3)).toBeCloseTo(0.4, 5); // 102/255 coverage of black over white
  });

  it('subtracts an off-white paper level and clamps lighter-than-paper pixels to 0', () => {
    const paper: Rgba = [200, 200, 200, 255];
    const img = rgbaToInk(
      rgbaImage(5, 5, paper, [[1, 1, BLACK], [2, 2, [100, 100, 100, 255]], [3, 3, WHITE]]),
      5,
      5,
    );
    expect(at(img, 0, 0)).toBe(0);
    expect(at(img, 1, 1)).toBeCloseTo(1, 6);
    expect(at(img, 2, 2)).toBeCloseTo(0.5, 5); // halfway between paper (200) and black
    expect(at(img, 3, 3)).toBe(0);
  });

  it('takes the median border colour, so ink touching the border does not flip polarity', () => {
    // A 6x6 white image with ink along its left edge and part of its top edge:
    // 9 of the 20 border pixels are black, so the median is still white.
    const pixels: Array<[number, number, Rgba]> = [];
    for (let y = 0; y < 6; y++) pixels.push([0, y, BLACK]);
    for (let x = 1; x < 4; x++) pixels.push([x, 0, BLACK]);
    const img = rgbaToInk(rgbaImage(6, 6, WHITE, pixels), 6, 6);
    expect(at(img, 0, 3)).toBeCloseTo(1, 6);
    expect(at(img, 4, 4)).toBe(0);
  });

  it('returns all zeros for a uniform image and for a barely perceptible difference', () => {
    expect(rgbaToInk(rgbaImage(4, 4, WHITE), 4, 4).data.every((v) => v === 0)).toBe(true);
    const faint = rgbaToInk(rgbaImage(4, 4, WHITE, [[1, 1, [254, 254, 254, 255]]]), 4, 4);
    expect(faint.data.every((v) => v === 0)).toBe(true);
  });

  it('handles 1x1 and 0x0 images', () => {
    expect(Array.from(rgbaToInk(rgbaImage(1, 1, BLACK), 1, 1).data)).toEqual([0]);
    expect(rgbaToInk(new Uint8Array(0), 0, 0).data.length).toBe(0);
  });

  it('rejects a buffer that is too short for the stated size', () => {
    expect(() => rgbaToInk(new Uint8Array(15), 2, 2)).toThrow(RangeError);
  });
});
