/**
 * The engine memory plan of any layer list the engine trains: a Dense stack (its sparse first layer, layout.ts)
 * or any other network (operations, conv-layout.ts); their descriptors, and where their weights are stored.
 */
import { denseStackShape, refuseUntrainable, type LayerSpec } from '../../api/layer-model';
import type { DenseWeights, OptimizerName } from '../../api/model-spec';
import { planConvEngine, writeConvDescriptor, type ConvPlan } from './conv-layout';
import { planEngine, writeDescriptor, type EnginePlan, type OptimizerSettings } from './layout';

export type NetworkPlan = EnginePlan | ConvPlan;

/** A layer's kernel [rows][stride] from `kernel` and bias [stride], of which rows x units are real. */
interface StoredWeights {
  kernel: number;
  bias: number;
  rows: number;
  units: number;
  stride: number;
}

/** Dense layers only (a Flatten of the flat input changes nothing): the Dense-stack plan with its sparse first layer. */
const isDenseStack = (layers: readonly LayerSpec[]): boolean => layers.every((l) => l.type === 'InputLayer' || l.type === 'Dense' || l.type === 'Flatten');

export function planNetwork(layers: readonly LayerSpec[], batchSize: number, optimizer: OptimizerName, setSizes: readonly number[], base: number, workers = 1): NetworkPlan {
  refuseUntrainable(layers);
  // Of any input and output size: the engine's own tests train tiny ones.
  if (isDenseStack(layers)) return planEngine(denseStackShape(layers), batchSize, optimizer, setSizes, base, workers);
  return planConvEngine(layers, batchSize, optimizer, setSizes, base, workers);
}

/** Every workspace's descriptor; `seed` starts the dropout generators (one stream per worker). */
export function writeDescriptors(view: DataView, plan: NetworkPlan, settings: OptimizerSettings, seed: number): void {
  if (plan.kind === 'dense') for (const workspace of plan.workspaces) writeDescriptor(view, plan, workspace, settings);
  else plan.workspaces.forEach((workspace, i) => writeConvDescriptor(view, plan, workspace, settings, Math.imul(seed + 1, 0x9e3779b1) + i));
}

function storedWeights(plan: NetworkPlan): StoredWeights[] {
  if (plan.kind === 'dense') return plan.layers.map((l) => ({ kernel: l.kernel, bias: l.bias, rows: l.inputs, units: l.units, stride: l.cols }));
  return plan.ops
    .filter((o) => o.kernel > 0)
    .map((o) => ({ kernel: o.kernel, bias: o.bias, rows: o.kind === 'Conv2D' ? o.patchK : o.input.c, units: o.output.c, stride: o.output.cs }));
}

/** The weights in Keras layout (a Conv2D kernel [kh, kw, in, out] is [kh * kw * in, out] row-major). */
export function readWeights(plan: NetworkPlan, f32: Float32Array): DenseWeights[] {
  return storedWeights(plan).map(({ kernel: at, bias, rows, units, stride }) => {
    const kernel = new Float32Array(rows * units);
    for (let k = 0; k < rows; k++) kernel.set(f32.subarray(at / 4 + k * stride, at / 4 + k * stride + units), k * units);
    return { kernel, bias: f32.slice(bias / 4, bias / 4 + units) };
  });
}

/** Loads Keras-layout weights; padding stays zero. */
export function writeWeights(plan: NetworkPlan, f32: Float32Array, weights: readonly DenseWeights[]): void {
  const stored = storedWeights(plan);
  if (weights.length !== stored.length) throw new Error(`the network has ${stored.length} layers with weights but ${weights.length} weight sets were given`);
  stored.forEach(({ kernel, bias, rows, units, stride }, i) => {
    if (weights[i].kernel.length !== rows * units || weights[i].bias.length !== units) throw new Error(`layer ${i + 1}: expected a kernel of ${rows}x${units} and ${units} biases`);
    for (let k = 0; k < rows; k++) f32.set(weights[i].kernel.subarray(k * units, (k + 1) * units), kernel / 4 + k * stride);
    f32.set(weights[i].bias, bias / 4);
  });
}
