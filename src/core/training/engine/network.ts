/**
 * One network in its own engine instance: parameters, optimizer state, workspace and the data sets' bytes
 * all in the instance's memory, laid out once. A training step is one call; nothing is allocated per step.
 */
import type { DigitSet } from '../../dataset';
import type { DenseWeights, ModelSpec } from '../../model/spec';
import { HEADER, planEngine, writeDescriptor, type EnginePlan, type OptimizerSettings, type SetPlan } from './layout';
import { instantiate, type EngineExports, type EngineRuntime } from './runtime';

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
  private readonly exports: EngineExports;
  private readonly plan: EnginePlan;
  private readonly view: DataView;
  private readonly f32: Float32Array;
  /** tf.train.adam's running beta powers, in float32 as tfjs keeps them. */
  private accBeta1 = BETA1;
  private accBeta2 = BETA2;

  /** Copies the sets' bytes in; sets[i] is then addressed by index i. */
  constructor(runtime: EngineRuntime, readonly spec: ModelSpec, batchSize: number, private readonly settings: OptimizerSettings, sets: readonly DigitSet[]) {
    this.exports = instantiate(runtime);
    const { memory } = this.exports;
    this.plan = planEngine(spec, batchSize, settings.optimizer, sets.map((s) => s.count), this.exports.heapBase());
    const missing = this.plan.end - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / PAGE));
    const buffer = memory.buffer;
    this.view = new DataView(buffer);
    this.f32 = new Float32Array(buffer);
    writeDescriptor(this.view, this.plan, settings);
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
    if (pixels.length !== plan.count * this.spec.inputSize) throw new RangeError(`${pixels.length} pixels for ${plan.count} images`);
    new Uint8Array(this.view.buffer, plan.pixels, pixels.length).set(pixels);
  }

  /** Trains on the samples order(set)[start .. start + n). */
  step(set: number, start: number, n: number): BatchResult {
    if (this.settings.optimizer === 'adam') {
      this.view.setFloat32(this.plan.net + HEADER.biasFix1, 1 - this.accBeta1, true);
      this.view.setFloat32(this.plan.net + HEADER.biasFix2, 1 - this.accBeta2, true);
      this.accBeta1 = Math.fround(this.accBeta1 * BETA1);
      this.accBeta2 = Math.fround(this.accBeta2 * BETA2);
    }
    const plan = this.plan.sets[set];
    this.exports.trainStep(this.plan.net, plan.pixels, plan.labels, plan.order + 4 * start, n);
    return this.result(n);
  }

  /** Mean loss and accuracy on a whole set, in its stored order. */
  evaluate(set: number): { loss: number; accuracy: number } {
    const plan: SetPlan = this.plan.sets[set];
    let loss = 0;
    let correct = 0;
    for (let start = 0; start < plan.count; start += this.plan.rows) {
      const n = Math.min(this.plan.rows, plan.count - start);
      this.exports.evaluate(this.plan.net, plan.pixels, plan.labels, plan.order + 4 * start, n);
      const chunk = this.result(n);
      loss += chunk.loss * n;
      correct += chunk.correct;
    }
    return { loss: loss / plan.count, accuracy: correct / plan.count };
  }

  /** The weights in Keras layout (kernel [inputs, units] row-major, bias [units]). */
  getWeights(): DenseWeights[] {
    return this.plan.layers.map((layer) => {
      const kernel = new Float32Array(layer.inputs * layer.units);
      for (let k = 0; k < layer.inputs; k++) {
        const row = layer.kernel / 4 + k * layer.cols;
        kernel.set(this.f32.subarray(row, row + layer.units), k * layer.units);
      }
      return { kernel, bias: this.f32.slice(layer.bias / 4, layer.bias / 4 + layer.units) };
    });
  }

  /** Loads Keras-layout weights; padding stays zero. */
  setWeights(weights: readonly DenseWeights[]): void {
    this.plan.layers.forEach((layer, i) => {
      for (let k = 0; k < layer.inputs; k++) {
        this.f32.set(weights[i].kernel.subarray(k * layer.units, (k + 1) * layer.units), layer.kernel / 4 + k * layer.cols);
      }
      this.f32.set(weights[i].bias, layer.bias / 4);
    });
  }

  private result(n: number): BatchResult {
    const net = this.plan.net;
    return { loss: this.view.getFloat64(net + HEADER.loss, true) / n, correct: this.view.getInt32(net + HEADER.correct, true) };
  }
}
