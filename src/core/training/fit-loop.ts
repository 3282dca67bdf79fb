/**
 * The epoch loop every training engine shares, with Keras semantics: seeded shuffle of the training order
 * each epoch, batches in that order, running-mean loss/accuracy, validation at the end of each epoch, test
 * at the end. It emits the Keras-named events, polls stop and pause after every batch, and keeps the last
 * good weights when the loss turns NaN or infinite. Engines only provide the Stepper, so pausing is one
 * mechanism for all of them: the loop holds between two batches and every engine's state simply waits with it.
 */
import type { BackendName } from '../api/backends';
import { summarizeLayers, totalParams, type LayerModel, type LayerSpec } from '../api/layer-model';
import type { CompileInfo, DenseWeights } from '../api/model-spec';
import type { TrainConfig } from '../api/train-config';
import type { DoneEvent, FailedEvent, TrainingEvent, WeightsPoint } from '../api/training-events';
import type { DigitSet } from '../dataset';
import { EpochAugmenter } from './augment/augmenter';
import type { RunControl } from './run-control';
import type { ContinueFrom, OptimizerState } from './optimizer-state';
import { createRng, shuffleInPlace } from './rng';
import type { TrainingSplit } from './training-data';

export interface TrainerHooks {
  emit(event: TrainingEvent): void;
  /** Polled after every batch: true stops the run with the weights it has. */
  shouldStop(): boolean;
  /** Where the run can be paused: read after every batch; waitWhilePaused blocks until resumed or stopped. */
  pause?: Pick<RunControl, 'pauseRequested' | 'waitWhilePaused'>;
  /** Weights to start from instead of the engine's fresh ones (fine-tuning a model, or continuing its run). */
  initialWeights?: DenseWeights[];
  /**
   * Continuing a run (with its weights as initialWeights): the epochs it trained, which this run does not repeat,
   * and its optimizer's state, which the trainer loads before the first step. config.epochs counts them all.
   */
  continueFrom?: ContinueFrom;
  /**
   * Gets the weights the run starts from, those at every epoch end and those where the run pauses,
   * so that the UI can draw with them while the run goes on or holds.
   */
  onWeights?(model: LayerModel, at: WeightsPoint): void;
  /** Scores the weights after every epoch and at the end, reported as `user_accuracy` (the user's own drawings). */
  userAccuracy?(model: LayerModel): number;
}

export interface TrainOutcome {
  final: DoneEvent | FailedEvent;
  /** The weights to keep: the trained ones, or the last good ones after a failure (null if there are none). */
  model: LayerModel | null;
  /** The optimizer's state with those weights, to continue the run later; null after a failure (set by the trainer). */
  optimizer?: OptimizerState | null;
}

export interface Scores {
  loss: number;
  accuracy: number;
}

/** One engine's training primitives over a fixed model and data. */
export interface Stepper {
  /** The training-sample order the loop shuffles in place; step() reads it. */
  readonly order: Uint32Array;
  /** Trains on samples order[start, start + n): the batch's mean loss and how many it got right. */
  step(start: number, n: number): Promise<{ loss: number; correct: number }> | { loss: number; correct: number };
  evaluate(set: 'validation' | 'test'): Promise<Scores> | Scores;
  getWeights(): DenseWeights[];
  setWeights(weights: DenseWeights[]): void;
  /** Copies in new training images (same samples, same order, count × 784 bytes): each epoch's augmented copy. */
  replaceTrainPixels(pixels: Uint8Array): void;
}

/** Batch events are throttled to this interval so that a UI or a JSON log is not flooded. */
const BATCH_EVENT_INTERVAL_MS = 100;

export function compileInfo(config: TrainConfig): CompileInfo {
  return {
    optimizer: config.optimizer,
    learningRate: config.learningRate,
    loss: 'categorical_crossentropy',
    ...(config.optimizer === 'momentum' ? { momentum: config.momentum } : {}),
  };
}

function describeBadLoss(config: TrainConfig, epoch: number, batch: number): string {
  const kept = epoch === 1 ? 'the initial weights' : `the weights from the end of epoch ${epoch - 1}`;
  return (
    `training diverged: the loss became NaN or infinite at epoch ${epoch}, batch ${batch} ` +
    `(learning rate ${config.learningRate} is probably too high); kept ${kept}`
  );
}

interface FitRun {
  backend: BackendName;
  config: TrainConfig;
  layers: LayerSpec[];
  data: TrainingSplit & { test: DigitSet };
  stepper: Stepper;
  hooks: TrainerHooks;
}

export async function fitLoop(
  backend: BackendName,
  config: TrainConfig,
  layers: LayerSpec[],
  data: TrainingSplit & { test: DigitSet },
  stepper: Stepper,
  hooks: TrainerHooks,
): Promise<TrainOutcome> {
  const augmenter = config.augment ? new EpochAugmenter(data.train, config.seed, firstEpoch(hooks)) : null;
  try {
    return await runEpochs({ backend, config, layers, data, stepper, hooks }, augmenter);
  } finally {
    augmenter?.close();
  }
}

