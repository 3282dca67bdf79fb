/** The Network page's weight histograms: equal bins from the smallest to the largest value, counted by hand, per Conv2D and Dense layer. */
import { describe, expect, it } from 'vitest';
import type { LayerSpec } from '../../../src/core/api/layer-model';
import { binCentres, histogram, HISTOGRAM_BINS, weightHistograms } from '../../../src/core/inference/weight-histogram';

describe('histogram', () => {
  it('counts values into equal bins from the minimum to the maximum, the maximum in the last bin', () => {
    // Range 0..4 in 4 bins of width 1: [0,1) [1,2) [2,3) [3,4].
    const bins = histogram([0, 0.5, 1, 2.5, 2.9, 3, 4, 4], 4);
    expect(bins.min).toBe(0);
    expect(bins.binWidth).toBe(1);
    expect(bins.counts).toEqual([2, 1, 2, 3]);
    expect(binCentres(bins)).toEqual([0.5, 1.5, 2.5, 3.5]);
  });

  it('handles negative weights and keeps every value', () => {
    const bins = histogram(new Float32Array([-0.5, -0.25, 0, 0.25, 0.5]), 2);
    expect(bins.min).toBe(-0.5);
    expect(bins.binWidth).toBe(0.5);
    expect(bins.counts).toEqual([2, 3]);
  });

  it('has 40 bins unless told otherwise, and counts every one of many values', () => {
    const values = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i));
    const bins = histogram(values);
    expect(bins.counts).toHaveLength(HISTOGRAM_BINS);
    expect(HISTOGRAM_BINS).toBe(40);
    expect(bins.counts.reduce((a, b) => a + b, 0)).toBe(1000);
  });

  it('puts equal values (a zero bias) in the middle bin of a range widened around them', () => {
    const zeros = histogram(new Float32Array(10), 4);
    expect(zeros.min).toBe(-1);
    expect(zeros.binWidth).toBe(0.5);
    expect(zeros.counts).toEqual([0, 0, 10, 0]);
    const twos = histogram([2, 2, 2], 4);
    expect(twos.min).toBe(0);
    expect(twos.binWidth).toBe(1);
    expect(twos.counts).toEqual([0, 0, 3, 0]);
  });

  it('gives empty bins around zero for no values', () => {
    const bins = histogram([], 4);
    expect(bins.counts).toEqual([0, 0, 0, 0]);
    expect(binCentres(bins)).toEqual([-0.75, -0.25, 0.25, 0.75]);
  });
});

describe('weightHistograms', () => {
  it("gives each Conv2D and Dense layer its kernel's and bias' histograms, in layer order, and no bias histogram without bias", () => {
    const layers: LayerSpec[] = [
      { type: 'InputLayer', name: 'input_layer', shape: [2, 2, 1] },
      { type: 'Conv2D', name: 'conv2d', filters: 2, kernelSize: [1, 1], padding: 'valid', activation: 'relu' },
      { type: 'MaxPooling2D', name: 'max_pooling2d', poolSize: [2, 2], strides: [2, 2], padding: 'valid' },
      { type: 'Flatten', name: 'flatten' },
      { type: 'Dense', name: 'dense', units: 2, activation: 'softmax', useBias: false },
    ];
    const weights = [
      { kernel: Float32Array.from([-1, 1]), bias: Float32Array.from([0, 0]) },
      { kernel: Float32Array.from([0, 1, 2, 3]), bias: new Float32Array(2) },
    ];
    const [conv, dense, ...rest] = weightHistograms({ layers, weights }, 2);
    expect(rest).toEqual([]);
    expect(conv).toEqual({ name: 'conv2d', type: 'Conv2D', kernel: { min: -1, binWidth: 1, counts: [1, 1] }, bias: { min: -1, binWidth: 1, counts: [0, 2] } });
    expect(dense).toEqual({ name: 'dense', type: 'Dense', kernel: { min: 0, binWidth: 1.5, counts: [2, 2] }, bias: null });
  });
});
