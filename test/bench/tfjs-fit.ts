/**
 * The stock TensorFlow.js contenders: a preset trained with `model.fit` the way a tfjs user would write it (whole sets
 * as float tensors in the model's input shape, softmax output, categoricalCrossentropy, shuffle), not through Digit
 * Studio's fit loop:
 * - tfjs-wasm-fit: the Keras tutorial MLP on the wasm backend, whole epochs with validationData;
 * - tfjs-cpu-fit: keras.io's CNN on the plain-JS cpu backend (the wasm one has no Conv2DBackpropFilter), about a minute
 *   per batch here, so an epoch is extrapolated: `batches` batches timed after a warm-up one (fit stopped there), and
 *   the validation pass (evaluate in fit's batch size, as fit runs it) timed on a slice.
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { runLayers } from '../../src/core/api/architecture';
import { NUM_CLASSES } from '../../src/core/api/model-spec';
import { PRESETS, type TrainConfig } from '../../src/core/api/train-config';
import { loadMnist, type DigitSet } from '../../src/core/dataset';
import { buildTfModel, inputBatch } from '../../src/core/tfjs/model';
import { sliceSet, splitForTraining } from '../../src/core/training/training-data';
import { median, medianSteadyEpoch } from './epochs';
import type { TrainRun } from './train-backend';

const WARMUP_BATCHES = 1;
/** Validation images evaluated to time the validation pass (two batches of 128). */
const VALIDATION_SLICE = 256;

export interface Extrapolation {
  warmup_batches: number;
  batches_timed: number;
  /** Every batch, the warm-up first (s). */
  batch_seconds: number[];
  /** The CPU time of each (s): what the batch costs on an idle core, whatever else the machine runs. */
  batch_cpu_seconds: number[];
  /** Median of the timed batches. */
  seconds_per_batch: number;
  train_batches_per_epoch: number;
  validation_images_timed: number;
  /** The slice's evaluate time scaled to the whole validation set. */
  validation_seconds: number;
  formula: string;
}

export interface FitMeasurement {
  /** Threads tfjs computes on (its threaded wasm build needs Web Workers: one in Node; plain JS: one). */
  threads: number;
  epochs?: number;
  seconds_per_epoch: number;
  samples_per_second: number;
  epoch_seconds?: number[];
  test_accuracy?: number;
  peak_rss_mb: number;
  extrapolated?: boolean;
  extrapolation?: Extrapolation;
}

const OPTIMIZERS: Record<TrainConfig['optimizer'], (c: TrainConfig) => tf.Optimizer> = {
  sgd: (c) => tf.train.sgd(c.learningRate),
  momentum: (c) => tf.train.momentum(c.learningRate, c.momentum),
  adam: (c) => tf.train.adam(c.learningRate),
};

interface Prepared {
  config: TrainConfig;
  model: tf.Sequential;
  train: DigitSet;
  validation: DigitSet;
  test: DigitSet;
}