async function runEpochs({ backend, config, layers, data, stepper, hooks }: FitRun, augmenter: EpochAugmenter | null): Promise<TrainOutcome> {
  const { train, validation, test } = data;
  const compile = compileInfo(config);
  hooks.emit({ event: 'start', backend, config, train_samples: train.count, val_samples: validation?.count ?? 0, test_samples: test.count, params: totalParams(summarizeLayers(layers)) });

  const random = createRng(config.seed);
  const first = firstEpoch(hooks);
  // A continued run trains on the data order the whole run would have: the earlier epochs' shuffles are replayed.
  for (let epoch = 1; epoch < first; epoch++) shuffleInPlace(stepper.order, random);
  const batches = Math.ceil(train.count / config.batchSize);
  if (hooks.initialWeights) stepper.setWeights(hooks.initialWeights);
  let goodWeights = stepper.getWeights();
  // The weights it starts from: a fresh run's initial ones (epoch 0), or those a continued run's last epoch ended with.
  hooks.onWeights?.({ layers, weights: goodWeights, compile }, { epoch: first - 1, batch: first === 1 ? 0 : batches, batches, paused: false });
  let epochsCompleted = first - 1;
  let stopped = false;

  for (let epoch = first; epoch <= config.epochs && !stopped; epoch++) {
    shuffleInPlace(stepper.order, random);
    // Moved on by the time spent paused, so that epoch times and speeds are training time only.
    let started = performance.now();
    if (augmenter) await augmenter.deliver(epoch, (pixels) => stepper.replaceTrainPixels(pixels), epoch === config.epochs);
    let lastEmit = started;
    let seen = 0;
    let lossSum = 0;
    let correct = 0;
    for (let batch = 1; batch <= batches; batch++) {
      const start = (batch - 1) * config.batchSize;
      const n = Math.min(config.batchSize, train.count - start);
      const result = await stepper.step(start, n);
      if (!Number.isFinite(result.loss)) {
        stepper.setWeights(goodWeights);
        const final: FailedEvent = { event: 'failed', backend, message: describeBadLoss(config, epoch, batch), epochs_completed: epochsCompleted };
        hooks.emit(final);
        return { final, model: { layers, weights: goodWeights, compile } };
      }
      seen += n;
      lossSum += result.loss * n;
      correct += result.correct;
      stopped = hooks.shouldStop();
      const pausing = !stopped && hooks.pause?.pauseRequested === true;
      const now = performance.now();
      if (now - lastEmit >= BATCH_EVENT_INTERVAL_MS || batch === batches || stopped || pausing) {
        lastEmit = now;
        hooks.emit({ event: 'batch', backend, epoch, batch, batches, loss: lossSum / seen, accuracy: correct / seen, samples_per_second: seen / ((now - started) / 1000) });
      }
      if (pausing) {
        hooks.onWeights?.({ layers, weights: stepper.getWeights(), compile }, { epoch, batch, batches, paused: true });
        const pausedMs = holdWhilePaused(hooks, { backend, epoch, batch, batches });
        started += pausedMs;
        lastEmit += pausedMs;
        stopped = hooks.shouldStop();
      }
      if (stopped) break;
    }
    if (stopped) break;
    const val = validation ? await stepper.evaluate('validation') : null;
    epochsCompleted = epoch;
    goodWeights = stepper.getWeights();
    // Before the epoch's event, so that whoever records the epoch has its weights' statistics by then.
    hooks.onWeights?.({ layers, weights: goodWeights, compile }, { epoch, batch: batches, batches, paused: false });
    hooks.emit({ event: 'epoch', backend, epoch, epochs: config.epochs, loss: lossSum / seen, accuracy: correct / seen, val_loss: val?.loss ?? null, val_accuracy: val?.accuracy ?? null, seconds: (performance.now() - started) / 1000, ...userScore(hooks, { layers, weights: goodWeights }) });
  }

  const scores = await stepper.evaluate('test');
  const weights = stepper.getWeights();
  const final: DoneEvent = { event: 'done', backend, stopped: stopped ? 'cancelled' : 'completed', epochs_completed: epochsCompleted, test_loss: scores.loss, test_accuracy: scores.accuracy, ...userScore(hooks, { layers, weights }) };
  hooks.emit(final);
  return { final, model: { layers, weights, compile } };
}

/** The epoch this run starts at: 1, or the one after those a continued run already trained. */
const firstEpoch = (hooks: TrainerHooks): number => (hooks.continueFrom?.epochs ?? 0) + 1;

/** Emits 'paused', blocks this thread until the run is resumed or stopped, emits 'resumed' if it goes on; the ms paused. */
function holdWhilePaused(hooks: TrainerHooks, at: { backend: BackendName; epoch: number; batch: number; batches: number }): number {
  const from = performance.now();
  hooks.emit({ event: 'paused', ...at });
  hooks.pause?.waitWhilePaused();
  const pausedMs = performance.now() - from;
  if (!hooks.shouldStop()) hooks.emit({ event: 'resumed', ...at, paused_seconds: pausedMs / 1000 });
  return pausedMs;
}

function userScore(hooks: TrainerHooks, model: LayerModel): { user_accuracy?: number } {
  return hooks.userAccuracy ? { user_accuracy: hooks.userAccuracy(model) } : {};
}
