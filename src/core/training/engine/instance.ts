/**
 * One WebAssembly instance at work in one workspace of a laid-out engine memory: the calls a training step or an
 * evaluation makes. One thread has one instance; two workers have one each, on a shared memory.
 */
import { HEADER, type PlannedMemory, type SetPlan } from './layout';
import type { EngineExports } from './runtime';

/** Summed over the samples of a call: cross-entropy, and how many were classified right. */
export interface Sums {
  loss: number;
  correct: number;
}

export class EngineInstance {
  readonly workspace: PlannedMemory['workspaces'][number];
  private readonly view: DataView;

  /** The memory must be laid out (grown) for the plan already. */
  constructor(private readonly exports: EngineExports, private readonly plan: PlannedMemory, workspace: number) {
    this.workspace = plan.workspaces[workspace];
    this.view = new DataView(exports.memory.buffer);
  }

  /** Trains on the samples order[start .. start + n) of a set (forward, backward, optimizer update); sums before the update. */
  trainStep(set: SetPlan, start: number, n: number): Sums {
    this.exports.trainStep(this.workspace.net, set.pixels, set.labels, set.order + 4 * start, n);
    return this.sums();
  }

  /** Two workers: the gradient of the samples order[start .. start + n), part of a batch of `batch`, into this workspace. */
  gradientStep(set: SetPlan, start: number, n: number, batch: number): Sums {
    this.exports.gradientStep(this.workspace.net, set.pixels, set.labels, set.order + 4 * start, n, batch);
    return this.sums();
  }

  /** Two workers: the optimizer step with both workers' summed gradients, on parameter bytes [from, to) of the parameters. */
  applyGradients(partner: PlannedMemory['workspaces'][number], from: number, to: number): void {
    const base = this.plan.paramBase;
    this.exports.applyGradients(this.workspace.net, partner.net, base + from, base + to);
  }

  /** Loss and hits of the samples order[from .. to) of a set, in chunks of the workspace's rows. */
  evaluate(set: SetPlan, from: number, to: number): Sums {
    const total: Sums = { loss: 0, correct: 0 };
    for (let start = from; start < to; start += this.plan.rows) {
      const n = Math.min(this.plan.rows, to - start);
      this.exports.evaluate(this.workspace.net, set.pixels, set.labels, set.order + 4 * start, n);
      const chunk = this.sums();
      total.loss += chunk.loss;
      total.correct += chunk.correct;
    }
    return total;
  }

  private sums(): Sums {
    const net = this.workspace.net;
    return { loss: this.view.getFloat64(net + HEADER.loss, true), correct: this.view.getInt32(net + HEADER.correct, true) };
  }
}
