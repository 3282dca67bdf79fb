/** The per-layer weight statistics a run records at epoch ends: quantiles, mean and spread, worked out by hand. */
import { describe, expect, it } from 'vitest';
import type { LayerSpec } from '../../../src/core/api/layer-model';
import { WEIGHT_STAT_NAMES } from '../../../src/core/api/run-history';
import { modelWeightStats, quantile, weightStatLines, weightStats } from '../../../src/core/inference/weight-stats';

describe('quantile', () => {
  it('interpolates linearly between the two nearest values (NumPy’s default)', () => {
    // Positions q × (n − 1) in [10, 20, 30, 40]: 0.5 → 1.5 → halfway between 20 and 30.
    expect(quantile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(quantile([10, 20, 30, 40], 0.25)).toBeCloseTo(17.5, 12);
    expect(quantile([10, 20, 30, 40], 0)).toBe(10);
    expect(quantile([10, 20, 30, 40], 1)).toBe(40);
    expect(quantile([7], 0.95)).toBe(7);
  });
});

describe('weightStats', () => {
  it('gives min, p5, p25, median, p75, p95, max, mean and the population standard deviation', () => {
    expect(WEIGHT_STAT_NAMES).toEqual(['min', 'p5', 'p25', 'median', 'p75', 'p95', 'max', 'mean', 'std']);
    // Sorted 0 1 2 3 4: p5 at position 0.2, p95 at 3.8; deviations² 4 1 0 1 4 → variance 2, std √2 = 1.41421…
    expect(weightStats(Float32Array.from([4, 1, 3, 2, 0]))).toEqual([0, 0.2, 1, 2, 3, 3.8, 4, 2, 1.414]);
  });

  it('keeps four significant digits, and gives zeros for no values', () => {
    // Mean of 1/3 and 2/3 is 0.5; std 1/6 = 0.16666… → 0.1667.
    expect(weightStats([1 / 3, 2 / 3])).toEqual([0.3333, 0.35, 0.4167, 0.5, 0.5833, 0.65, 0.6667, 0.5, 0.1667]);
    expect(weightStats([])).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('modelWeightStats', () => {
  it('gives each Conv2D and Dense layer its kernel and bias statistics in layer order, no bias statistics without bias', () => {
    const layers: LayerSpec[] = [
      { type: 'InputLayer', name: 'input_layer', shape: [2, 2, 1] },
      { type: 'Conv2D', name: 'conv2d', filters: 2, kernelSize: [1, 1], padding: 'valid', activation: 'relu' },
      { type: 'Flatten', name: 'flatten' },
      { type: 'Dense', name: 'dense', units: 2, activation: 'softmax', useBias: false },
    ];
    const weights = [
      { kernel: Float32Array.from([-1, 1]), bias: Float32Array.from([0.5, 0.5]) },
      { kernel: Float32Array.from([0, 0, 0, 0, 0, 0, 0, 8]), bias: new Float32Array(2) },
    ];
    expect(modelWeightStats({ layers, weights })).toEqual([
      // −1, 1: p5 at position 0.05 → −1 + 0.05 × 2 = −0.9; std 1.
      { name: 'conv2d', kernel: [-1, -0.9, -0.5, 0, 0.5, 0.9, 1, 0, 1], bias: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0] },
      // Seven zeros and an 8: p95 at position 6.65 → 0.65 × 8 = 5.2; mean 1; variance (7 × 1 + 49) / 8 = 7, std √7 = 2.6458.
      { name: 'dense', kernel: [0, 0, 0, 0, 0, 5.2, 8, 1, 2.646], bias: null },
    ]);
  });
});

describe('weightStatLines', () => {
  it('turns rows per epoch into one line per statistic per layer, for kernels and biases', () => {
    const stats = (base: number) => [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => base + i);
    const rows = [0, 1, 2].map((epoch) => ({
      epoch,
      layers: [
        { name: 'dense', kernel: stats(10 * epoch), bias: stats(100 + epoch) },
        { name: 'dense_1', kernel: stats(-epoch), bias: null },
      ],
    }));
    const [dense, output, ...rest] = weightStatLines(rows);
    expect(rest).toEqual([]);
    expect(dense.name).toBe('dense');
    expect(dense.kernel.epochs).toEqual([0, 1, 2]);
    // min is each row's first number, median its fourth, std its ninth.
    expect(dense.kernel.values.min).toEqual([0, 10, 20]);
    expect(dense.kernel.values.median).toEqual([3, 13, 23]);
    expect(dense.kernel.values.std).toEqual([8, 18, 28]);
    expect(dense.bias!.values.max).toEqual([106, 107, 108]);
    expect(output).toMatchObject({ name: 'dense_1', bias: null });
    expect(output.kernel.values.p95).toEqual([5, 4, 3]);
  });

  it('gives no lines for a run without recorded statistics', () => {
    expect(weightStatLines([])).toEqual([]);
  });
});
