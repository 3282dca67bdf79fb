/**
 * Two workers splitting every batch (data parallel): worker 0 (the training thread) and a helper thread each
 * compute the gradient of their part of the batch on a shared memory; then each applies the same optimizer
 * update, with the summed gradient, to its half of the parameters. The weights are what one thread computes up
 * to the order of float summation. Evaluation splits each set in two as well.
 */
import { startWorker } from '../../workers/start-worker';
import { watchWorker, type WorkerWatch } from '../../workers/watch-worker';
import type { Scores } from '../fit-loop';
import { COMMAND, Handshake, SLOT } from './handshake';
import type { PlannedMemory } from './layout';
import type { BatchResult, EngineNetwork } from './network';
import type { EngineRuntime, WasmMemory } from './runtime';

/** What the helper thread starts with (workerData). */
export interface HelperInit {
  runtime: EngineRuntime;
  memory: WasmMemory;
  plan: PlannedMemory;
  control: SharedArrayBuffer;
  /** Index of the training set in plan.sets. */
  trainSet: number;
  /** Parameter bytes [0, paramSplit) are worker 0's to update, the rest the helper's. */
  paramSplit: number;
}

export class WorkerPair {
  private readonly handshake: Handshake;
  private job = 0;

  private constructor(private readonly net: EngineNetwork, private readonly watch: WorkerWatch, private readonly init: HelperInit) {
    this.handshake = new Handshake(init.control);
  }

  /** Starts the helper on the network's shared memory (net must be laid out for two workers by the shared build). */
  static async start(net: EngineNetwork, runtime: EngineRuntime, memory: WasmMemory, trainSet: number): Promise<WorkerPair> {
    const half = Math.floor(net.plan.paramBytes / 32) * 16;
    const init: HelperInit = { runtime, memory, plan: net.plan, control: new Handshake().buffer, trainSet, paramSplit: half };
    const worker = startWorker('engine-helper', { init });
    let watch!: WorkerWatch;
    // Once started, the helper reports failures through the handshake, where worker 0 waits; a later stop only ends it.
    await new Promise<void>((resolve, reject) => {
      watch = watchWorker(worker, (stop) => reject(new Error(`the second engine worker ${stop.message} before it started`)));
      worker.once('message', () => resolve());
    });
    return new WorkerPair(net, watch, init);
  }

  /** One training step on the samples order[start .. start + n) of the training set. */
  step(start: number, n: number): BatchResult {
    if (n < 2) return this.net.step(this.init.trainSet, start, n);
    const own = Math.ceil(n / 2);
    this.net.nextOptimizerStep();
    const job = this.post(COMMAND.step, start + own, n - own, n);
    const sums = this.net.instance.gradientStep(this.net.plan.sets[this.init.trainSet], start, own, n);
    this.handshake.signal(SLOT.ownGradient, job);
    this.handshake.waitFor(SLOT.helperGradient, job);
    this.net.instance.applyGradients(this.net.plan.workspaces[1], 0, this.init.paramSplit);
    this.handshake.waitFor(SLOT.helperDone, job);
    const helper = this.handshake.helperSums();
    return { loss: (sums.loss + helper.loss) / n, correct: sums.correct + helper.correct };
  }

  /** Mean loss and accuracy on a whole set (index into the plan's sets), half on each worker. */
  evaluate(set: number): Scores {
    const { count } = this.net.plan.sets[set];
    const half = Math.floor(count / 2);
    const job = this.post(COMMAND.evaluate, set, half, count);
    const sums = this.net.instance.evaluate(this.net.plan.sets[set], 0, half);
    this.handshake.waitFor(SLOT.helperDone, job);
    const helper = this.handshake.helperSums();
    return { loss: (sums.loss + helper.loss) / count, accuracy: (sums.correct + helper.correct) / count };
  }

  /** Stops the helper thread and waits until it has ended. */
  async close(): Promise<void> {
    this.post(COMMAND.stop, 0, 0, 0);
    await this.watch.end();
  }

  private post(command: number, a: number, b: number, c: number): number {
    this.handshake.set(SLOT.command, command);
    this.handshake.set(SLOT.arg0, a);
    this.handshake.set(SLOT.arg1, b);
    this.handshake.set(SLOT.arg2, c);
    this.handshake.signal(SLOT.job, ++this.job);
    return this.job;
  }
}
