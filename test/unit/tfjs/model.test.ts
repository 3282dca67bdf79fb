/**
 * tfjs-layers models built from a layer list: every layer type the list knows, weights in the Keras layout (checked
 * against the app's own forward pass), the logits build for training, and dropout masks seeded per batch.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cnnLayers, KERAS_CNN, runLayers } from '../../../src/core/api/architecture';
import type { LayerModel, LayerSpec } from '../../../src/core/api/layer-model';
import { createPredictor } from '../../../src/core/inference/forward';
import { loadBackend } from '../../../src/core/tfjs/load';
import { buildTfModel, inputBatch, readTfWeights, writeTfWeights } from '../../../src/core/tfjs/model';
import { createRng } from '../../../src/core/training/rng';
import { randomLayerModel } from '../../helpers/layer-models';

beforeAll(async () => {
  await loadBackend('cpu');
});

/** Every layer type, both paddings, a 3x3 stride-2 pool and an Activation layer after a linear layer. */
const EVERY_LAYER: LayerSpec[] = [
  { type: 'InputLayer', name: 'input_layer', shape: [784] },
  { type: 'Reshape', name: 'reshape', targetShape: [28, 28, 1] },
  { type: 'Conv2D', name: 'conv2d', filters: 3, kernelSize: [5, 5], padding: 'same', activation: 'tanh' },
  { type: 'AveragePooling2D', name: 'average_pooling2d', poolSize: [3, 3], strides: [2, 2], padding: 'same' },
  { type: 'Conv2D', name: 'conv2d_1', filters: 4, kernelSize: [3, 3], padding: 'valid', activation: 'linear' },
  { type: 'Activation', name: 'activation', activation: 'relu' },
  { type: 'MaxPooling2D', name: 'max_pooling2d', poolSize: [2, 2], strides: [2, 2], padding: 'valid' },
  { type: 'Flatten', name: 'flatten' },
  { type: 'Dropout', name: 'dropout', rate: 0.3 },
  { type: 'Dense', name: 'dense', units: 12, activation: 'sigmoid' },
  { type: 'Dense', name: 'dense_1', units: 10, activation: 'linear' },
  { type: 'Activation', name: 'activation_1', activation: 'softmax' },
];

/** n images of random pixels/255, some of them 0 as in MNIST. */
function images(n: number): Float32Array {
  const random = createRng(7);
  return Float32Array.from({ length: n * 784 }, () => (random() < 0.6 ? 0 : random()));
}

function predictBoth(model: LayerModel, logits = false): { tfjs: Float32Array; app: Float32Array } {
  const n = 4;
  const x = images(n);
  const built = buildTfModel(tf, model.layers, { seed: 1, logits });
  writeTfWeights(tf, built, model.weights);
  const tfjs = tf.tidy(() => (built.predict(inputBatch(tf, built, x, n)) as tf.Tensor).dataSync() as Float32Array);
  built.dispose();
  const predict = createPredictor(model);
  const app = new Float32Array(n * 10);
  for (let i = 0; i < n; i++) app.set(predict(x.subarray(i * 784, (i + 1) * 784)), i * 10);
  return { tfjs, app };
}

const maxDifference = (a: Float32Array, b: Float32Array): number => Math.max(...a.map((v, i) => Math.abs(v - b[i])));

