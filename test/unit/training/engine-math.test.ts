/**
 * The engine's math against independent references: a tfjs model (cpu backend) given the engine's initial
 * weights and batch order, and finite differences of the engine's own loss.
 */
import { denseLayers } from '../../../src/core/api/layer-model';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { INPUT_SIZE, mlpSpec, type DenseWeights, type HiddenActivation, type ModelSpec, type OptimizerName } from '../../../src/core/api/model-spec';
import { loadMnist, type DigitSet } from '../../../src/core/dataset';
import { glorotUniform } from '../../../src/core/training/engine/init';
import { EngineNetwork } from '../../../src/core/training/engine/network';
import { loadEngine, type EngineRuntime } from '../../../src/core/training/engine/runtime';
import { createRng, shuffleInPlace } from '../../../src/core/training/rng';
import { sliceSet } from '../../../src/core/training/training-data';

let runtime: EngineRuntime;
let images: DigitSet;

beforeAll(async () => {
  runtime = await loadEngine('simd');
  images = sliceSet((await loadMnist()).train, 0, 1000);
  await tf.setBackend('cpu');
});

interface Case {
  hidden: number[];
  activation: HiddenActivation;
  optimizer: OptimizerName;
  learningRate: number;
  batchSize: number;
}

function tfOptimizer(c: Case): tf.Optimizer {
  if (c.optimizer === 'sgd') return tf.train.sgd(c.learningRate);
  if (c.optimizer === 'momentum') return tf.train.momentum(c.learningRate, 0.9);
  return tf.train.adam(c.learningRate, 0.9, 0.999, 1e-7);
}

/** The same network in tfjs, from the given weights: Dense layers, logits out, softmax cross-entropy. */
function tfModel(spec: ModelSpec, weights: DenseWeights[], c: Case): tf.Sequential {
  const model = tf.sequential();
  let inputs = spec.inputSize;
  spec.layers.forEach((layer, i) => {
    const last = i === spec.layers.length - 1;
    model.add(tf.layers.dense({ units: layer.units, activation: last ? 'linear' : layer.activation, inputShape: i === 0 ? [inputs] : undefined }));
    model.layers[i].setWeights([tf.tensor2d(weights[i].kernel, [inputs, layer.units]), tf.tensor1d(weights[i].bias)]);
    inputs = layer.units;
  });
  model.compile({ optimizer: tfOptimizer(c), loss: (labels: tf.Tensor, logits: tf.Tensor) => tf.losses.softmaxCrossEntropy(labels, logits) });
  return model;
}

function tfBatch(set: DigitSet, samples: ArrayLike<number>): [tf.Tensor2D, tf.Tensor2D] {
  const x = new Float32Array(samples.length * INPUT_SIZE);
  const y = new Float32Array(samples.length * 10);
  for (let i = 0; i < samples.length; i++) {
    for (let p = 0; p < INPUT_SIZE; p++) x[i * INPUT_SIZE + p] = set.pixels[samples[i] * INPUT_SIZE + p] / 255;
    y[i * 10 + set.labels[samples[i]]] = 1;
  }
  return [tf.tensor2d(x, [samples.length, INPUT_SIZE]), tf.tensor2d(y, [samples.length, 10])];
}

const maxAbsDiff = (a: Float32Array, b: Float32Array): number => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

