/**
 * Feeds the fit loop a freshly distorted copy of the training images every epoch without slowing it: a worker
 * thread writes epoch e + 1's images into a shared buffer while epoch e trains on the trainer's own copy (the two
 * buffers of the double buffer), so the loop only waits for the copy into the trainer.
 */
import type { Worker } from 'node:worker_threads';
import type { DigitSet } from '../../dataset';
import { startWorker } from '../../workers/start-worker';
import { watchWorker, type WorkerWatch } from '../../workers/watch-worker';
import type { AugmentReply, AugmentWorkerData } from './protocol';

interface Request {
  epoch: number;
  done: Promise<void>;
  resolve(): void;
  reject(error: Error): void;
}

export class EpochAugmenter {
  private readonly worker: Worker;
  private readonly watch: WorkerWatch;
  private readonly target: Uint8Array;
  private request: Request | null = null;
  private failure: Error | null = null;
  private closed = false;

  /** Starts the worker on the first epoch at once (1, or the one a continued run starts at). */
  constructor(train: DigitSet, seed: number, firstEpoch = 1) {
    const source = new SharedArrayBuffer(train.pixels.length);
    new Uint8Array(source).set(train.pixels);
    const target = new SharedArrayBuffer(train.pixels.length);
    this.target = new Uint8Array(target);
    this.worker = startWorker('augment', { source, target, labels: train.labels, seed } satisfies AugmentWorkerData);
    this.watch = watchWorker(this.worker, (stop) => this.fail(stop.message));
    this.worker.on('message', (reply: AugmentReply) => {
      if (reply.epoch === this.request?.epoch) this.request.resolve();
    });
    this.ask(firstEpoch);
  }

  /**
   * Waits for `epoch`'s images and hands them to `use`, which must copy them before returning; then, unless this
   * was the last epoch, the worker starts on the next one in the same buffer.
   */
  async deliver(epoch: number, use: (pixels: Uint8Array) => void, last: boolean): Promise<void> {
    if (this.request?.epoch !== epoch) throw new Error(`augmented images of epoch ${epoch} were not requested`);
    await this.request.done;
    use(this.target);
    if (!last) this.ask(epoch + 1);
  }

  close(): void {
    this.closed = true;
    void this.watch.end();
  }

  private ask(epoch: number): void {
    if (this.failure) throw this.failure;
    let settle!: Pick<Request, 'resolve' | 'reject'>;
    const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    done.catch(() => undefined); // a failure before anyone waits must not be an unhandled rejection
    this.request = { epoch, done, ...settle };
    this.worker.postMessage(epoch);
  }

  private fail(reason: string): void {
    if (this.closed || this.failure) return;
    this.failure = new Error(`the augmentation worker ${reason}`);
    this.request?.reject(this.failure);
  }
}
