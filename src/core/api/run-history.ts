/**
 * The vocabulary of run history: every training run is recorded (settings, Keras History per epoch, a
 * downsampled per-batch curve, test results, how it ended, the model it produced) so runs can be listed,
 * compared side by side and exported as Keras' CSVLogger would write them.
 */
import type { BackendName } from './backends';
import type { TrainConfig } from './train-config';
import type { EpochEvent } from './training-events';

/** How a run ended; 'running' while it goes on (a record left 'running' by a crash reads as 'interrupted'). */
export type RunStatus = 'running' | 'completed' | 'stopped' | 'failed' | 'interrupted';

/**
 * One row of Keras' History (and of its CSVLogger file): an epoch event without what the run already says (the
 * backend, the planned epochs). `epoch` counts from 1 as the events do; only the CSV counts from 0, as Keras.
 */
export type HistoryRow = Omit<EpochEvent, 'event' | 'backend' | 'epochs'>;

/** A point of the per-batch curve: `step` counts batches from the start of the run. */
export interface BatchPoint {
  step: number;
  epoch: number;
  loss: number;
  accuracy: number;
}

/** The most batch points a run keeps (older points are thinned evenly as the run grows). */
export const MAX_BATCH_POINTS = 500;

/** What each layer's weight statistics hold, in this order (core/inference/weight-stats.ts computes them). */
export const WEIGHT_STAT_NAMES = ['min', 'p5', 'p25', 'median', 'p75', 'p95', 'max', 'mean', 'std'] as const;
export type WeightStatName = (typeof WEIGHT_STAT_NAMES)[number];

/** One Conv2D or Dense layer's kernel and bias statistics, each a number per WEIGHT_STAT_NAMES; bias null without one. */
export interface LayerWeightStats {
  name: string;
  kernel: number[];
  bias: number[] | null;
}

/** The weights' statistics at the end of an epoch (epoch 0: the initial weights of a run that starts fresh). */
export interface WeightStatsRow {
  epoch: number;
  layers: LayerWeightStats[];
}

export interface RunRecord {
  id: string;
  startedAt: string;
  endedAt: string | null;
  status: RunStatus;
  /** Why it ended when it did not complete: the stop, the failure message. */
  reason: string | null;
  config: TrainConfig;
  backend: BackendName | null;
  threads: number | null;
  /** Layers as the model cards show them, e.g. "784 → 128 relu → 128 relu → 10 softmax". */
  layers: string;
  history: HistoryRow[];
  batches: BatchPoint[];
  /** How each layer's weights were spread at every epoch end; absent in records of older versions. */
  weights?: WeightStatsRow[];
  test: { loss: number; accuracy: number } | null;
  /** The library model the run produced, while it exists. */
  modelId: string | null;
  durationSeconds: number;
}

/** A row of the Runs table. */
export interface RunSummary {
  id: string;
  startedAt: string;
  status: RunStatus;
  layers: string;
  optimizer: TrainConfig['optimizer'];
  learningRate: number;
  batchSize: number;
  epochsPlanned: number;
  epochsCompleted: number;
  augment: boolean;
  bestValAccuracy: number | null;
  bestEpoch: number | null;
  testAccuracy: number | null;
  durationSeconds: number;
  backend: BackendName | null;
  modelId: string | null;
}

/** Keras' CSVLogger columns: `epoch` first (counted from 0, as Keras does), then the metrics in sorted order. */
export const HISTORY_CSV_COLUMNS = ['epoch', 'accuracy', 'loss', 'val_accuracy', 'val_loss'] as const;