async function prepare(backend: 'wasm' | 'cpu', run: TrainRun): Promise<Prepared> {
  tf.env().set('PROD', true);
  if (!(await tf.setBackend(backend))) throw new Error(`the tfjs ${backend} backend did not initialise`);
  await tf.ready();
  const config = PRESETS[run.preset];
  const mnist = await loadMnist();
  const { train, validation } = splitForTraining(mnist.train, config.validationSplit, run.limit);
  if (!validation) throw new Error(`the ${run.preset} preset has no validation split`);
  const model = buildTfModel(tf, runLayers(config), { seed: config.seed });
  model.compile({ optimizer: OPTIMIZERS[config.optimizer](config), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return { config, model, train, validation, test: mnist.test };
}

/** A set as pixels/255 in the model's input shape and one-hot labels. */
function tensors(model: tf.LayersModel, set: DigitSet): [tf.Tensor, tf.Tensor2D] {
  const x = new Float32Array(set.pixels.length);
  for (let i = 0; i < x.length; i++) x[i] = set.pixels[i] / 255;
  const y = new Float32Array(set.count * NUM_CLASSES);
  set.labels.forEach((label, i) => (y[i * NUM_CLASSES + label] = 1));
  return [inputBatch(tf, model, x, set.count), tf.tensor2d(y, [set.count, NUM_CLASSES])];
}

const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

/** tfjs-wasm-fit: whole epochs. */
export async function measureTfjsFit(run: TrainRun): Promise<FitMeasurement> {
  const { config, model, train, validation, test } = await prepare('wasm', run);
  const seconds: number[] = [];
  let began = 0;
  await model.fit(...tensors(model, train), {
    epochs: run.epochs,
    batchSize: config.batchSize,
    shuffle: true,
    validationData: tensors(model, validation),
    verbose: 0,
    callbacks: {
      onEpochBegin: async () => void (began = performance.now()),
      onEpochEnd: async () => void seconds.push((performance.now() - began) / 1000),
    },
  });
  const [, accuracy] = model.evaluate(...tensors(model, test), { batchSize: 2000 }) as tf.Scalar[];
  const perEpoch = medianSteadyEpoch(seconds);
  return {
    threads: getThreadsCount(),
    epochs: run.epochs,
    seconds_per_epoch: perEpoch,
    samples_per_second: train.count / perEpoch,
    epoch_seconds: seconds,
    test_accuracy: (await accuracy.data())[0],
    peak_rss_mb: peakRssMb(),
  };
}

/** tfjs-cpu-fit: `run.batches` batches after a warm-up one, and an epoch extrapolated from them. */
export async function measureTfjsFitBatches(run: TrainRun): Promise<FitMeasurement> {
  const batches = run.batches ?? 3;
  const { config, model, train, validation } = await prepare('cpu', run);
  const trainBatches = Math.ceil(train.count / config.batchSize);
  if (trainBatches < WARMUP_BATCHES + batches) throw new Error(`${train.count} training images make ${trainBatches} batches: fewer than ${WARMUP_BATCHES + batches} to time`);
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  let began = 0;
  let cpu = process.cpuUsage();
  await model.fit(...tensors(model, train), {
    epochs: 1,
    batchSize: config.batchSize,
    shuffle: true,
    verbose: 0,
    callbacks: {
      onBatchBegin: async () => {
        began = performance.now();
        cpu = process.cpuUsage();
      },
      onBatchEnd: async () => {
        seconds.push((performance.now() - began) / 1000);
        const { user, system } = process.cpuUsage(cpu);
        cpuSeconds.push((user + system) / 1e6);
        if (seconds.length === WARMUP_BATCHES + batches) model.stopTraining = true;
      },
    },
  });
  const slice = sliceSet(validation, 0, Math.min(VALIDATION_SLICE, validation.count));
  const [xVal, yVal] = tensors(model, slice);
  const evaluated = performance.now();
  await Promise.all((model.evaluate(xVal, yVal, { batchSize: config.batchSize }) as tf.Scalar[]).map((s) => s.data()));
  const validationSeconds = ((performance.now() - evaluated) / 1000) * (validation.count / slice.count);
  const perBatch = median(seconds.slice(WARMUP_BATCHES));
  const perEpoch = trainBatches * perBatch + validationSeconds;
  return {
    threads: 1,
    seconds_per_epoch: perEpoch,
    samples_per_second: train.count / perEpoch,
    peak_rss_mb: peakRssMb(),
    extrapolated: true,
    extrapolation: {
      warmup_batches: WARMUP_BATCHES,
      batches_timed: seconds.length - WARMUP_BATCHES,
      batch_seconds: seconds.map((s) => Number(s.toFixed(2))),
      batch_cpu_seconds: cpuSeconds.map((s) => Number(s.toFixed(2))),
      seconds_per_batch: Number(perBatch.toFixed(2)),
      train_batches_per_epoch: trainBatches,
      validation_images_timed: slice.count,
      validation_seconds: Number(validationSeconds.toFixed(1)),
      formula: 'seconds_per_epoch = train_batches_per_epoch × seconds_per_batch + validation_seconds',
    },
  };
}
