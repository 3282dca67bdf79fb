/**
 * One network in its own engine instance: parameters, optimizer state, workspace and the data sets' bytes
 * all in the instance's memory, laid out once. A training step is one call; nothing is allocated per step.
 * For two workers the memory is shared: this instance is worker 0, and worker 1 attaches to the same plan.
 */
import type { LayerSpec } from '../../api/layer-model';
import { INPUT_SIZE, type DenseWeights } from '../../api/model-spec';
import type { DigitSet } from '../../dataset';
import { optimizerStateProblem, STATE_SLOTS, type OptimizerState } from '../optimizer-state';
import { EngineInstance } from './instance';
import { HEADER, type OptimizerSettings } from './layout';
import { planNetwork, readWeights, writeDescriptors, writeWeights, type NetworkPlan } from './plan';
import { instantiate, type EngineRuntime, type WasmMemory } from './runtime';

export interface BatchResult {
  /** Mean cross-entropy of the batch, before the update. */
  loss: number;
  /** Samples whose predicted class was right, before the update. */
  correct: number;
}

const PAGE = 65536;
const BETA1 = Math.fround(0.9);
const BETA2 = Math.fround(0.999);

export class EngineNetwork {
  readonly plan: NetworkPlan;
  /** This thread's instance (worker 0). */
  readonly instance: EngineInstance;
  private readonly view: DataView;
  private readonly f32: Float32Array;
  /** tf.train.adam's running beta powers, in float32 as tfjs keeps them. */
  private accBeta1 = BETA1;
  private accBeta2 = BETA2;
  /** Optimizer steps taken (Keras' `iterations`). */
  private iterations = 0;

  /**
   * Copies the sets' bytes in; sets[i] is then addressed by index i. With a shared memory (and the runtime's
   * shared build), lays it out for two workers. `seed` starts dropout's random streams.
   */
  constructor(runtime: EngineRuntime, readonly layers: readonly LayerSpec[], batchSize: number, private readonly settings: OptimizerSettings, sets: readonly DigitSet[], shared?: WasmMemory, seed = 1) {
    const exports = instantiate(runtime, shared);
    const { memory } = exports;
    this.plan = planNetwork(layers, batchSize, settings.optimizer, sets.map((s) => s.count), exports.heapBase(), shared ? 2 : 1);
    const missing = this.plan.end - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / PAGE));
    const buffer = memory.buffer;
    this.view = new DataView(buffer);
    this.f32 = new Float32Array(buffer);
    writeDescriptors(this.view, this.plan, settings, seed);
    this.instance = new EngineInstance(exports, this.plan, 0);
    sets.forEach((set, i) => {
      const plan = this.plan.sets[i];
      new Uint8Array(buffer, plan.pixels, set.pixels.length).set(set.pixels);
      new Uint8Array(buffer, plan.labels, set.count).set(set.labels);
      this.order(i).forEach((_, j, order) => (order[j] = j));
    });
  }

  /** Sample order of a set, inside the engine's memory: shuffle it in place between epochs. */
  order(set: number): Uint32Array {
    const plan = this.plan.sets[set];
    return new Uint32Array(this.view.buffer, plan.order, plan.count);
  }

  /** Overwrites a set's images with `pixels` (same count): each epoch's augmented training images. */
  replacePixels(set: number, pixels: Uint8Array): void {
    const plan = this.plan.sets[set];
    if (pixels.length !== plan.count * INPUT_SIZE) throw new RangeError(`${pixels.length} pixels for ${plan.count} images`);
    new Uint8Array(this.view.buffer, plan.pixels, pixels.length).set(pixels);
  }

  /** Trains on the samples order(set)[start .. start + n). */
  step(set: number, start: number, n: number): BatchResult {
    this.nextOptimizerStep();
    const sums = this.instance.trainStep(this.plan.sets[set], start, n);
    return { loss: sums.loss / n, correct: sums.correct };
  }

  /**
   * Counts one optimizer step: Adam's bias corrections for it, into every workspace's descriptor. A training
   * step calls it first (with two workers, worker 0 before either starts).
   */
  nextOptimizerStep(): void {
    this.iterations++;
    if (this.settings.optimizer !== 'adam') return;
    for (const { net } of this.plan.workspaces) {
      this.view.setFloat32(net + HEADER.biasFix1, 1 - this.accBeta1, true);
      this.view.setFloat32(net + HEADER.biasFix2, 1 - this.accBeta2, true);
    }
    this.advanceBetaPowers();
  }

  private advanceBetaPowers(): void {
    this.accBeta1 = Math.fround(this.accBeta1 * BETA1);
    this.accBeta2 = Math.fround(this.accBeta2 * BETA2);
  }

  /** The optimizer's moments in Keras layout; state slot k follows the parameters at k + 1 times their size. */
  getOptimizerState(): OptimizerState {
    const slots = Array.from({ length: STATE_SLOTS[this.settings.optimizer] }, (_, k) => readWeights(this.plan, this.slot(k)));
    return { optimizer: this.settings.optimizer, iterations: this.iterations, slots };
  }

  /** Loads a state saved by getOptimizerState (of this engine or of tfjs): the next step goes on from it. */
  setOptimizerState(state: OptimizerState): void {
    const problem = optimizerStateProblem(state, this.settings.optimizer, this.getWeights());
    if (problem) throw new Error(`cannot go on from that optimizer state: ${problem}`);
    state.slots.forEach((weights, k) => writeWeights(this.plan, this.slot(k), weights));
    // Adam's beta powers as an uninterrupted run would have them: the same float32 products, step by step.
    this.accBeta1 = BETA1;
    this.accBeta2 = BETA2;
    for (let i = 0; i < state.iterations; i++) this.advanceBetaPowers();
    this.iterations = state.iterations;
  }

  /** The memory seen from state slot k: its arrays sit at the parameters' addresses shifted by (k + 1) × paramBytes. */
  private slot(k: number): Float32Array {
    return this.f32.subarray(((k + 1) * this.plan.paramBytes) / 4);
  }

  /** Mean loss and accuracy on a whole set, in its stored order. */
  evaluate(set: number): { loss: number; accuracy: number } {
    const plan = this.plan.sets[set];
    const sums = this.instance.evaluate(plan, 0, plan.count);
    return { loss: sums.loss / plan.count, accuracy: sums.correct / plan.count };
  }

  /** The weights in Keras layout. */
  getWeights(): DenseWeights[] {
    return readWeights(this.plan, this.f32);
  }

  /** Loads Keras-layout weights; padding stays zero. */
  setWeights(weights: readonly DenseWeights[]): void {
    writeWeights(this.plan, this.f32, weights);
  }
}
