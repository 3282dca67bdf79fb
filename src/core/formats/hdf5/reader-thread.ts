/**
 * Runs the .h5 parser in a worker thread with a time limit: the HDF5 library can loop forever on a corrupt file
 * (seen in fuzzing: a damaged global heap), and WebAssembly running on the main thread cannot be interrupted.
 * One worker is kept for all reads, one read at a time; it is replaced after a timeout or a crash. An idle
 * worker does not keep the process alive.
 */
import { Worker } from 'node:worker_threads';
import { READER_READY, type ReadReply } from './worker-protocol';

export type SpawnReaderWorker = () => Worker;

/** From the TypeScript sources through the tsx bootstrap (CLI, tests, web mode), like the training worker. */
let spawnWorker: SpawnReaderWorker = () =>
  new Worker(new URL('../../../launch/tsx-worker.js', import.meta.url), { workerData: { entry: new URL('./read-worker.ts', import.meta.url).href } });

let requestCounter = 0;

interface Pending {
  id: number;
  resolve: (reply: ReadReply) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

class ReaderThread {
  dead = false;
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private pending: Pending | null = null;
  private started!: { resolve: () => void; reject: (error: Error) => void };

  constructor(spawn: SpawnReaderWorker) {
    this.ready = new Promise((resolve, reject) => (this.started = { resolve, reject }));
    this.ready.catch(() => undefined); // awaited by readInWorker; a late failure must not be an unhandled rejection
    this.worker = spawn();
    this.worker.on('message', (message: ReadReply | typeof READER_READY) => this.receive(message));
    this.worker.on('error', (error) => this.stop(`crashed: ${error.message}`));
    this.worker.on('exit', (code) => this.stop(`stopped with exit code ${code}`));
  }

  private receive(message: ReadReply | typeof READER_READY): void {
    if (message === READER_READY) {
      this.worker.unref();
      this.started.resolve();
      return;
    }
    const pending = this.pending;
    if (!pending || message.id !== pending.id) return;
    this.pending = null;
    clearTimeout(pending.timer);
    this.worker.unref();
    if (!message.ok && message.fatal) this.stop('was reset');
    pending.resolve(message);
  }

  stop(reason: string): void {
    if (this.dead) return;
    this.dead = true;
    const error = new Error(`the HDF5 reader ${reason}`);
    this.started.reject(error);
    if (this.pending) {
      clearTimeout(this.pending.timer);
      this.pending.reject(error);
      this.pending = null;
    }
    void this.worker.terminate();
  }

  read(bytes: Uint8Array, timeoutMs: number): Promise<ReadReply> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.stop(`gave up after ${timeoutMs / 1000} s: the file's HDF5 structure is probably corrupt`), timeoutMs);
      const id = ++requestCounter;
      this.pending = { id, resolve, reject, timer };
      this.worker.ref();
      this.worker.postMessage({ id, bytes }, [bytes.buffer as ArrayBuffer]);
    });
  }
}

let thread: ReaderThread | null = null;
let queue: Promise<unknown> = Promise.resolve();

/** The packaged app, which has no TypeScript at run time, passes a spawner for its bundled read-worker. */
export function setReaderWorkerSpawner(spawn: SpawnReaderWorker): void {
  spawnWorker = spawn;
  thread?.stop('was replaced');
}

/** Parses `bytes` (whose buffer is handed over) in the worker; rejects when the worker times out or crashes. */
export function readInWorker(bytes: Uint8Array, timeoutMs: number): Promise<ReadReply> {
  const run = queue.then(async () => {
    if (!thread || thread.dead) thread = new ReaderThread(spawnWorker);
    await thread.ready;
    return thread.read(bytes, timeoutMs);
  });
  queue = run.catch(() => undefined);
  return run;
}
