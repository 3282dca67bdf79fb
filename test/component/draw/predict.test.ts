import { describe, expect, it, vi } from 'vitest';
import { MIN_DIGIT_SPAN_PX, strokesToModelInput } from '../../../src/core/preprocess';
import { predictStrokes } from '../../../src/renderer/src/draw/predict';
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

describe('predictStrokes: the Draw page reading its strokes with the bundled model', () => {
  it('reads the digits drawn, with probabilities that sum to 1', () => {
    for (const [digit, strokes] of Object.entries(DRAWINGS)) {
      const result = predictStrokes(strokes, predictor);
      expect(result.digit).toBe(Number(digit));
      expect(result.probabilities).toHaveLength(10);
      expect(result.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
      expect(Math.max(...result.probabilities)).toBe(result.probabilities[Number(digit)]);
    }
  });

  it('hands the model exactly the input the CLI and bench:pen compute for the same strokes, and shows that input', () => {
    for (const strokes of Object.values(DRAWINGS)) {
      const model = vi.fn(predictor);
      const result = predictStrokes(strokes, model);
      const shared = strokesToModelInput(strokes, MIN_DIGIT_SPAN_PX).pixels;
      expect(model).toHaveBeenCalledTimes(1);
      expect(model.mock.calls[0][0]).toEqual(shared);
      expect(result.input).toEqual(shared);
    }
  });

  it('gives the same answer wherever and however large the digit is on the canvas', () => {
    const moved = (scale: number, dx: number, dy: number) => DRAWINGS[4].map((points) => points.map((v, i) => v * scale + (i % 2 ? dy : dx)));
    for (const strokes of [moved(0.3, 200, 10), moved(1.1, -40, 0), moved(0.5, 0, 150)]) {
      expect(predictStrokes(strokes, predictor).digit).toBe(4);
    }
  });

  it('reports no digit for an empty drawing, a dot or a scribble under 12 px, without asking the model', () => {
    for (const strokes of [[], [[150, 150]], [[100, 100, 108, 105]]]) {
      const model = vi.fn(predictor);
      const result = predictStrokes(strokes, model);
      expect(result.digit).toBeNull();
      expect([...result.probabilities]).toEqual(new Array(10).fill(0));
      expect(result.input).toHaveLength(784);
      expect(result.input.every((v) => v === 0)).toBe(true);
      expect(model).not.toHaveBeenCalled();
    }
  });
});
