/**
 * Worker threads of the packaged app, bundled by electron-vite (?nodeWorker gives a factory): training, the
 * evaluation/export jobs, and the .h5 reader that parses untrusted files under a time limit. Nothing heavy
 * runs on the Electron main thread.
 */
import type { Worker } from 'node:worker_threads';
import { setReaderWorkerSpawner } from '../core/formats/hdf5/reader-thread';
import type { Job } from '../core/service/job-protocol';
import type { WorkerInit } from '../core/training/worker-protocol';
import createH5ReaderWorker from '../core/formats/hdf5/read-worker?nodeWorker';
import createJobWorker from '../core/service/job-worker?nodeWorker';
import createTrainingWorker from '../core/training/worker?nodeWorker';
import augmentWorkerPath from '../core/training/augment/worker?modulePath';
import engineHelperPath from '../core/training/engine/helper-worker?modulePath';

export function spawnBundledWorker(init: WorkerInit): Worker {
  return createTrainingWorker({ workerData: { init, augmentWorkerPath, engineHelperPath } });
}

export function spawnBundledJobWorker(job: Job): Worker {
  return createJobWorker({ workerData: { job } });
}

export function useBundledH5Reader(): void {
  setReaderWorkerSpawner(() => createH5ReaderWorker({}));
}
