/** Where a tile grid's tiles sit on its one canvas, and a tile's values enlarged to whole-pixel squares. */
import { describe, expect, it } from 'vitest';
import { columnsThatFit, enlargedRgba, tileFrameOrigin, tileGridLayout, tileIndexAt, tileSide } from '../../../src/core/inference/tile-grid';

describe('tile grid layout', () => {
  it('enlarges a tile by the whole factor that brings its side nearest 56 px without passing it', () => {
    expect([tileSide(28, 28), tileSide(3, 3), tileSide(26, 26), tileSide(5, 5), tileSide(100, 100)]).toEqual([2, 18, 2, 11, 1]);
  });

  it('fits as many framed tiles in a row as the width holds, 4 px apart', () => {
    // A 28×28 tile is 56 px + a 1 px frame on each side = 58 px; n tiles take 58n + 4(n − 1) px.
    expect(columnsThatFit(58, 28, 28)).toBe(1);
    expect(columnsThatFit(119, 28, 28)).toBe(1);
    expect(columnsThatFit(120, 28, 28)).toBe(2);
    expect(columnsThatFit(988, 28, 28)).toBe(16);
    expect(columnsThatFit(987, 28, 28)).toBe(15);
    expect(columnsThatFit(10, 28, 28)).toBe(1);
  });

  it("lays out an MLP's 256 tiles in 16 rows of 16 and finds each under the pointer", () => {
    const layout = tileGridLayout(256, 28, 28, 16);
    expect([layout.columns, layout.rows, layout.canvasWidth, layout.canvasHeight]).toEqual([16, 16, 988, 988]);
    expect(tileFrameOrigin(layout, 17)).toEqual({ x: 62, y: 62 });
    expect(tileIndexAt(layout, 256, 62 + 57, 62)).toBe(17);
    expect(tileIndexAt(layout, 256, 62 + 58, 62)).toBeNull();
    expect(tileIndexAt(layout, 256, 987, 987)).toBe(255);
    expect(tileIndexAt(layout, 256, -1, 5)).toBeNull();
  });

  it('uses no more columns than there are tiles, and leaves no tile under the empty end of the last row', () => {
    const layout = tileGridLayout(5, 3, 3, 4);
    expect([layout.columns, layout.rows]).toEqual([4, 2]);
    expect(tileIndexAt(layout, 5, 60 + 10, 60 + 10)).toBeNull();
    expect(tileGridLayout(2, 3, 3, 16).columns).toBe(2);
  });
});

describe('enlargedRgba', () => {
  it('repeats every value as a side×side square, row by row', () => {
    // 2×1 values: opaque red then opaque blue, enlarged 3 times → 6×3 pixels.
    const rgba = Uint8ClampedArray.from([255, 0, 0, 255, 0, 0, 255, 255]);
    const out = enlargedRgba(rgba, 2, 1, 3);
    expect(out).toHaveLength(4 * 6 * 3);
    const pixel = (x: number, y: number): number[] => [...out.subarray(4 * (y * 6 + x), 4 * (y * 6 + x) + 4)];
    for (const y of [0, 1, 2]) {
      expect([0, 1, 2].map((x) => pixel(x, y))).toEqual(new Array(3).fill([255, 0, 0, 255]));
      expect([3, 4, 5].map((x) => pixel(x, y))).toEqual(new Array(3).fill([0, 0, 255, 255]));
    }
  });
});
