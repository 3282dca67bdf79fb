/** The Network page's weight colours: red for positive, blue for negative, white for zero, each tile scaled to its own largest |weight|. */
import { describe, expect, it } from 'vitest';
import { divergingRgba } from '../../../src/core/inference/diverging-colors';

const RED = [178, 24, 43, 255];
const BLUE = [33, 102, 172, 255];
const WHITE = [247, 247, 247, 255];
const pixel = (rgba: Uint8ClampedArray, i: number): number[] => [...rgba.subarray(4 * i, 4 * i + 4)];

describe('divergingRgba', () => {
  it('colours the largest |weight| full red or blue, zero white, and half a weight half way', () => {
    const rgba = divergingRgba([0.2, -0.2, 0, 0.1, -0.1]);
    expect(rgba).toHaveLength(20);
    expect(pixel(rgba, 0)).toEqual(RED);
    expect(pixel(rgba, 1)).toEqual(BLUE);
    expect(pixel(rgba, 2)).toEqual(WHITE);
    // Half way from (247, 247, 247) to the end colour, rounded.
    expect(pixel(rgba, 3)).toEqual([213, 136, 145, 255]);
    expect(pixel(rgba, 4)).toEqual([140, 175, 210, 255]);
  });

  it('scales each tile on its own: a tile of small weights is as strong as one of large weights', () => {
    expect(divergingRgba([0.001, -0.0005])).toEqual(divergingRgba([10, -5]));
  });

  it('scales symmetrically: the smaller side stays pale when the other side is larger', () => {
    const rgba = divergingRgba([4, -1]);
    expect(pixel(rgba, 0)).toEqual(RED);
    // A quarter of the way to blue.
    expect(pixel(rgba, 1)).toEqual([194, 211, 228, 255]);
  });

  it('paints an all-zero tile white', () => {
    const rgba = divergingRgba(new Float32Array(3));
    for (let i = 0; i < 3; i++) expect(pixel(rgba, i)).toEqual(WHITE);
  });
});

describe('divergingRgba on a shared scale', () => {
  it('colours ±scale full, so tiles on one scale compare (an activation map against its layer), and holds beyond it', () => {
    const rgba = divergingRgba([1, 2, -4, 8], 4);
    expect(pixel(rgba, 0)).toEqual([230, 191, 196, 255]); // a quarter of the way to red
    expect(pixel(rgba, 2)).toEqual(BLUE);
    expect(pixel(rgba, 3)).toEqual(RED);
  });

  it('paints everything white on a zero scale', () => {
    expect(pixel(divergingRgba([3], 0), 0)).toEqual(WHITE);
  });
});
