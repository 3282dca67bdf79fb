// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { predictFromRgba } from '../../../src/renderer/src/draw/predict';
import { bundledPredictor, mnistBitmap } from './fixtures';

const predictor = bundledPredictor();

function centreOfMass(input: Float32Array): [number, number] {
  let mass = 0;
  let x = 0;
  let y = 0;
  input.forEach((v, i) => {
    mass += v;
    x += v * ((i % 28) + 0.5);
    y += v * (Math.floor(i / 28) + 0.5);
  });
  return [x / mass, y / mass];
}

describe('predictFromRgba with the bundled model', () => {
  it('reads MNIST test image 90, drawn as dark ink on a white bitmap, as a 3', () => {
    const { bitmap, label } = mnistBitmap(90);
    expect(label).toBe(3);
    const result = predictFromRgba(bitmap.data, bitmap.width, bitmap.height, predictor);
    expect(result.digit).toBe(3);
    expect(result.probabilities).toHaveLength(10);
    expect(result.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    expect(Math.max(...result.probabilities)).toBe(result.probabilities[3]);
  });

  it('hands the model a 28×28 MNIST-style input: white ink on black, centre of mass in the middle', () => {
    const { bitmap } = mnistBitmap(90, { size: 300, scale: 7, left: 100, top: 90 });
    const { input } = predictFromRgba(bitmap.data, bitmap.width, bitmap.height, predictor);
    expect(input).toHaveLength(784);
    expect(Math.min(...input)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...input)).toBeGreaterThan(0.9);
    expect(Math.max(...input)).toBeLessThanOrEqual(1);
    // corners are background
    expect([input[0], input[27], input[756], input[783]]).toEqual([0, 0, 0, 0]);
    const [x, y] = centreOfMass(input);
    expect(x).toBeCloseTo(14.5, 0);
    expect(y).toBeCloseTo(14.5, 0);
  });

  it('gives the same answer wherever and however large the digit is on the canvas', () => {
    for (const placement of [{ scale: 3, left: 5, top: 110 }, { scale: 6, left: 20, top: 0 }]) {
      const { bitmap } = mnistBitmap(90, placement);
      expect(predictFromRgba(bitmap.data, bitmap.width, bitmap.height, predictor).digit).toBe(3);
    }
  });

  it('reports no digit for a blank canvas without asking the model', () => {
    const blank = new Uint8ClampedArray(100 * 100 * 4).fill(255);
    const model = vi.fn(predictor);
    const result = predictFromRgba(blank, 100, 100, model);
    expect(result.digit).toBeNull();
    expect([...result.probabilities]).toEqual(new Array(10).fill(0));
    expect(result.input.every((v) => v === 0)).toBe(true);
    expect(model).not.toHaveBeenCalled();
  });
});
