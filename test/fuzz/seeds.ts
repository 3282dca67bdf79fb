/**
 * The valid inputs the fuzzer starts from, one small instance of every file format Digit Studio reads: a TF.js
 * model.json with its weights, a Keras .h5, a .tflite (float32 and int8), an MNIST-format data folder (IDX) and
 * PNG digits (RGBA and grey). The model is a small one (784-16-10) so that each case runs in milliseconds.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { idxImagesBytes, idxLabelsBytes } from '../../src/core/dataset';
import { writeModelFile } from '../../src/core/formats/model-file';
import { saveModelToH5Bytes } from '../../src/core/formats/hdf5/write-h5';
import { tfliteBytes } from '../../src/core/formats/tflite/export';
import { layerShapes, mlpSpec, type TrainedModel } from '../../src/core/api/model-spec';
import { rawMnistImage, rawMnistLabel } from '../helpers/mnist-files';

export const IDX_FILES = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'] as const;

export interface Seeds {
  /** A valid model.json and weights file pair, also used as the model for the IDX and PNG cases. */
  modelJsonPath: string;
  modelJson: string;
  weights: Uint8Array;
  h5: Uint8Array;
  tflite: Uint8Array[];
  idx: Record<(typeof IDX_FILES)[number], Uint8Array>;
  png: Uint8Array[];
}

function smallModel(): TrainedModel {
  let state = 7;
  const next = (): number => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32 - 0.5) * 0.2;
  const spec = mlpSpec([16]);
  const weights = layerShapes(spec).map(([inputs, units]) => ({ kernel: Float32Array.from({ length: inputs * units }, next), bias: Float32Array.from({ length: units }, next) }));
  return { spec, weights, compile: { optimizer: 'sgd', learningRate: 0.01, loss: 'categorical_crossentropy' } };
}

/** `count` MNIST test images and their labels, as IDX files. */
function idxPair(count: number): [Uint8Array, Uint8Array] {
  const pixels = new Uint8Array(count * 784);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    pixels.set(rawMnistImage('t10k', i), i * 784);
    labels[i] = rawMnistLabel('t10k', i);
  }
  return [idxImagesBytes(pixels, count, 28, 28), idxLabelsBytes(labels)];
}

/** MNIST test image 0 (a 7) enlarged twice, dark ink on white, as RGBA (colour type 6) or grey (colour type 0). */
function digitPng(colorType: 0 | 6): Uint8Array {
  const png = new PNG({ width: 56, height: 56 });
  const pixels = rawMnistImage('t10k', 0);
  for (let i = 0; i < 56 * 56; i++) {
    const v = 255 - pixels[Math.floor(i / 112) * 28 + Math.floor((i % 56) / 2)];
    png.data.set([v, v, v, 255], i * 4);
  }
  return PNG.sync.write(png, { colorType, inputColorType: 6 });
}

export async function makeSeeds(dir: string): Promise<Seeds> {
  mkdirSync(dir, { recursive: true });
  const model = smallModel();
  const modelJsonPath = join(dir, 'model.json');
  await writeModelFile(model, modelJsonPath);
  const [trainImages, trainLabels] = idxPair(30);
  const [testImages, testLabels] = idxPair(20);
  return {
    modelJsonPath,
    modelJson: readFileSync(modelJsonPath, 'utf8'),
    weights: readFileSync(join(dir, 'model.weights.bin')),
    h5: await saveModelToH5Bytes(model),
    tflite: [tfliteBytes(model, { quantize: 'none', inputShape: '784' }), tfliteBytes(model, { quantize: 'int8', inputShape: '28x28' })],
    idx: { 'train-images-idx3-ubyte': trainImages, 'train-labels-idx1-ubyte': trainLabels, 't10k-images-idx3-ubyte': testImages, 't10k-labels-idx1-ubyte': testLabels },
    png: [digitPng(6), digitPng(0)],
  };
}
