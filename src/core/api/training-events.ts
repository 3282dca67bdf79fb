import type { BackendName } from './backends';
import type { TrainConfig } from './train-config';

/**
 * The stream a training run emits, with Keras History names (loss, accuracy, val_loss, val_accuracy).
 * Every event names the backend that runs it. The CLI prints these as JSON lines unchanged.
 */
export type TrainingEvent = StartEvent | BatchEvent | PausedEvent | ResumedEvent | EpochEvent | DoneEvent | FailedEvent;

export interface StartEvent {
  event: 'start';
  backend: BackendName;
  config: TrainConfig;
  train_samples: number;
  val_samples: number;
  test_samples: number;
  params: number;
  /** Threads that train (the engine: 1, or 2 workers splitting each batch). */
  threads?: number;
  /** With backend 'auto' where native TensorFlow and the engine both run: why this one (their times per step). */
  choice?: string;
}

/** Progress inside an epoch; loss and accuracy are running means over the epoch so far, as Keras reports them. */
export interface BatchEvent {
  event: 'batch';
  backend: BackendName;
  epoch: number;
  batch: number;
  batches: number;
  loss: number;
  accuracy: number;
  samples_per_second: number;
}

/**
 * The run stopped after this batch and holds everything it needs to go on exactly there: weights, optimizer
 * moments, the epoch's data order and augmented images. It waits until it is resumed or stopped.
 */
export interface PausedEvent {
  event: 'paused';
  backend: BackendName;
  epoch: number;
  /** The last batch trained before the pause. */
  batch: number;
  batches: number;
}

/** A paused run goes on with the batch after the one it paused at. */
export interface ResumedEvent {
  event: 'resumed';
  backend: BackendName;
  epoch: number;
  batch: number;
  batches: number;
  /** How long it was paused; epoch times and speeds leave that time out. */
  paused_seconds: number;
}

export interface EpochEvent {
  event: 'epoch';
  backend: BackendName;
  epoch: number;
  epochs: number;
  loss: number;
  accuracy: number;
  /** null when the validation split is 0. */
  val_loss: number | null;
  val_accuracy: number | null;
  seconds: number;
  /** Accuracy on the user's own drawings, when the run includes them. */
  user_accuracy?: number;
}

export interface DoneEvent {
  event: 'done';
  backend: BackendName;
  /** 'cancelled' when the user stopped the run; the metrics then describe the weights at that moment. */
  stopped: 'completed' | 'cancelled';
  epochs_completed: number;
  test_loss: number;
  test_accuracy: number;
  /** Accuracy on the user's own drawings, when the run includes them. */
  user_accuracy?: number;
  /** Set by whoever saved the model (CLI --out, the app's model store). */
  model?: string;
}

/**
 * Where a snapshot of the training run's weights was taken: at the end of `epoch` (`batch` = `batches`; epoch 0 with
 * batch 0: the weights a fresh run starts from; a continued run starts with its last epoch's), or, `paused`, after
 * `batch` of `epoch` where the run holds.
 */
export interface WeightsPoint {
  epoch: number;
  batch: number;
  batches: number;
  paused: boolean;
}

export interface FailedEvent {
  event: 'failed';
  backend: BackendName | null;
  message: string;
  epochs_completed: number;
}
