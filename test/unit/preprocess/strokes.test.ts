import { describe, expect, it } from 'vitest';
import { MIN_DIGIT_SPAN_PX, PEN_FRACTION, strokesToInk, strokesToModelInput } from '../../../src/core/preprocess';

/*
 * Independent expectations: plane geometry for the raster (a round-capped stroke of width w and length L
 * covers L·w + π(w/2)² pixels), and the MNIST preparation facts for the model input (the ink's longer
 * side is 20 px, the centre of mass sits at the centre of pixel 14, i.e. 14.5 with pixel centres at x + 0.5).
 */

const SIZE = 28;
/** The raster draws the centrelines' longer side across 64 of its 80 px. */
const RASTER = 80;
const SPAN = 64;
const PEN_WIDTH = (PEN_FRACTION / (1 - PEN_FRACTION)) * SPAN;

const sum = (values: ArrayLike<number>): number => Array.from(values).reduce((a, b) => a + b, 0);

function centreOfMass(pixels: Float32Array): [number, number] {
  let mass = 0;
  let x = 0;
  let y = 0;
  pixels.forEach((v, i) => {
    mass += v;
    x += v * ((i % SIZE) + 0.5);
    y += v * (Math.floor(i / SIZE) + 0.5);
  });
  return [x / mass, y / mass];
}

/** Ink per row (axis 'y') or per column (axis 'x') of a 28×28 input. */
function profile(pixels: Float32Array, axis: 'x' | 'y'): number[] {
  const out = new Array<number>(SIZE).fill(0);
  pixels.forEach((v, i) => (out[axis === 'x' ? i % SIZE : Math.floor(i / SIZE)] += v));
  return out;
}

describe('strokesToInk: anti-aliased round-capped strokes by coverage', () => {
  it('inks the area of a capsule: length × pen width + a disc of the pen', () => {
    const ink = strokesToInk([[0, 0, 100, 0]])!;
    expect(ink.width).toBe(RASTER);
    expect(ink.height).toBe(RASTER);
    const capsule = SPAN * PEN_WIDTH + Math.PI * (PEN_WIDTH / 2) ** 2;
    expect(sum(ink.data)).toBeCloseTo(capsule, -1);
    expect(Math.abs(sum(ink.data) / capsule - 1)).toBeLessThan(0.01);
  });

  it('a column across a horizontal stroke holds exactly the pen width of ink, with soft edges', () => {
    const ink = strokesToInk([[0, 0, 100, 0]])!;
    const column = Array.from({ length: RASTER }, (_, y) => ink.data[y * RASTER + RASTER / 2]);
    expect(sum(column)).toBeCloseTo(PEN_WIDTH, 2);
    expect(Math.max(...column)).toBe(1);
    expect(column.some((v) => v > 0.05 && v < 0.95)).toBe(true);
    expect(Math.min(...ink.data)).toBe(0);
  });

  it('keeps the pen at the same fraction of the digit whatever size it was drawn at', () => {
    for (const length of [15, 150, 1500]) {
      const ink = strokesToInk([[0, 0, 0, length]])!;
      const row = Array.from({ length: RASTER }, (_, x) => ink.data[(RASTER / 2) * RASTER + x]);
      expect(sum(row)).toBeCloseTo(PEN_WIDTH, 2);
    }
  });

  it('draws a one-point stroke as a dot of the pen width next to the rest of the drawing', () => {
    const line = strokesToInk([[0, 0, 0, 100]])!;
    const withDot = strokesToInk([[0, 0, 0, 100], [50, 50]])!;
    expect(sum(withDot.data) - sum(line.data)).toBeCloseTo(Math.PI * (PEN_WIDTH / 2) ** 2, 0);
  });
});

describe('strokesToModelInput: MNIST-style input from strokes', () => {
  it('turns a vertical line into a centred 20 px tall stroke with its centre of mass at the centre', () => {
    const { pixels, empty } = strokesToModelInput([[120, 40, 120, 260]]);
    expect(empty).toBe(false);
    const rows = profile(pixels, 'y');
    const peak = Math.max(...rows);
    // Full rows from the top to the bottom of the 20 px box, half-inked rows at the edges after the sub-pixel shift.
    expect(rows.filter((v) => v > 0.75 * peak)).toHaveLength(19);
    expect(rows.filter((v) => v > 0.25 * peak)).toHaveLength(21);
    const [x, y] = centreOfMass(pixels);
    expect(x).toBeCloseTo(14.5, 3);
    expect(y).toBeCloseTo(14.5, 3);
    expect(Math.max(...pixels)).toBeLessThanOrEqual(1);
    expect(Math.min(...pixels)).toBeGreaterThanOrEqual(0);
  });

  it('turns a horizontal line into a 20 px wide stroke centred the same way', () => {
    const { pixels } = strokesToModelInput([[-30, 5, 70, 5]]);
    const columns = profile(pixels, 'x');
    const peak = Math.max(...columns);
    expect(columns.filter((v) => v > 0.25 * peak)).toHaveLength(21);
    const [x, y] = centreOfMass(pixels);
    expect(x).toBeCloseTo(14.5, 3);
    expect(y).toBeCloseTo(14.5, 3);
  });

  it('puts the centre of mass, not the box, at the centre for a lopsided drawing', () => {
    // An L: the corner carries the weight, so the box is not centred but the mass is.
    const { pixels } = strokesToModelInput([[0, 0, 0, 200, 60, 200]]);
    const [x, y] = centreOfMass(pixels);
    expect(x).toBeCloseTo(14.5, 2);
    expect(y).toBeCloseTo(14.5, 2);
    const columns = profile(pixels, 'x');
    const firstInked = columns.findIndex((v) => v > 0.01);
    expect(firstInked).toBeGreaterThan(4);
  });

  it('reports an empty drawing, a dot, a repeated point and a too-small scribble as no digit', () => {
    const cases = [[], [[]], [[100, 100]], [[100, 100, 100, 100, 100, 100]], [[10, 10, 14, 18, 12, 12]]];
    for (const strokes of cases) {
      const input = strokesToModelInput(strokes, MIN_DIGIT_SPAN_PX);
      expect(input.empty).toBe(true);
      expect(input.pixels).toHaveLength(SIZE * SIZE);
      expect(input.pixels.every((v) => v === 0)).toBe(true);
    }
    expect(strokesToModelInput([[10, 10, 14, 18, 12, 12]]).empty).toBe(false);
  });

  it('reads a drawing touching or beyond the canvas edge like any other', () => {
    const inside = strokesToModelInput([[50, 0, 50, 120]]);
    const outside = strokesToModelInput([[-200, -400, -200, -280]]);
    expect(outside.empty).toBe(false);
    outside.pixels.forEach((v, i) => expect(v).toBeCloseTo(inside.pixels[i], 5));
  });
});
