/**
 * The engine's convolutional networks against independent references: central finite differences of the loss
 * computed by the app's plain-JavaScript forward pass (src/core/inference), and a tfjs-layers model on tfjs' cpu
 * backend (conv2d, pooling, dense written here, not the app's tfjs code) given the same weights and batches.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LayerSpec } from '../../../src/core/api/layer-model';
import type { Activation, DenseWeights, OptimizerName } from '../../../src/core/api/model-spec';
import { loadMnist, type DigitSet } from '../../../src/core/dataset';
import { createPredictor } from '../../../src/core/inference/forward';
import { glorotUniform } from '../../../src/core/training/engine/init';
import { EngineNetwork } from '../../../src/core/training/engine/network';
import { createSharedMemory, loadEngine, loadSharedEngine, type EngineRuntime } from '../../../src/core/training/engine/runtime';
import { WorkerPair } from '../../../src/core/training/engine/worker-pair';
import { createRng, shuffleInPlace } from '../../../src/core/training/rng';
import { sliceSet } from '../../../src/core/training/training-data';

let runtime: EngineRuntime;
let images: DigitSet;

beforeAll(async () => {
  runtime = await loadEngine('simd');
  images = sliceSet((await loadMnist()).train, 0, 600);
  await tf.setBackend('cpu');
});

const input: LayerSpec = { type: 'InputLayer', name: 'input_layer', shape: [28, 28, 1] };
const conv = (name: string, filters: number, size: number, padding: 'valid' | 'same', activation: Activation): LayerSpec => ({ type: 'Conv2D', name, filters, kernelSize: [size, size], padding, activation });
const pool = (type: 'MaxPooling2D' | 'AveragePooling2D', name: string, size: number, stride: number, padding: 'valid' | 'same' = 'valid'): LayerSpec => ({ type, name, poolSize: [size, size], strides: [stride, stride], padding });
const dense = (name: string, units: number, activation: Activation): LayerSpec => ({ type: 'Dense', name, units, activation });
const flatten: LayerSpec = { type: 'Flatten', name: 'flatten' };

/** Mean cross-entropy of samples by the app's forward pass (float64 sums over float32 layers). */
function jsLoss(layers: LayerSpec[], weights: DenseWeights[], set: DigitSet, samples: number[]): number {
  const predict = createPredictor({ layers, weights });
  let loss = 0;
  for (const s of samples) {
    const probs = predict(Array.from(set.pixels.subarray(s * 784, (s + 1) * 784), (p) => p / 255));
    loss -= Math.log(probs[set.labels[s]]);
  }
  return loss / samples.length;
}

const SAMPLES = [3, 14, 15]; // an odd batch: the engine pads it to an even row count

/** Initial weights (biases nonzero so that their gradients are tested away from zero) and the engine's gradient of the loss on SAMPLES. */
function engineGradient(layers: LayerSpec[]): { start: DenseWeights[]; gradient: DenseWeights[]; loss: number } {
  const net = new EngineNetwork(runtime, layers, SAMPLES.length, { optimizer: 'sgd', learningRate: 1, momentum: 0 }, [images]);
  const start = glorotUniform(layers, 7).map((w) => ({ kernel: w.kernel, bias: w.bias.map((_, i) => 0.05 * Math.sin(i + 1)) }));
  net.setWeights(start);
  net.order(0).set(SAMPLES);
  const loss = net.step(0, 0, SAMPLES.length).loss;
  // Plain SGD with learning rate 1: the update is exactly minus the gradient.
  const gradient = net.getWeights().map((w, l) => ({ kernel: start[l].kernel.map((v, i) => v - w.kernel[i]), bias: start[l].bias.map((v, i) => v - w.bias[i]) }));
  return { start, gradient, loss };
}

