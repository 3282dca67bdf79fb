import { describe, expect, it } from 'vitest';
import { loadMnist } from '../../../src/core/dataset';
import { createRng, shuffleInPlace } from '../../../src/core/training/rng';
import { fillBatch, identityOrder, splitForTraining } from '../../../src/core/training/training-data';
import { rawMnistImage, rawMnistLabel } from '../../helpers/mnist-files';

describe('training samples', async () => {
  const mnist = await loadMnist();

  it('validation_split 0.2 takes the last 20% before shuffling, as Keras does (48,000 / 12,000)', () => {
    const { train, validation } = splitForTraining(mnist.train, 0.2);
    expect(train.count).toBe(48_000);
    expect(validation?.count).toBe(12_000);
    expect(train.labels[0]).toBe(5);
    expect(validation?.labels[0]).toBe(rawMnistLabel('train', 48_000));
    expect(Array.from(validation!.pixels.subarray(0, 784))).toEqual(Array.from(rawMnistImage('train', 48_000)));
  });

  it('--limit keeps the first N images, then splits them', () => {
    const { train, validation } = splitForTraining(mnist.train, 0.2, 6000);
    expect(train.count).toBe(4800);
    expect(validation?.count).toBe(1200);
    expect(validation?.labels[0]).toBe(rawMnistLabel('train', 4800));
  });

  it('a split of 0 leaves no validation set; one that leaves nothing to train on is refused', () => {
    expect(splitForTraining(mnist.train, 0, 100).validation).toBeNull();
    expect(() => splitForTraining(mnist.train, 0.99, 1)).toThrow(/no training images/);
  });

  it('batches hold pixels/255 and one-hot labels of the requested samples', () => {
    const x = new Float32Array(2 * 784);
    const y = new Float32Array(2 * 10);
    const n = fillBatch(mnist.train, [1, 0], 0, 2, x, y);
    expect(n).toBe(2);
    expect(x[0 * 784 + 300]).toBeCloseTo(rawMnistImage('train', 1)[300] / 255, 6);
    expect(Array.from(y.subarray(0, 10))).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // train label 1 is 0
    expect(Array.from(y.subarray(10, 20))).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 0]); // train label 0 is 5
  });

  it('the seeded shuffle is a permutation and repeats for the same seed', () => {
    const a = identityOrder(1000);
    const b = identityOrder(1000);
    shuffleInPlace(a, createRng(7));
    shuffleInPlace(b, createRng(7));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a).sort((p, q) => p - q)).toEqual(Array.from(identityOrder(1000)));
    expect(Array.from(a.subarray(0, 10))).not.toEqual(Array.from(identityOrder(10)));
  });
});
