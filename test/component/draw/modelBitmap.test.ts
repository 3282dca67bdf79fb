import { describe, expect, it } from 'vitest';
import { MIN_DIGIT_SPAN_PX, strokesToModelInput } from '../../../src/core/preprocess';
import { ModelBitmap } from '../../../src/renderer/src/draw/modelBitmap';
import { predictFromRgba } from '../../../src/renderer/src/draw/predict';
import { bundledPredictor } from './fixtures';

const predictor = bundledPredictor();

/** Hand-drawn digits in canvas CSS pixels: a 7 (bar, slanted stem), a 1 (flag, stem) and a two-stroke 4. */
const DRAWINGS: Record<number, number[][]> = {
  7: [[60, 40, 100, 40, 140, 40, 180, 40, 200, 40, 185, 80, 165, 130, 145, 180, 130, 230, 125, 260]],
  1: [[140, 70, 160, 50, 162, 100, 161, 150, 160, 200, 160, 250]],
  4: [
    [120, 40, 100, 100, 80, 160, 200, 160],
    [170, 60, 170, 120, 170, 200, 170, 270],
  ],
};

describe('the Draw page model bitmap', () => {
  it('is dark ink on an opaque white bitmap', () => {
    const bitmap = new ModelBitmap().render(DRAWINGS[7])!;
    expect(bitmap.data).toHaveLength(bitmap.width * bitmap.height * 4);
    expect([...bitmap.data.slice(0, 4)]).toEqual([255, 255, 255, 255]);
    expect(Math.min(...bitmap.data)).toBe(0);
    expect(bitmap.data.filter((_, i) => i % 4 === 3).every((a) => a === 255)).toBe(true);
  });

  it('has nothing to show for an empty drawing, a dot or a scribble under 12 px', () => {
    const bitmap = new ModelBitmap();
    for (const strokes of [[], [[150, 150]], [[100, 100, 108, 105]]]) expect(bitmap.render(strokes)).toBeNull();
  });

  it('hands the model the same input as the CLI and the benchmark, and reads the digits drawn', () => {
    const bitmap = new ModelBitmap();
    for (const [digit, strokes] of Object.entries(DRAWINGS)) {
      const image = bitmap.render(strokes)!;
      const page = predictFromRgba(image.data, image.width, image.height, predictor);
      const shared = strokesToModelInput(strokes, MIN_DIGIT_SPAN_PX);
      // The bitmap stores the ink in 8 bits: at most half a grey level apart.
      page.input.forEach((v, i) => expect(Math.abs(v - shared.pixels[i])).toBeLessThan(0.5 / 255 + 1e-6));
      expect(page.digit).toBe(Number(digit));
    }
  });
});