describe('engine vs tfjs (same initial weights, same batch order)', () => {
  const cases: Case[] = [
    { hidden: [128, 128], activation: 'relu', optimizer: 'sgd', learningRate: 0.01, batchSize: 64 },
    { hidden: [37, 19], activation: 'tanh', optimizer: 'momentum', learningRate: 0.05, batchSize: 33 },
    { hidden: [24], activation: 'sigmoid', optimizer: 'adam', learningRate: 0.001, batchSize: 50 },
    { hidden: [20, 16], activation: 'linear', optimizer: 'adam', learningRate: 0.003, batchSize: 7 },
  ];

  it.each(cases)('$hidden $activation $optimizer, batch $batchSize: the first 12 losses and the weights agree', async (c) => {
    const spec = mlpSpec(c.hidden, c.activation);
    const net = new EngineNetwork(runtime, denseLayers(spec), c.batchSize, { optimizer: c.optimizer, learningRate: c.learningRate, momentum: 0.9 }, [images]);
    net.setWeights(glorotUniform(denseLayers(spec), 5));
    const model = tfModel(spec, net.getWeights(), c);
    const order = net.order(0);
    shuffleInPlace(order, createRng(5));
    for (let step = 0; step < 12; step++) {
      const start = step * c.batchSize;
      const engineLoss = net.step(0, start, c.batchSize).loss;
      const [xs, ys] = tfBatch(images, order.subarray(start, start + c.batchSize));
      const tfLoss = (await model.trainOnBatch(xs, ys)) as number;
      tf.dispose([xs, ys]);
      expect(Math.abs(engineLoss - tfLoss) / tfLoss, `step ${step + 1}: engine ${engineLoss}, tfjs ${tfLoss}`).toBeLessThan(1e-5);
    }
    const engineWeights = net.getWeights();
    model.layers.forEach((layer, i) => {
      const [kernel, bias] = layer.getWeights().map((t) => t.dataSync() as Float32Array);
      expect(maxAbsDiff(engineWeights[i].kernel, kernel)).toBeLessThan(1e-5);
      expect(maxAbsDiff(engineWeights[i].bias, bias)).toBeLessThan(1e-5);
    });
    model.dispose();
  });

  it('evaluation agrees with tfjs predictions on 1,000 images', () => {
    const spec = mlpSpec([64], 'relu');
    const net = new EngineNetwork(runtime, denseLayers(spec), 32, { optimizer: 'sgd', learningRate: 0.1, momentum: 0 }, [images]);
    net.setWeights(glorotUniform(denseLayers(spec), 9));
    for (let step = 0; step < 20; step++) net.step(0, step * 32, 32);
    const model = tfModel(spec, net.getWeights(), cases[0]);
    const [xs, ys] = tfBatch(images, net.order(0));
    const logits = model.predict(xs) as tf.Tensor2D;
    const loss = tf.losses.softmaxCrossEntropy(ys, logits).dataSync()[0];
    const accuracy = logits.argMax(1).equal(ys.argMax(1)).mean().dataSync()[0];
    const engine = net.evaluate(0);
    expect(engine.loss).toBeCloseTo(loss, 5);
    expect(engine.accuracy).toBeCloseTo(accuracy, 6);
    tf.dispose([xs, ys, logits]);
    model.dispose();
  });
});

describe('engine gradients', () => {
  it('match central finite differences of the loss on a tiny network (every hidden activation but relu, odd sizes)', () => {
    const spec: ModelSpec = {
      inputSize: 7,
      layers: [
        { units: 5, activation: 'tanh' },
        { units: 4, activation: 'sigmoid' },
        { units: 3, activation: 'linear' },
        { units: 3, activation: 'softmax' },
      ],
    };
    const random = createRng(21);
    const count = 5;
    const pixels = Uint8Array.from({ length: count * 7 }, () => (random() < 0.3 ? 0 : Math.floor(random() * 256)));
    const set: DigitSet = { count, rows: 1, cols: 7, pixels, labels: Uint8Array.from([0, 2, 1, 2, 0]) };
    // Plain SGD with learning rate 1: the update is exactly minus the gradient.
    const net = new EngineNetwork(runtime, denseLayers(spec), count, { optimizer: 'sgd', learningRate: 1, momentum: 0 }, [set]);
    const start = glorotUniform(denseLayers(spec), 3);
    net.setWeights(start);
    net.step(0, 0, count);
    const after = net.getWeights();
    const h = 3e-3;
    const lossWith = (layer: number, which: 'kernel' | 'bias', index: number, delta: number): number => {
      const weights = start.map((w) => ({ kernel: w.kernel.slice(), bias: w.bias.slice() }));
      weights[layer][which][index] += delta;
      net.setWeights(weights);
      return net.evaluate(0).loss;
    };
    let checked = 0;
    start.forEach((w, layer) => {
      for (const which of ['kernel', 'bias'] as const) {
        for (let index = 0; index < w[which].length; index++) {
          const gradient = w[which][index] - after[layer][which][index];
          const numeric = (lossWith(layer, which, index, h) - lossWith(layer, which, index, -h)) / (2 * h);
          expect(Math.abs(gradient - numeric), `layer ${layer} ${which}[${index}]: ${gradient} vs ${numeric}`).toBeLessThan(2e-4 + 1e-2 * Math.abs(numeric));
          checked++;
        }
      }
    });
    expect(checked).toBe(7 * 5 + 5 + 5 * 4 + 4 + 4 * 3 + 3 + 3 * 3 + 3);
  });
});