describe('engine CNN gradients', () => {
  // Smooth networks only: max pooling and relu have kinks (ties among the background's equal values) that finite differences trip over.
  it.each([
    {
      what: 'Conv2D same tanh, AveragePooling2D 3x3/2, Conv2D 5x5 valid sigmoid, AveragePooling2D same, Dense tanh',
      layers: [input, conv('c1', 3, 3, 'same', 'tanh'), pool('AveragePooling2D', 'p1', 3, 2), conv('c2', 5, 5, 'valid', 'sigmoid'), pool('AveragePooling2D', 'p2', 2, 2, 'same'), flatten, dense('d1', 6, 'tanh'), dense('d2', 10, 'softmax')],
    },
    {
      what: 'Conv2D valid linear with 17 filters (stored 32 wide), AveragePooling2D 2x2, Conv2D tanh',
      layers: [input, conv('c1', 17, 3, 'valid', 'linear'), pool('AveragePooling2D', 'p1', 2, 2), conv('c2', 4, 3, 'valid', 'tanh'), flatten, dense('d1', 10, 'softmax')],
    },
  ])('match central finite differences of the loss: $what', ({ layers }) => {
    const { start, gradient, loss } = engineGradient(layers);
    expect(loss).toBeCloseTo(jsLoss(layers, start, images, SAMPLES), 5);
    const random = createRng(3);
    start.forEach((layer, l) => {
      for (const part of ['kernel', 'bias'] as const) {
        for (let probe = 0; probe < 12; probe++) {
          const i = Math.floor(random() * layer[part].length);
          const engine = gradient[l][part][i];
          const nudged = (delta: number): number => {
            const weights = start.map((w) => ({ kernel: w.kernel.slice(), bias: w.bias.slice() }));
            weights[l][part][i] += delta;
            return jsLoss(layers, weights, images, SAMPLES);
          };
          const h = 1e-3;
          const numeric = (nudged(h) - nudged(-h)) / (2 * h);
          expect(Math.abs(engine - numeric), `layer ${l + 1} ${part}[${i}]: engine ${engine}, numeric ${numeric}`).toBeLessThan(2e-4 + 0.02 * Math.abs(numeric));
        }
      }
    });
  });

  /** The gradient of the mean cross-entropy by tfjs' autodiff (tf.grads over tf.conv2d, tf.maxPool, ...), per weight array. */
  function tfGradient(layers: LayerSpec[], start: DenseWeights[]): Float32Array[] {
    const [x, y] = tfBatch(images, SAMPLES);
    const grads = tf.grads((...weights: tf.Tensor[]) => {
      let t = x;
      let w = 0;
      let channels = 1;
      for (const l of layers) {
        if (l.type === 'Conv2D') {
          t = tf.conv2d(t as tf.Tensor4D, weights[w].reshape([...l.kernelSize, channels, l.filters]) as tf.Tensor4D, 1, l.padding).add(weights[w + 1]);
          if (l.activation === 'relu') t = t.relu();
          [w, channels] = [w + 2, l.filters];
        } else if (l.type === 'MaxPooling2D') t = tf.maxPool(t as tf.Tensor4D, l.poolSize, l.strides, l.padding);
        else if (l.type === 'Flatten') t = t.reshape([SAMPLES.length, -1]);
        else if (l.type === 'Dense') {
          t = t.matMul(weights[w].reshape([-1, l.units])).add(weights[w + 1]);
          w += 2;
        }
      }
      return tf.losses.softmaxCrossEntropy(y, t);
    });
    const result = grads(start.flatMap((w) => [tf.tensor(w.kernel), tf.tensor(w.bias)])).map((g) => g.dataSync() as Float32Array);
    tf.dispose([x, y]);
    return result;
  }

  it.each([
    { what: 'MaxPooling2D 2x2 after relu, then 3x3/2 overlapping windows', layers: [input, conv('c1', 3, 3, 'valid', 'relu'), pool('MaxPooling2D', 'p1', 2, 2), conv('c2', 4, 3, 'valid', 'relu'), pool('MaxPooling2D', 'p2', 3, 2), flatten, dense('d', 10, 'softmax')] },
    { what: 'MaxPooling2D 3x3/2 straight on the input image (one channel)', layers: [input, pool('MaxPooling2D', 'p0', 3, 2), conv('c1', 3, 3, 'valid', 'relu'), pool('MaxPooling2D', 'p1', 2, 2), flatten, dense('d', 10, 'softmax')] },
    { what: "MaxPooling2D 2x2 'same' on an odd size, Conv2D same", layers: [input, conv('c1', 2, 3, 'same', 'linear'), conv('c2', 3, 3, 'valid', 'relu'), pool('MaxPooling2D', 'p', 2, 2, 'same'), flatten, dense('d', 10, 'softmax')] },
  ])("equal tfjs' autodiff where finite differences cannot go: $what", ({ layers }) => {
    const { start, gradient } = engineGradient(layers);
    const reference = tfGradient(layers, start);
    gradient.forEach((layer, l) => {
      const scale = Math.max(...reference[2 * l].map(Math.abs));
      const worst = Math.max(...layer.kernel.map((g, i) => Math.abs(g - reference[2 * l][i])), ...layer.bias.map((g, i) => Math.abs(g - reference[2 * l + 1][i])));
      expect(worst, `layer ${l + 1} (largest kernel gradient ${scale})`).toBeLessThan(1e-6 + 1e-5 * scale);
    });
  });
});

