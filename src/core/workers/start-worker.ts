/**
 * The one way the app starts a worker thread: by name. Run from source (CLI, tests, web mode), a worker's
 * TypeScript entry is loaded through the tsx bootstrap in src/launch/; in the built and packaged desktop app, from
 * the bundled file electron-vite wrote (bundled-files.ts registers them once, in the main process). The bundled
 * files travel in every worker's workerData, so a worker that starts its own (the training worker starts the
 * augmentation worker and the engine helper) starts the bundled ones too.
 */
import { Worker, isMainThread, workerData } from 'node:worker_threads';

export type WorkerName = 'training' | 'augment' | 'engine-helper' | 'h5-reader' | 'job';
export type WorkerFiles = Record<WorkerName, string>;

/** Each worker's TypeScript entry, relative to this folder. */
const SOURCE_ENTRIES: Record<WorkerName, string> = {
  training: '../training/worker.ts',
  augment: '../training/augment/worker.ts',
  'engine-helper': '../training/engine/helper-worker.ts',
  'h5-reader': '../formats/hdf5/read-worker.ts',
  job: '../service/job-worker.ts',
};

/** The workerData key under which the bundled files reach nested workers. */
const FILES_KEY = 'digitStudioWorkerFiles';

function inheritedFiles(): WorkerFiles | null {
  if (isMainThread || typeof workerData !== 'object' || workerData === null) return null;
  return ((workerData as Record<string, unknown>)[FILES_KEY] as WorkerFiles | undefined) ?? null;
}

let bundled: WorkerFiles | null = inheritedFiles();

/** Called once by bundled-files.ts in the built main process; unbundled runs never call it. */
export function registerBundledWorkers(files: WorkerFiles): void {
  bundled = files;
}

/** Starts the worker `name` with `data` as its workerData (the entry reads its own fields of it). */
export function startWorker(name: WorkerName, data: object = {}): Worker {
  if (bundled) return new Worker(bundled[name], { workerData: { ...data, [FILES_KEY]: bundled } });
  // The bootstrap registers tsx in the new thread, then imports `entry`.
  const entry = new URL(SOURCE_ENTRIES[name], import.meta.url).href;
  return new Worker(new URL('../../launch/tsx-worker.js', import.meta.url), { workerData: { ...data, entry } });
}
