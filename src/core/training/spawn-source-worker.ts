import { Worker } from 'node:worker_threads';
import type { WorkerInit } from './worker-protocol';

/**
 * Starts the training worker from the TypeScript sources through the tsx bootstrap in src/launch/. Used where the
 * code runs unbundled (CLI, tests, web mode); the packaged Electron app spawns its bundled worker instead.
 */
export function spawnSourceWorker(init: WorkerInit): Worker {
  return startSourceWorker(new URL('./worker.ts', import.meta.url), { init });
}

/** Any TypeScript worker entry, with its workerData (the bootstrap reads `entry`, the entry the rest). */
export function startSourceWorker(entry: URL, data: Record<string, unknown>): Worker {
  return new Worker(new URL('../../launch/tsx-worker.js', import.meta.url), { workerData: { ...data, entry: entry.href } });
}