/** The same network in tfjs-layers, built here, with the given weights; logits out (softmax in the loss). */
function tfModel(layers: LayerSpec[], weights: DenseWeights[], optimizer: tf.Optimizer): tf.Sequential {
  const model = tf.sequential();
  let w = 0;
  const weighted = (layer: tf.layers.Layer, shape: number[]): void => {
    model.add(layer);
    layer.setWeights([tf.tensor(weights[w].kernel, shape), tf.tensor(weights[w].bias)]);
    w++;
  };
  let channels = 1;
  let flat = 0;
  for (const spec of layers) {
    const first = model.layers.length === 0 ? { inputShape: [28, 28, 1] } : {};
    if (spec.type === 'Conv2D') {
      const activation = spec.activation === 'softmax' ? 'linear' : spec.activation;
      weighted(tf.layers.conv2d({ ...first, filters: spec.filters, kernelSize: spec.kernelSize, padding: spec.padding, activation }), [...spec.kernelSize, channels, spec.filters]);
      channels = spec.filters;
    } else if (spec.type === 'MaxPooling2D') model.add(tf.layers.maxPooling2d({ poolSize: spec.poolSize, strides: spec.strides, padding: spec.padding }));
    else if (spec.type === 'Flatten') {
      model.add(tf.layers.flatten());
      flat = model.outputs[0].shape[1] as number;
    } else if (spec.type === 'Dense') {
      const activation = spec.activation === 'softmax' ? 'linear' : spec.activation;
      weighted(tf.layers.dense({ units: spec.units, activation }), [flat, spec.units]);
      flat = spec.units;
    }
  }
  model.compile({ optimizer, loss: (labels: tf.Tensor, logits: tf.Tensor) => tf.losses.softmaxCrossEntropy(labels, logits) });
  return model;
}

function tfBatch(set: DigitSet, samples: ArrayLike<number>): [tf.Tensor, tf.Tensor] {
  const x = new Float32Array(samples.length * 784);
  const y = new Float32Array(samples.length * 10);
  for (let i = 0; i < samples.length; i++) {
    for (let p = 0; p < 784; p++) x[i * 784 + p] = set.pixels[samples[i] * 784 + p] / 255;
    y[i * 10 + set.labels[samples[i]]] = 1;
  }
  return [tf.tensor4d(x, [samples.length, 28, 28, 1]), tf.tensor2d(y, [samples.length, 10])];
}

const OPTIMIZERS: Record<OptimizerName, (lr: number) => tf.Optimizer> = {
  sgd: (lr) => tf.train.sgd(lr),
  momentum: (lr) => tf.train.momentum(lr, 0.9),
  adam: (lr) => tf.train.adam(lr, 0.9, 0.999, 1e-7),
};

