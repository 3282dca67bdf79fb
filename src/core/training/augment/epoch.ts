/**
 * One epoch's distorted copy of the training images: a fresh random affine per image, on some 0s and 1s a writing
 * style MNIST lacks (preprocess/writing-styles.ts), then edges softened by a random amount
 * (preprocess/soft-edges.ts); seeded per (seed, epoch).
 */
import { INPUT_SIZE } from '../../api/model-spec';
import { inkBox, randomAffine, warpAffine, type InkBox } from '../../preprocess/augment';
import { randomSoftness, softenEdges } from '../../preprocess/soft-edges';
import { addWritingStyle } from '../../preprocess/writing-styles';
import { createRng } from '../rng';

/** The random stream of one epoch: the same seed and epoch give the same distortions, whoever computes them. */
export function epochRandom(seed: number, epoch: number): () => number {
  return createRng((seed + Math.imul(epoch, 0x9e3779b9)) >>> 0);
}

/** The ink box of each of `count` images, computed once per run. */
export function inkBoxes(source: Uint8Array, count: number): Array<InkBox | null> {
  return Array.from({ length: count }, (_, i) => inkBox(source, i * INPUT_SIZE));
}

/** Writes `count` distorted images of `source` (digits `labels`) to `target` (both count × 784 bytes). */
export function augmentEpoch(source: Uint8Array, labels: Uint8Array, boxes: ReadonlyArray<InkBox | null>, target: Uint8Array, seed: number, epoch: number): void {
  const random = epochRandom(seed, epoch);
  for (let i = 0, at = 0; i < boxes.length; i++, at += INPUT_SIZE) {
    warpAffine(source, at, target, at, randomAffine(random), boxes[i]);
    addWritingStyle(target, at, labels[i], random);
    softenEdges(target, at, randomSoftness(random));
  }
}