describe('tfjs models from layer lists', () => {
  it('runs every layer type as the app does, with the weights in the Keras layout', () => {
    const { tfjs, app } = predictBoth(randomLayerModel(EVERY_LAYER, 3));
    expect(tfjs).toHaveLength(40);
    expect(maxDifference(tfjs, app)).toBeLessThan(1e-5);
  });

  it('honours the input layer shape: a [28, 28, 1] CNN takes [n, 28, 28, 1] batches', () => {
    const layers = cnnLayers({ ...KERAS_CNN, filters: [2, 3], denseUnits: [8] });
    const model = buildTfModel(tf, layers, { seed: 1 });
    expect(model.inputs[0].shape).toEqual([null, 28, 28, 1]);
    model.dispose();
    const { tfjs, app } = predictBoth(randomLayerModel(layers, 4));
    expect(maxDifference(tfjs, app)).toBeLessThan(1e-5);
  });

  it('builds the output as logits for training, whether the softmax is a Dense activation or an Activation layer', () => {
    for (const layers of [EVERY_LAYER, cnnLayers({ ...KERAS_CNN, filters: [2] })]) {
      const model = randomLayerModel(layers, 5);
      const { tfjs: logits, app } = predictBoth(model, true);
      const probabilities = tf.tidy(() => tf.softmax(tf.tensor2d(logits, [4, 10])).dataSync() as Float32Array);
      expect(maxDifference(probabilities, app)).toBeLessThan(1e-5);
      expect(maxDifference(logits, app)).toBeGreaterThan(0.01);
    }
  });

  it('reads back the weights it was given, one kernel + bias per Conv2D and Dense layer', () => {
    const model = randomLayerModel(EVERY_LAYER, 6);
    const built = buildTfModel(tf, model.layers, { seed: 0 });
    writeTfWeights(tf, built, model.weights);
    expect(readTfWeights(built)).toEqual(model.weights);
    expect(built.getLayer('conv2d').getWeights()[0].shape).toEqual([5, 5, 1, 3]);
    expect(built.getLayer('dense').getWeights()[0].shape).toEqual([6 * 6 * 4, 12]); // 28 → 14 (pool) → 12 (conv) → 6 (pool)
    built.dispose();
  });

  it('seeds the Glorot kernels per layer with weights (seed + k) and starts biases at zero', () => {
    // Two Conv2D layers of the same kernel shape [3, 3, 1, 1]: the second one's draw with seed s is the first one's with s + 1.
    const layers: LayerSpec[] = [
      { type: 'InputLayer', name: 'input_layer', shape: [28, 28, 1] },
      { type: 'Conv2D', name: 'conv2d', filters: 1, kernelSize: [3, 3], padding: 'same', activation: 'relu' },
      { type: 'Conv2D', name: 'conv2d_1', filters: 1, kernelSize: [3, 3], padding: 'same', activation: 'relu' },
      { type: 'Flatten', name: 'flatten' },
      { type: 'Dense', name: 'dense', units: 10, activation: 'softmax' },
    ];
    const weights = (seed: number) => {
      const model = buildTfModel(tf, layers, { seed });
      const read = readTfWeights(model);
      model.dispose();
      return read;
    };
    const a = weights(11);
    expect(weights(11)).toEqual(a);
    expect(a[1].kernel).toEqual(weights(12)[0].kernel);
    expect(a[1].kernel).not.toEqual(a[0].kernel);
    expect(a.every(({ bias }) => bias.every((v) => v === 0))).toBe(true);
    const limit = Math.sqrt(6 / (9 + 9)); // fan_in = fan_out = 3 * 3 * 1
    expect(Math.max(...a[0].kernel.map(Math.abs))).toBeLessThanOrEqual(limit);
  });

  it('refuses weights that do not fit, naming the layer', () => {
    const model = randomLayerModel(runLayers({ hiddenUnits: [16], activation: 'relu' }), 8);
    const built = buildTfModel(tf, model.layers, { seed: 1 });
    expect(() => writeTfWeights(tf, built, model.weights.slice(1))).toThrow('the model has 2 layers with weights but 1 weight sets');
    const broken = model.weights.map((w, i) => (i === 0 ? { ...w, kernel: w.kernel.subarray(1) } : w));
    expect(() => writeTfWeights(tf, built, broken)).toThrow('layer dense: expected kernel 784x16 and bias 16, got 12543 and 16 values');
    built.dispose();
  });

  it('draws a new dropout mask for every training batch, the same ones for the same seeds, and none at inference', () => {
    const layers: LayerSpec[] = [
      { type: 'InputLayer', name: 'input_layer', shape: [784] },
      { type: 'Dropout', name: 'dropout', rate: 0.5 },
      { type: 'Dense', name: 'dense', units: 10, activation: 'softmax' },
    ];
    const masks = (seed: number): number[][] => {
      const random = createRng(seed);
      const model = buildTfModel(tf, layers, { seed: 1, dropoutSeeds: () => Math.floor(random() * 2 ** 31) });
      const dropout = model.getLayer('dropout');
      const ones = tf.ones([1, 784]);
      const drawn = [1, 2, 3].map(() => tf.tidy(() => Array.from((dropout.apply(ones, { training: true }) as tf.Tensor).dataSync())));
      expect(Array.from((dropout.apply(ones) as tf.Tensor).dataSync())).toEqual(Array(784).fill(1));
      tf.dispose([ones]);
      model.dispose();
      return drawn;
    };
    const [first, second, third] = masks(1);
    expect(new Set(first)).toEqual(new Set([0, 2])); // Keras' inverted dropout: kept values scaled by 1 / (1 - rate)
    expect(first).not.toEqual(second);
    expect(second).not.toEqual(third);
    expect(masks(1)).toEqual([first, second, third]);
  });
});
