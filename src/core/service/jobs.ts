/**
 * Runs long actions in worker threads, one per kind at a time: starting a second one of a kind cancels the
 * first, and cancel() ends it at once (the worker is terminated; its caller gets a "cancelled" error).
 */
import type { Worker } from 'node:worker_threads';
import { ApiError } from '../api/contract';
import { firstLine } from '../api/first-line';
import { startWorker } from '../workers/start-worker';
import { watchWorker, type WorkerStop } from '../workers/watch-worker';
import type { Job, JobKind, JobReply } from './job-protocol';

const JOB_NAMES: Record<JobKind, string> = { evaluate: 'the evaluation', export: 'the TensorFlow Lite export' };

/**
 * A job whose thread died (out of memory, a crash) or ended without an answer: the user is told what stopped and
 * what to do; the thread's own error, in words of the code, goes to stderr for whoever diagnoses it.
 */
function stopped(kind: JobKind, stop: WorkerStop): ApiError {
  console.error(`digit-studio: the ${kind} job's thread ${firstLine(stop.message)}`);
  const outOfMemory = (stop.error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
  const advice = outOfMemory ? 'it ran out of memory; close other programs and try again' : 'try again';
  return new ApiError(`${JOB_NAMES[kind]} stopped unexpectedly: ${advice}`);
}

export class JobRunner {
  private readonly running = new Map<JobKind, { worker: Worker; cancel: () => void }>();

  run(job: Job): Promise<unknown> {
    this.cancel(job.kind);
    const worker = startWorker('job', { job });
    return new Promise((resolve, reject) => {
      // A thread that crashes or ends before it answers would leave the call waiting forever.
      const watch = watchWorker(worker, (stop) => {
        done();
        reject(stopped(job.kind, stop));
      });
      const done = (): void => {
        if (this.running.get(job.kind)?.worker === worker) this.running.delete(job.kind);
        void watch.end();
      };
      this.running.set(job.kind, {
        worker,
        cancel: () => {
          done();
          reject(new ApiError(`${job.kind === 'evaluate' ? 'evaluation' : 'export'} cancelled`));
        },
      });
      worker.once('message', (reply: JobReply) => {
        done();
        if (reply.ok) resolve(reply.result);
        else reject(new ApiError(reply.error));
      });
    });
  }

  /** Ends the running job of this kind; false when none runs. */
  cancel(kind: JobKind): boolean {
    const job = this.running.get(kind);
    job?.cancel();
    return job !== undefined;
  }
}
