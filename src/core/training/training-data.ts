import { INPUT_SIZE, NUM_CLASSES } from '../api/model-spec';
import type { DigitSet } from '../dataset';

export interface TrainingSplit {
  train: DigitSet;
  validation: DigitSet | null;
}

/** Samples [start, end) of a set, as views (no copy). */
export function sliceSet(set: DigitSet, start: number, end: number): DigitSet {
  const size = set.rows * set.cols;
  return {
    count: end - start,
    rows: set.rows,
    cols: set.cols,
    pixels: set.pixels.subarray(start * size, end * size),
    labels: set.labels.subarray(start, end),
  };
}

/**
 * Keras semantics: `limit` keeps the first N images, then validation_split takes the LAST fraction of them,
 * before any shuffling (split_at = int(n * (1 - split)); 60,000 × 0.2 → 48,000 / 12,000).
 */
export function splitForTraining(set: DigitSet, validationSplit: number, limit?: number): TrainingSplit {
  const n = Math.min(limit ?? set.count, set.count);
  const splitAt = Math.trunc(n * (1 - validationSplit));
  if (splitAt < 1) throw new Error(`validation split ${validationSplit} leaves no training images out of ${n}`);
  return {
    train: sliceSet(set, 0, splitAt),
    validation: splitAt < n ? sliceSet(set, splitAt, n) : null,
  };
}

/**
 * Fills x with pixels/255 and y with one-hot labels for the samples order[start..end); returns the count.
 * The buffers are reused across batches.
 */
export function fillBatch(
  set: DigitSet,
  order: ArrayLike<number>,
  start: number,
  end: number,
  x: Float32Array,
  y: Float32Array,
): number {
  const n = end - start;
  y.fill(0, 0, n * NUM_CLASSES);
  for (let i = 0; i < n; i++) {
    const sample = order[start + i];
    const source = sample * INPUT_SIZE;
    const target = i * INPUT_SIZE;
    for (let p = 0; p < INPUT_SIZE; p++) x[target + p] = set.pixels[source + p] / 255;
    y[i * NUM_CLASSES + set.labels[sample]] = 1;
  }
  return n;
}

/** 0, 1, …, n-1 */
export function identityOrder(n: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}
