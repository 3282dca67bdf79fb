import type { LayersModel, Optimizer, Tensor2D } from '@tensorflow/tfjs';
import type { DigitSet } from '../dataset';
import { INPUT_SIZE, NUM_CLASSES, mlpSpec, parameterCount, type TrainedModel } from '../model/spec';
import { buildTfModel, readTfWeights, writeTfWeights } from '../model/tfjs';
import type { LoadedBackend, Tf } from './backend';
import type { TrainConfig } from './config';
import type { DoneEvent, FailedEvent, TrainingEvent } from './events';
import { createRng, shuffleInPlace } from './rng';
import { fillBatch, identityOrder, type TrainingSplit } from './samples';

export interface TrainerHooks {
  emit(event: TrainingEvent): void;
  /** Polled after every batch: true stops the run with the weights it has. */
  shouldStop(): boolean;
}

export interface TrainOutcome {
  final: DoneEvent | FailedEvent;
  /** The weights to keep: the trained ones, or the last good ones after a failure (null if there are none). */
  model: TrainedModel | null;
}

/** Batch events are throttled to this interval so that a UI or a JSON log is not flooded. */
const BATCH_EVENT_INTERVAL_MS = 100;
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

function describeBadLoss(config: TrainConfig, epoch: number, batch: number): string {
  const kept = epoch === 1 ? 'the initial weights' : `the weights from the end of epoch ${epoch - 1}`;
  return (
    `training diverged: the loss became NaN or infinite at epoch ${epoch}, batch ${batch} ` +
    `(learning rate ${config.learningRate} is probably too high); kept ${kept}`
  );
}

/** Trains the MLP with tfjs on the given backend, streaming Keras-style events; never throws for a bad loss. */
export async function trainWithTfjs(
  backend: LoadedBackend,
  config: TrainConfig,
  data: TrainingSplit & { test: DigitSet },
  hooks: TrainerHooks,
): Promise<TrainOutcome> {
  const { tf, name } = backend;
  const spec = mlpSpec(config.hiddenUnits, config.activation);
  const compile = { optimizer: config.optimizer, learningRate: config.learningRate, loss: 'categorical_crossentropy' as const, ...(config.optimizer === 'momentum' ? { momentum: config.momentum } : {}) };
  const model = buildTfModel(tf, spec, config.seed, true);
  model.compile({
    optimizer: createOptimizer(tf, config),
    loss: (labels, logits) => tf.losses.softmaxCrossEntropy(labels, logits),
    metrics: ['accuracy'],
  });

  const { train, validation, test } = data;
  hooks.emit({ event: 'start', backend: name, config, train_samples: train.count, val_samples: validation?.count ?? 0, test_samples: test.count, params: parameterCount(spec) });

  const random = createRng(config.seed);
  const order = identityOrder(train.count);
  const x = new Float32Array(config.batchSize * INPUT_SIZE);
  const y = new Float32Array(config.batchSize * NUM_CLASSES);
  const batches = Math.ceil(train.count / config.batchSize);
  let goodWeights = readTfWeights(model);
  let epochsCompleted = 0;
  let stopped = false;

  for (let epoch = 1; epoch <= config.epochs && !stopped; epoch++) {
    shuffleInPlace(order, random);
    const started = performance.now();
    let lastEmit = started;
    let seen = 0;
    let lossSum = 0;
    let accSum = 0;
    for (let batch = 1; batch <= batches; batch++) {
      const start = (batch - 1) * config.batchSize;
      const n = fillBatch(train, order, start, Math.min(start + config.batchSize, train.count), x, y);
      const xs = tf.tensor2d(x.subarray(0, n * INPUT_SIZE), [n, INPUT_SIZE]);
      const ys = tf.tensor2d(y.subarray(0, n * NUM_CLASSES), [n, NUM_CLASSES]);
      const [loss, accuracy] = (await model.trainOnBatch(xs, ys)) as number[];
      tf.dispose([xs, ys]);
      if (!Number.isFinite(loss)) {
        writeTfWeights(tf, model, spec, goodWeights);
        const final: FailedEvent = { event: 'failed', backend: name, message: describeBadLoss(config, epoch, batch), epochs_completed: epochsCompleted };
        hooks.emit(final);
        model.dispose();
        return { final, model: { spec, weights: goodWeights, compile } };
      }
      seen += n;
      lossSum += loss * n;
      accSum += accuracy * n;
      stopped = hooks.shouldStop();
      const now = performance.now();
      if (now - lastEmit >= BATCH_EVENT_INTERVAL_MS || batch === batches || stopped) {
        lastEmit = now;
        hooks.emit({ event: 'batch', backend: name, epoch, batch, batches, loss: lossSum / seen, accuracy: accSum / seen, samples_per_second: seen / ((now - started) / 1000) });
      }
      if (stopped) break;
    }
    if (stopped) break;
    const val = validation ? await evaluateTf(tf, model, validation) : null;
    epochsCompleted = epoch;
    goodWeights = readTfWeights(model);
    hooks.emit({ event: 'epoch', backend: name, epoch, epochs: config.epochs, loss: lossSum / seen, accuracy: accSum / seen, val_loss: val?.loss ?? null, val_accuracy: val?.accuracy ?? null, seconds: (performance.now() - started) / 1000 });
  }

  const scores = await evaluateTf(tf, model, test);
  const weights = readTfWeights(model);
  model.dispose();
  const final: DoneEvent = { event: 'done', backend: name, stopped: stopped ? 'cancelled' : 'completed', epochs_completed: epochsCompleted, test_loss: scores.loss, test_accuracy: scores.accuracy };
  hooks.emit(final);
  return { final, model: { spec, weights, compile } };
}
