/**
 * BatchNormalization models for the tests: the Keras-written fixtures in test/fixtures/hdf5 (make_batchnorm_fixtures.py,
 * with Keras' own probabilities on the first 200 MNIST test images), the app's probabilities on the same images, and
 * a CNN built here whose BatchNormalization layers cannot all be folded into the layer before them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { summarizeLayers, type BatchNormLayerSpec, type BatchNormWeights, type LayerModel, type LayerSpec } from '../../src/core/api/layer-model';
import { createPredictor } from '../../src/core/inference/forward';
import { randomLayerModel } from './layer-models';
import { rawMnistImage } from './mnist-files';

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/hdf5/', import.meta.url));
/** Keras 3 files; the tf.keras 2.x layout of the CNN has no probabilities of its own (Keras reads it as batchnorm_cnn). */
export const BATCHNORM_FIXTURES = ['batchnorm_cnn', 'batchnorm_dense'] as const;
export const TFKERAS2_CNN = 'batchnorm_cnn_tfkeras2';
export const KERAS_SAMPLES = 200;

export const fixturePath = (name: string): string => `${FIXTURES_DIR}${name}.h5`;

/** Keras' softmax outputs on the first 200 MNIST test images, 200 x 10. */
export function kerasProbs(name: (typeof BATCHNORM_FIXTURES)[number]): Float32Array {
  return new Float32Array(new Uint8Array(readFileSync(`${FIXTURES_DIR}${name}.probs.f32`)).buffer);
}

/** The app's forward pass on the first `count` MNIST test images (pixels/255), count x 10. */
export function appProbs(model: LayerModel, count = KERAS_SAMPLES): Float32Array {
  const predict = createPredictor(model);
  const out = new Float32Array(count * 10);
  for (let s = 0; s < count; s++) out.set(predict(Float32Array.from(rawMnistImage('t10k', s), (v) => v / 255)), s * 10);
  return out;
}

export function largestDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`${a.length} values against ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

const batchNorm = (name: string, extra: Partial<BatchNormLayerSpec> = {}): BatchNormLayerSpec => ({ type: 'BatchNormalization', name, axis: -1, epsilon: 0.001, center: true, scale: true, ...extra });

/**
 * Conv2D 4 3x3 relu → BatchNormalization (after relu: MUL + ADD) → MaxPooling2D → BatchNormalization (after pooling,
 * center=False: MUL + ADD) → Flatten → Dense 10 → BatchNormalization (folded into the Dense) → softmax.
 */
export const UNFOLDABLE_LAYERS: LayerSpec[] = [
  { type: 'InputLayer', name: 'input_layer', shape: [28, 28, 1] },
  { type: 'Conv2D', name: 'conv2d', filters: 4, kernelSize: [3, 3], padding: 'valid', activation: 'relu' },
  batchNorm('batch_normalization'),
  { type: 'MaxPooling2D', name: 'max_pooling2d', poolSize: [2, 2], strides: [2, 2], padding: 'valid' },
  batchNorm('batch_normalization_1', { center: false, epsilon: 0.01 }),
  { type: 'Flatten', name: 'flatten' },
  { type: 'Dense', name: 'dense', units: 10, activation: 'linear' },
  batchNorm('batch_normalization_2', { scale: false }),
  { type: 'Activation', name: 'activation', activation: 'softmax' },
];

/** Seeded weights; every BatchNormalization with statistics of its own (one gamma negative), gamma 1 without scale, beta 0 without center. */
export function unfoldableModel(): LayerModel {
  const model = randomLayerModel(UNFOLDABLE_LAYERS, 23);
  const rows = summarizeLayers(UNFOLDABLE_LAYERS).filter((row) => row.layer.type === 'BatchNormalization');
  model.batchNorm = rows.map(({ layer, outputShape }, k): BatchNormWeights => {
    const channels = outputShape[outputShape.length - 1];
    const wave = (phase: number) => Float32Array.from({ length: channels }, (_, c) => Math.sin(1.3 * c + phase + k));
    const { scale, center } = layer as BatchNormLayerSpec;
    return {
      gamma: scale ? wave(0).map((v, c) => (c === 1 ? -1 : 1) * (0.8 + 0.4 * Math.abs(v))) : new Float32Array(channels).fill(1),
      beta: center ? wave(1).map((v) => 0.2 * v) : new Float32Array(channels),
      movingMean: wave(2).map((v) => 0.3 * v),
      movingVariance: wave(3).map((v) => 0.5 + 0.4 * Math.abs(v)),
    };
  });
  return model;
}
