/**
 * Runs long actions in worker threads, one per kind at a time: starting a second one of a kind cancels the
 * first, and cancel() ends it at once (the worker is terminated; its caller gets a "cancelled" error).
 */
import type { Worker } from 'node:worker_threads';
import { ApiError } from '../api/contract';
import type { Job, JobKind, JobReply } from './job-protocol';

export type SpawnJobWorker = (job: Job) => Worker;

export class JobRunner {
  private readonly running = new Map<JobKind, { worker: Worker; cancel: () => void }>();

  constructor(private readonly spawn: SpawnJobWorker) {}

  run(job: Job): Promise<unknown> {
    this.cancel(job.kind);
    const worker = this.spawn(job);
    return new Promise((resolve, reject) => {
      const done = (): void => {
        if (this.running.get(job.kind)?.worker === worker) this.running.delete(job.kind);
        void worker.terminate();
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
      worker.once('error', (error) => {
        done();
        reject(new ApiError(`the ${job.kind} worker stopped: ${error.message}`));
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
