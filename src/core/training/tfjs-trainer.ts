import type { LayersModel, Optimizer, Tensor2D } from '@tensorflow/tfjs';
import { runLayers } from '../api/architecture';
import { BACKEND_LABELS } from '../api/backends';
import type { LayerSpec } from '../api/layer-model';
import { INPUT_SIZE, NUM_CLASSES } from '../api/model-spec';
import type { TrainConfig } from '../api/train-config';
import type { DigitSet } from '../dataset';
import { BackendUnavailableError, type LoadedBackend, type Tf, type TfBackendName } from '../tfjs/load';
import { buildTfModel, inputBatch, readTfWeights, writeTfWeights } from '../tfjs/model';
import { fitLoop, type Stepper, type TrainerHooks, type TrainOutcome } from './fit-loop';
import { createRng } from './rng';
import { readTfOptimizerState, writeTfOptimizerState } from './tfjs-optimizer-state';
import { fillBatch, identityOrder, type TrainingSplit } from './training-data';

const EVAL_CHUNK = 2000;

/**
 * Why a tfjs backend cannot train these layers, or null when it can: tfjs' WebAssembly backend has no
 * Conv2DBackpropFilter kernel, so it cannot train a convolution.
 */
export function tfjsGap(name: TfBackendName, layers: readonly LayerSpec[]): string | null {
  const conv = layers.find((layer) => layer.type === 'Conv2D');
  if (name !== 'wasm' || !conv) return null;
  return `${BACKEND_LABELS.wasm} cannot train convolutional networks (layer ${conv.name} is a Conv2D; it has no Conv2DBackpropFilter kernel): choose another backend`;
}

function createOptimizer(tf: Tf, config: TrainConfig): Optimizer {
  switch (config.optimizer) {
    case 'sgd':
      return tf.train.sgd(config.learningRate);
    case 'momentum':
      return tf.train.momentum(config.learningRate, config.momentum);
    case 'adam':
      return tf.train.adam(config.learningRate, 0.9, 0.999, 1e-7);
  }
}

/** The run's layers as a tfjs model with logits out, compiled with the run's optimizer and softmax cross-entropy. */
export function compiledTfModel(tf: Tf, layers: readonly LayerSpec[], config: TrainConfig): LayersModel {
  // Dropout masks from their own stream, so that they do not shift the fit loop's shuffles.
  const dropoutRandom = createRng(config.seed ^ 0x5bd1e995);
  const model = buildTfModel(tf, layers, { seed: config.seed, logits: true, dropoutSeeds: () => Math.floor(dropoutRandom() * 2 ** 31) });
  model.compile({
    optimizer: createOptimizer(tf, config),
    loss: (labels, logits) => tf.losses.softmaxCrossEntropy(labels, logits),
    metrics: ['accuracy'],
  });
  return model;
}

/** Mean categorical cross-entropy and accuracy, for a model that outputs logits, on a whole set. */
export async function evaluateTf(tf: Tf, model: LayersModel, set: DigitSet): Promise<{ loss: number; accuracy: number }> {
  const order = identityOrder(set.count);
  const x = new Float32Array(EVAL_CHUNK * INPUT_SIZE);
  const y = new Float32Array(EVAL_CHUNK * NUM_CLASSES);
  let loss = 0;
  let correct = 0;
  for (let start = 0; start < set.count; start += EVAL_CHUNK) {
    const n = fillBatch(set, order, start, Math.min(start + EVAL_CHUNK, set.count), x, y);
    const [lossSum, hits] = tf.tidy(() => {
      const xs = inputBatch(tf, model, x, n);
      const ys = tf.tensor2d(y.subarray(0, n * NUM_CLASSES), [n, NUM_CLASSES]);
      const logits = model.predict(xs) as Tensor2D;
      const perSample = ys.mul(tf.logSoftmax(logits)).sum(1).neg();
      const match = logits.argMax(1).equal(ys.argMax(1)).sum();
      return [perSample.sum().dataSync()[0], match.dataSync()[0]];
    });
    loss += lossSum;
    correct += hits;
  }
  return { loss: loss / set.count, accuracy: correct / set.count };
}

/** Trains the run's layers (a Dense stack or a CNN) with tfjs on the given backend under the shared fit loop. */
export async function trainWithTfjs(
  backend: LoadedBackend,
  config: TrainConfig,
  data: TrainingSplit & { test: DigitSet },
  hooks: TrainerHooks,
): Promise<TrainOutcome> {
  const { tf, name } = backend;
  const layers = runLayers(config);
  const gap = tfjsGap(name, layers);
  if (gap) throw new BackendUnavailableError(gap);
  const model = compiledTfModel(tf, layers, config);
  const { train, validation, test } = data;
  let trainSet = train; // a private copy once augmented images arrive: train's pixels are the dataset's
  const x = new Float32Array(config.batchSize * INPUT_SIZE);
  const y = new Float32Array(config.batchSize * NUM_CLASSES);
  const stepper: Stepper = {
    order: identityOrder(train.count),
    async step(start, n) {
      fillBatch(trainSet, this.order, start, start + n, x, y);
      const xs = inputBatch(tf, model, x, n);
      const ys = tf.tensor2d(y.subarray(0, n * NUM_CLASSES), [n, NUM_CLASSES]);
      const [loss, accuracy] = (await model.trainOnBatch(xs, ys)) as number[];
      tf.dispose([xs, ys]);
      return { loss, correct: Math.round(accuracy * n) };
    },
    evaluate: (set) => evaluateTf(tf, model, set === 'test' ? test : validation!),
    getWeights: () => readTfWeights(model),
    setWeights: (weights) => writeTfWeights(tf, model, weights),
    replaceTrainPixels(pixels) {
      if (pixels.length !== train.pixels.length) throw new RangeError(`${pixels.length} training pixels, expected ${train.pixels.length}`);
      if (trainSet === train) trainSet = { ...train, pixels: new Uint8Array(pixels.length) };
      trainSet.pixels.set(pixels);
    },
  };
  try {
    if (hooks.continueFrom) await writeTfOptimizerState(tf, model, hooks.continueFrom.optimizer, readTfWeights(model));
    const outcome = await fitLoop(name, config, layers, data, stepper, hooks);
    const optimizer = outcome.final.event === 'done' ? await readTfOptimizerState(model, config.optimizer, readTfWeights(model)) : null;
    return { ...outcome, optimizer };
  } finally {
    model.dispose();
  }
}
