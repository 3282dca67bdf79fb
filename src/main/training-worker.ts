/** The training worker bundled by electron-vite (?nodeWorker gives a factory for a worker_threads Worker). */
import type { Worker } from 'node:worker_threads';
import type { WorkerInit } from '../core/training/worker-protocol';
import createTrainingWorker from '../core/training/worker?nodeWorker';

export function spawnBundledWorker(init: WorkerInit): Worker {
  return createTrainingWorker({ workerData: { init } });
}
