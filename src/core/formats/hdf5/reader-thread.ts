/**
 * Runs the .h5 parser in a worker thread with a time limit: the HDF5 library can loop forever on a corrupt file
 * (seen in fuzzing: a damaged global heap), and WebAssembly running on the main thread cannot be interrupted.
 * One worker is kept for all reads, one read at a time; it is replaced after a timeout or a crash. An idle
 * worker does not keep the process alive.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../workers/start-worker';
import { watchWorker, type WorkerWatch } from '../../workers/watch-worker';
import { READER_READY, type ReadReply, type ReadRequest } from './worker-protocol';

let requestCounter = 0;

interface Pending {
  id: number;
  resolve: (reply: ReadReply) => void;
  reject: (error: Error) => void;
}

class ReaderThread {
  dead = false;
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private readonly watch: WorkerWatch;
  private pending: Pending | null = null;
  private started!: { resolve: () => void; reject: (error: Error) => void };

  constructor() {
    this.ready = new Promise((resolve, reject) => (this.started = { resolve, reject }));
    this.ready.catch(() => undefined); // awaited by readInWorker; a late failure must not be an unhandled rejection
    this.worker = startWorker('h5-reader');
    this.watch = watchWorker(this.worker, (stop) => this.fail(stop.message));
    this.worker.on('message', (message: ReadReply | typeof READER_READY) => this.receive(message));
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
    this.watch.clearLimit();
    this.worker.unref();
    if (!message.ok && message.fatal) {
      this.fail('was reset');
      void this.watch.end();
    }
    pending.resolve(message);
  }

  /** Marks the thread dead and fails what waits on it (the watch has ended or ends the worker). */
  private fail(reason: string): void {
    if (this.dead) return;
    this.dead = true;
    const error = new Error(`the HDF5 reader ${reason}`);
    this.started.reject(error);
    this.pending?.reject(error);
    this.pending = null;
  }

  read(bytes: Uint8Array, timeoutMs: number): Promise<ReadReply> {
    return new Promise((resolve, reject) => {
      this.watch.limit(timeoutMs, `gave up after ${timeoutMs / 1000} s: the file's HDF5 structure is probably corrupt`);
      const id = ++requestCounter;
      this.pending = { id, resolve, reject };
      this.worker.ref();
      this.worker.postMessage({ id, bytes } satisfies ReadRequest, [bytes.buffer as ArrayBuffer]);
    });
  }
}

let thread: ReaderThread | null = null;
let queue: Promise<unknown> = Promise.resolve();

/** Parses `bytes` (whose buffer is handed over) in the worker; rejects when the worker times out or crashes. */
export function readInWorker(bytes: Uint8Array, timeoutMs: number): Promise<ReadReply> {
  const run = queue.then(async () => {
    if (!thread || thread.dead) thread = new ReaderThread();
    await thread.ready;
    return thread.read(bytes, timeoutMs);
  });
  queue = run.catch(() => undefined);
  return run;
}
