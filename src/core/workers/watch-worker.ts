/**
 * How every worker's unexpected end is seen: a crash (`error`), an exit nobody asked for, or a time limit passed.
 * Whichever comes first is reported once, in words that follow "the … worker": "crashed: …", "stopped with exit
 * code N", or the time limit's own message; the worker is then terminated. Ending it on purpose reports nothing.
 */
import type { Worker } from 'node:worker_threads';

export interface WorkerStop {
  message: string;
  /** The thread's own error, for a crash (its code tells out-of-memory apart). */
  error?: Error;
}

export interface WorkerWatch {
  /** Stops the worker with `message` unless clearLimit() is called within `ms` (a new limit replaces the old). */
  limit(ms: number, message: string): void;
  clearLimit(): void;
  /** Ends the worker on purpose: nothing more is reported. */
  end(): Promise<number>;
}

export function watchWorker(worker: Worker, onStop: (stop: WorkerStop) => void): WorkerWatch {
  let over = false;
  let timer: NodeJS.Timeout | undefined;
  const stop = (reported: WorkerStop): void => {
    if (over) return;
    over = true;
    clearTimeout(timer);
    onStop(reported);
    void worker.terminate();
  };
  worker.on('error', (error) => stop({ message: `crashed: ${error.message}`, error }));
  worker.on('exit', (code) => stop({ message: `stopped with exit code ${code}` }));
  return {
    limit(ms, message) {
      clearTimeout(timer);
      timer = setTimeout(() => stop({ message }), ms);
    },
    clearLimit: () => clearTimeout(timer),
    end() {
      over = true;
      clearTimeout(timer);
      return worker.terminate();
    },
  };
}
