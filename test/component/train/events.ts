/** Synthetic training event streams, shaped like the backend's. */
import { PRESETS, type TrainConfig } from '../../../src/core/api/train-config';
import type { BatchEvent, DoneEvent, EpochEvent, FailedEvent, StartEvent } from '../../../src/core/api/training-events';

export const config: TrainConfig = { ...PRESETS.recommended, epochs: 4, batchSize: 100 };

export const start = (c: TrainConfig = config): StartEvent => ({
  event: 'start', backend: 'cpu', config: c, train_samples: 1000, val_samples: 250, test_samples: 10_000, params: 118_282,
});

/** 10 batches per epoch (1000 samples / 100). */
export const batch = (epoch: number, n: number, samplesPerSecond = 1000): BatchEvent => ({
  event: 'batch', backend: 'cpu', epoch, batch: n, batches: 10, loss: 1 / (epoch + n), accuracy: 0.5 + epoch / 10, samples_per_second: samplesPerSecond,
});

export const epoch = (n: number, valLoss: number | null, seconds = 2): EpochEvent => ({
  event: 'epoch', backend: 'cpu', epoch: n, epochs: config.epochs, loss: 0.5 / n, accuracy: 0.8 + n / 100,
  val_loss: valLoss, val_accuracy: valLoss === null ? null : 1 - valLoss, seconds,
});

export const done = (stopped: DoneEvent['stopped'] = 'completed', epochs = 4): DoneEvent => ({
  event: 'done', backend: 'cpu', stopped, epochs_completed: epochs, test_loss: 0.081, test_accuracy: 0.97556,
});

export const failed = (message: string): FailedEvent => ({ event: 'failed', backend: 'cpu', message, epochs_completed: 1 });
