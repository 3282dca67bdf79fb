import { Worker } from 'node:worker_threads';
import type { WorkerInit } from './worker-protocol';

/**
 * Starts the training worker from the TypeScript sources through the tsx bootstrap in src/launch/. Used where the
 * code runs unbundled (CLI, tests, web mode); the packaged Electron app spawns its bundled worker instead.
 */
export function spawnSourceWorker(init: WorkerInit): Worker {
  const bootstrap = new URL('../../launch/tsx-worker.js', import.meta.url);
  const entry = new URL('./worker.ts', import.meta.url).href;
  return new Worker(bootstrap, { workerData: { entry, init } });
}
