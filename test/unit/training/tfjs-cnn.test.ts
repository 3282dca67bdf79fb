/**
 * CNNs on the tfjs backends: trainWithTfjs trains a run's Conv2D network under the shared fit loop (cpu here; native
 * TensorFlow where it loads), hands back its weights in the Keras layout (the app's own forward pass on the returned
 * LayerModel gives tfjs' probabilities), and tfjs' WebAssembly backend, which cannot train convolutions, is refused
 * up front.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { KERAS_CNN, runLayers } from '../../../src/core/api/architecture';
import { summarizeLayers } from '../../../src/core/api/layer-model';
import { CNN, KERAS_TUTORIAL, type TrainConfig } from '../../../src/core/api/train-config';
import type { TrainingEvent } from '../../../src/core/api/training-events';
import { loadMnist, type Mnist } from '../../../src/core/dataset';
import { createPredictor } from '../../../src/core/inference/forward';
import { loadBackend } from '../../../src/core/tfjs/load';
import { buildTfModel, inputBatch, writeTfWeights } from '../../../src/core/tfjs/model';
import { loadTrainingBackend } from '../../../src/core/training/backend';
import { sliceSet, splitForTraining } from '../../../src/core/training/training-data';
import { trainWithTfjs } from '../../../src/core/training/tfjs-trainer';

let mnist: Mnist;
beforeAll(async () => {
  mnist = await loadMnist();
});

/** One Conv2D(4) + MaxPool block, Dropout 0.5, Dense 10: 6,810 parameters, a few seconds on tfjs' plain-JS backend. */
const TINY_CNN: TrainConfig = { ...CNN, epochs: 1, limit: 256, batchSize: 32, learningRate: 0.01, cnn: { ...KERAS_CNN, filters: [4] }, backend: 'cpu' };

async function train(config: TrainConfig) {
  const events: TrainingEvent[] = [];
  const data = { ...splitForTraining(mnist.train, config.validationSplit, config.limit), test: sliceSet(mnist.test, 0, 200) };
  const outcome = await trainWithTfjs(await loadBackend('cpu'), config, data, { emit: (e) => events.push(e), shouldStop: () => false });
  return { events, outcome };
}

describe('CNN training on tfjs', () => {
  it('trains a small CNN on the cpu backend with the usual events and Keras-layout weights the app runs as tfjs does', async () => {
    const { events, outcome } = await train(TINY_CNN);
    const kinds = events.map((e) => e.event);
    expect(kinds[0]).toBe('start');
    expect(kinds).toContain('batch');
    expect(kinds.slice(-2)).toEqual(['epoch', 'done']);
    expect(events.every((e) => e.backend === 'cpu')).toBe(true);
    const start = events[0] as Extract<TrainingEvent, { event: 'start' }>;
    expect(start).toMatchObject({ train_samples: 204, val_samples: 52, params: 4 * 9 + 4 + 13 * 13 * 4 * 10 + 10 });
    const batches = events.filter((e) => e.event === 'batch');
    expect(batches.at(-1)).toMatchObject({ epoch: 1, batch: 7, batches: 7 });
    const done = events.at(-1) as Extract<TrainingEvent, { event: 'done' }>;
    expect(done).toMatchObject({ stopped: 'completed', epochs_completed: 1 });
    expect(done.test_accuracy).toBeGreaterThan(0.3); // one epoch of 204 images (Adam 0.01): well above chance (0.1)

    const model = outcome.model!;
    expect(model.layers).toEqual(runLayers(TINY_CNN));
    const kernelShapes = summarizeLayers(model.layers).flatMap((row) => (row.kernelShape ? [row.kernelShape] : []));
    expect(kernelShapes).toEqual([[3, 3, 1, 4], [676, 10]]);
    expect(model.weights.map((w) => [w.kernel.length, w.bias.length])).toEqual([[36, 4], [6760, 10]]);

    const n = 20;
    const x = new Float32Array(n * 784).map((_, i) => mnist.test.pixels[i] / 255);
    const tfModel = buildTfModel(tf, model.layers, { seed: 0 });
    writeTfWeights(tf, tfModel, model.weights);
    const expected = tf.tidy(() => (tfModel.predict(inputBatch(tf, tfModel, x, n)) as tf.Tensor).dataSync() as Float32Array);
    tfModel.dispose();
    const predict = createPredictor(model);
    for (let i = 0; i < n; i++) {
      const probabilities = predict(x.subarray(i * 784, (i + 1) * 784));
      probabilities.forEach((p, j) => expect(Math.abs(p - expected[i * 10 + j])).toBeLessThan(1e-5));
    }
  });

  it('gives the same run for the same seed (shuffles, Glorot kernels and dropout masks all seeded)', async () => {
    const config = { ...TINY_CNN, limit: 96 };
    const losses = async () => (await train(config)).events.flatMap((e) => (e.event === 'epoch' ? [e.loss, e.val_loss] : []));
    expect(await losses()).toEqual(await losses());
  });

  it("refuses a CNN on tfjs' WebAssembly backend up front in one line, and 'auto' never picks it for a CNN", async () => {
    const message = /^TensorFlow\.js WebAssembly cannot train convolutional networks \(layer conv2d is a Conv2D; it has no Conv2DBackpropFilter kernel\): choose another backend$/;
    await expect(loadTrainingBackend({ ...TINY_CNN, backend: 'wasm' })).rejects.toThrow(message);
    await expect(trainWithTfjs(await loadBackend('wasm'), TINY_CNN, { ...splitForTraining(mnist.train, 0.2, 64), test: sliceSet(mnist.test, 0, 10) }, { emit: () => undefined, shouldStop: () => false })).rejects.toThrow(message);
    // With no native TensorFlow and the engine out of reach (too much memory), 'auto' goes past wasm to plain JS.
    const noNative = () => Promise.reject(new Error('not installed'));
    expect((await loadTrainingBackend({ ...TINY_CNN, batchSize: 60_000, backend: 'auto' }, { importModule: noNative })).name).toBe('cpu');
    // A Dense stack still trains on wasm.
    expect((await loadTrainingBackend({ ...KERAS_TUTORIAL, backend: 'wasm' })).name).toBe('wasm');
  });
});