describe('engine CNN vs tfjs-layers (cpu backend; same initial weights, same batches)', () => {
  // keras.io's mnist_convnet, narrower (4 and 8 filters) so that tfjs' cpu backend runs 20 steps in seconds, without Dropout.
  const layers = [input, conv('conv2d', 4, 3, 'valid', 'relu'), pool('MaxPooling2D', 'max_pooling2d', 2, 2), conv('conv2d_1', 8, 3, 'valid', 'relu'), pool('MaxPooling2D', 'max_pooling2d_1', 2, 2), flatten, dense('dense', 10, 'softmax')];
  it.each([
    { optimizer: 'sgd' as const, learningRate: 0.05, batch: 16 },
    { optimizer: 'momentum' as const, learningRate: 0.01, batch: 15 },
    { optimizer: 'adam' as const, learningRate: 0.001, batch: 16 },
  ])('$optimizer, batch $batch: 20 losses within 1e-4', async ({ optimizer, learningRate, batch }) => {
    const net = new EngineNetwork(runtime, layers, batch, { optimizer, learningRate, momentum: 0.9 }, [images]);
    net.setWeights(glorotUniform(layers, 11));
    const model = tfModel(layers, net.getWeights(), OPTIMIZERS[optimizer](learningRate));
    const order = net.order(0);
    shuffleInPlace(order, createRng(2));
    for (let step = 0; step < 20; step++) {
      const start = step * batch;
      const engineLoss = net.step(0, start, batch).loss;
      const [xs, ys] = tfBatch(images, order.subarray(start, start + batch));
      const tfLoss = (await model.trainOnBatch(xs, ys)) as number;
      tf.dispose([xs, ys]);
      expect(Math.abs(engineLoss - tfLoss), `step ${step + 1}: engine ${engineLoss}, tfjs ${tfLoss}`).toBeLessThan(1e-4);
    }
    model.dispose();
  });
});

describe('engine CNN: dropout and two workers', () => {
  const keras = (rate: number): LayerSpec[] => [input, conv('conv2d', 8, 3, 'valid', 'relu'), pool('MaxPooling2D', 'max_pooling2d', 2, 2), conv('conv2d_1', 16, 3, 'valid', 'relu'), pool('MaxPooling2D', 'max_pooling2d_1', 2, 2), flatten, ...(rate > 0 ? [{ type: 'Dropout', name: 'dropout', rate } as LayerSpec] : []), dense('dense', 10, 'softmax')];
  const settings = { optimizer: 'adam' as const, learningRate: 0.001, momentum: 0 };

  function trained(layers: LayerSpec[], seed: number): { net: EngineNetwork; losses: number[] } {
    const net = new EngineNetwork(runtime, layers, 32, settings, [images], undefined, seed);
    net.setWeights(glorotUniform(layers, 1));
    return { net, losses: Array.from({ length: 6 }, (_, step) => net.step(0, step * 32, 32).loss) };
  }

  it('Dropout trains with a seeded mask (same seed, same run; another seed, another run) and is off in evaluation', () => {
    const layers = keras(0.5);
    const [a, b, c] = [trained(layers, 4), trained(layers, 4), trained(layers, 5)];
    expect(a.losses).toEqual(b.losses);
    expect(a.losses).not.toEqual(c.losses);
    const first = a.net.evaluate(0);
    expect(a.net.evaluate(0)).toEqual(first);
    // Evaluation is the plain forward pass of the same weights: no mask, no scaling.
    const weights = a.net.getWeights();
    expect(first.loss).toBeCloseTo(jsLoss(layers, weights, images, Array.from({ length: images.count }, (_, i) => i)), 4);
  });

  it('two workers splitting each batch train as one thread does (losses, hits and weights within rounding)', async () => {
    const layers = keras(0);
    const shared = await loadSharedEngine(runtime);
    const memory = createSharedMemory();
    const two = new EngineNetwork(shared, layers, 32, settings, [images], memory);
    const pair = await WorkerPair.start(two, shared, memory, 0);
    try {
      const one = new EngineNetwork(runtime, layers, 32, settings, [images]);
      for (const net of [one, two]) net.setWeights(glorotUniform(layers, 1));
      for (let step = 0; step < 8; step++) {
        const expected = one.step(0, step * 32, 31);
        const actual = pair.step(step * 32, 31);
        expect(Math.abs(actual.loss - expected.loss) / expected.loss, `step ${step + 1}`).toBeLessThan(1e-5);
        expect(actual.correct).toBe(expected.correct);
      }
      const [a, b] = [one.getWeights(), two.getWeights()];
      a.forEach((layer, l) => expect(Math.max(...layer.kernel.map((v, i) => Math.abs(v - b[l].kernel[i])))).toBeLessThan(1e-5));
      expect(pair.evaluate(0).accuracy).toBe(one.evaluate(0).accuracy);
    } finally {
      await pair.close();
    }
  });
});
