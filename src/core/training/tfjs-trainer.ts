import type { LayersModel, Optimizer, Tensor2D } from '@tensorflow/tfjs';
import { runLayers } from '../api/architecture';
import { denseStackOf } from '../api/layer-model';
import { INPUT_SIZE, NUM_CLASSES } from '../api/model-spec';
import type { TrainConfig } from '../api/train-config';
import type { DigitSet } from '../dataset';
import type { LoadedBackend, Tf } from '../tfjs/load';
import { buildTfModel, readTfWeights, writeTfWeights } from '../tfjs/model';
import { fitLoop, type Stepper, type TrainerHooks, type TrainOutcome } from './fit-loop';
import { fillBatch, identityOrder, type TrainingSplit } from './training-data';

const EVAL_CHUNK = 2000;

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
      const xs = tf.tensor2d(x.subarray(0, n * INPUT_SIZE), [n, INPUT_SIZE]);
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

/** Trains the MLP with tfjs on the given backend under the shared fit loop. */
export async function trainWithTfjs(
  backend: LoadedBackend,
  config: TrainConfig,
  data: TrainingSplit & { test: DigitSet },
  hooks: TrainerHooks,
): Promise<TrainOutcome> {
  const { tf, name } = backend;
  const layers = runLayers(config);
  const spec = denseStackOf(layers);
  const model = buildTfModel(tf, spec, config.seed, true);
  model.compile({
    optimizer: createOptimizer(tf, config),
    loss: (labels, logits) => tf.losses.softmaxCrossEntropy(labels, logits),
    metrics: ['accuracy'],
  });
  const { train, validation, test } = data;
  let trainSet = train; // a private copy once augmented images arrive: train's pixels are the dataset's
  const x = new Float32Array(config.batchSize * INPUT_SIZE);
  const y = new Float32Array(config.batchSize * NUM_CLASSES);
  const stepper: Stepper = {
    order: identityOrder(train.count),
    async step(start, n) {
      fillBatch(trainSet, this.order, start, start + n, x, y);
      const xs = tf.tensor2d(x.subarray(0, n * INPUT_SIZE), [n, INPUT_SIZE]);
      const ys = tf.tensor2d(y.subarray(0, n * NUM_CLASSES), [n, NUM_CLASSES]);
      const [loss, accuracy] = (await model.trainOnBatch(xs, ys)) as number[];
      tf.dispose([xs, ys]);
      return { loss, correct: Math.round(accuracy * n) };
    },
    evaluate: (set) => evaluateTf(tf, model, set === 'test' ? test : validation!),
    getWeights: () => readTfWeights(model),
    setWeights: (weights) => writeTfWeights(tf, model, spec, weights),
    replaceTrainPixels(pixels) {
      if (pixels.length !== train.pixels.length) throw new RangeError(`${pixels.length} training pixels, expected ${train.pixels.length}`);
      if (trainSet === train) trainSet = { ...train, pixels: new Uint8Array(pixels.length) };
      trainSet.pixels.set(pixels);
    },
  };
  try {
    return await fitLoop(name, config, layers, data, stepper, hooks);
  } finally {
    model.dispose();
  }
}
