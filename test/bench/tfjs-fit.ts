/**
 * The reference contender: the Keras tutorial preset trained with stock TensorFlow.js `model.fit` on the
 * wasm backend, the way a tfjs user would write it (whole sets as float tensors, softmax output,
 * categoricalCrossentropy, shuffle, validationData), not through Digit Studio's fit loop.
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { runLayers } from '../../src/core/api/architecture';
import { NUM_CLASSES } from '../../src/core/api/model-spec';
import { KERAS_TUTORIAL } from '../../src/core/api/train-config';
import { loadMnist, type DigitSet } from '../../src/core/dataset';
import { buildTfModel } from '../../src/core/tfjs/model';
import { splitForTraining } from '../../src/core/training/training-data';
import { medianSteadyEpoch } from './epochs';

export interface FitMeasurement {
  /** Threads the tfjs wasm module runs (its threaded build needs Web Workers: one in Node). */
  threads: number;
  epochs: number;
  seconds_per_epoch: number;
  samples_per_second: number;
  epoch_seconds: number[];
  test_accuracy: number;
  peak_rss_mb: number;
}

function tensors(set: DigitSet): [tf.Tensor2D, tf.Tensor2D] {
  const size = set.rows * set.cols;
  const x = new Float32Array(set.count * size);
  for (let i = 0; i < x.length; i++) x[i] = set.pixels[i] / 255;
  const y = new Float32Array(set.count * NUM_CLASSES);
  set.labels.forEach((label, i) => (y[i * NUM_CLASSES + label] = 1));
  return [tf.tensor2d(x, [set.count, size]), tf.tensor2d(y, [set.count, NUM_CLASSES])];
}

export async function measureTfjsFit(epochs: number): Promise<FitMeasurement> {
  tf.env().set('PROD', true);
  if (!(await tf.setBackend('wasm'))) throw new Error('the tfjs wasm backend did not initialise');
  await tf.ready();
  const config = KERAS_TUTORIAL;
  const mnist = await loadMnist();
  const { train, validation } = splitForTraining(mnist.train, config.validationSplit);
  const [xTrain, yTrain] = tensors(train);
  const [xVal, yVal] = tensors(validation!);
  const [xTest, yTest] = tensors(mnist.test);
  const model = buildTfModel(tf, runLayers(config), { seed: config.seed });
  model.compile({ optimizer: tf.train.sgd(config.learningRate), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const seconds: number[] = [];
  let began = 0;
  await model.fit(xTrain, yTrain, {
    epochs,
    batchSize: config.batchSize,
    shuffle: true,
    validationData: [xVal, yVal],
    verbose: 0,
    callbacks: {
      onEpochBegin: async () => void (began = performance.now()),
      onEpochEnd: async () => void seconds.push((performance.now() - began) / 1000),
    },
  });
  const [, accuracy] = model.evaluate(xTest, yTest, { batchSize: 2000 }) as tf.Scalar[];
  const median = medianSteadyEpoch(seconds);
  return {
    threads: getThreadsCount(),
    epochs,
    seconds_per_epoch: median,
    samples_per_second: train.count / median,
    epoch_seconds: seconds,
    test_accuracy: (await accuracy.data())[0],
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
