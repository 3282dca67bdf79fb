import { denseLayers } from '../../../src/core/api/layer-model';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { mlpSpec } from '../../../src/core/api/model-spec';
import { glorotUniform } from '../../../src/core/training/engine/init';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('engine initial weights', () => {
  it.each([1, 42, 2 ** 31 - 1])('seed %i gives exactly the weights tfjs glorotUniform({ seed: seed + layer }) draws', (seed) => {
    const spec = mlpSpec([128, 37], 'relu');
    const weights = glorotUniform(denseLayers(spec), seed);
    const shapes: Array<[number, number]> = [[784, 128], [128, 37], [37, 10]];
    shapes.forEach((shape, i) => {
      const reference = tf.tidy(() => tf.initializers.glorotUniform({ seed: seed + i }).apply(shape).dataSync() as Float32Array);
      expect(Buffer.from(weights[i].kernel.buffer).equals(Buffer.from(reference.buffer))).toBe(true);
      expect(weights[i].bias.every((b) => b === 0)).toBe(true);
    });
  });

  it('different seeds give different weights, within the Glorot limit', () => {
    const spec = mlpSpec([64], 'relu');
    const [a, b] = [glorotUniform(denseLayers(spec), 1), glorotUniform(denseLayers(spec), 2)];
    expect(a[0].kernel).not.toEqual(b[0].kernel);
    const limit = Math.sqrt(6 / (784 + 64));
    expect(a[0].kernel.every((w) => Math.abs(w) <= limit)).toBe(true);
  });
});
