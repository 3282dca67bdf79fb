/**
 * Where everything lives in the engine's memory, and the descriptor the kernels read (field offsets mirror
 * kernel/net.as; test/unit/training/engine-descriptor-offsets.test.ts checks they agree). All sizes are fixed when a network is created: training allocates nothing afterwards.
 * Two workers share the parameters, optimizer state and data sets, and each has its own workspace: descriptor,
 * batch lists, activations, deltas and a gradient buffer.
 */
import { INPUT_SIZE, layerShapes, type ModelSpec, type OptimizerName } from '../../api/model-spec';
import { STATE_SLOTS } from '../optimizer-state';

export const HEADER = {
  layers: 0,
  optimizer: 4,
  learningRate: 8,
  momentum: 12,
  beta1: 16,
  oneMinusBeta1: 20,
  beta2: 24,
  oneMinusBeta2: 28,
  epsilon: 32,
  biasFix1: 36,
  biasFix2: 40,
  kind: 44,
  correct: 48,
  stateOffset: 52,
  loss: 56,
  rows: 64,
  rowLists: 68,
  rowCounts: 72,
  colLists: 76,
  colCounts: 80,
  grads: 84,
  seed: 88,
  input: 92,
  size: 96,
} as const;

export const ACTIVATION_CODES = { linear: 0, relu: 1, sigmoid: 2, tanh: 3, softmax: 4 } as const;

export const LAYER = { inputs: 0, units: 4, cols: 8, activation: 12, src: 16, srcStride: 20, kernel: 24, bias: 28, activations: 32, delta: 36, size: 64 } as const;

const OPTIMIZER_CODES: Record<OptimizerName, number> = { sgd: 0, momentum: 1, adam: 2 };
/** Rows of the workspace at least, so that evaluation runs in chunks of this many samples. */
const EVAL_ROWS = 256;

export interface LayerPlan {
  inputs: number;
  units: number;
  /** units rounded up to 16 (32 for the first layer): the row stride of kernel, bias, activations and delta. */
  cols: number;
  /** The previous layer's cols (inputs rounded up to 16 for the first): rows of the padded kernel, row stride of the input. */
  srcStride: number;
  activation: number;
  kernel: number;
  bias: number;
}

/** One worker's own memory. */
export interface WorkspacePlan {
  /** The descriptor the kernels read. */
  net: number;
  /** The first layer's nonzero inputs, per row and per input (kernel/sparse.as). */
  sparse: { rowLists: number; rowCounts: number; colLists: number; colCounts: number };
  /** Per layer: its activations and the loss gradient w.r.t. its pre-activations, [rows][cols] each. */
  activations: number[];
  deltas: number[];
  /** Two workers: this worker's gradient of every parameter, at the parameters' offsets; 0 for one. */
  grads: number;
}

export interface SetPlan {
  count: number;
  pixels: number;
  labels: number;
  /** count u32 sample indices: the epoch order for training, 0..count-1 for evaluation. */
  order: number;
}

/** What every engine memory plan has, whatever the network: the kernels' calls and the two workers use only these. */
export interface PlannedMemory {
  /** First byte of the parameters (all kernels and biases, contiguous). */
  paramBase: number;
  /** Bytes of the parameters; each optimizer state array follows at this distance. */
  paramBytes: number;
  /** Even number of batch rows a workspace holds. */
  rows: number;
  workspaces: Array<{ net: number; grads: number }>;
  sets: SetPlan[];
  end: number;
}

export interface EnginePlan extends PlannedMemory {
  kind: 'dense';
  layers: LayerPlan[];
  workspaces: WorkspacePlan[];
}

export const pad16 = (n: number): number => Math.ceil(n / 16) * 16;
const pad32 = (n: number): number => Math.ceil(n / 32) * 32;

/** Hands out 16-byte aligned blocks of memory from `base` on; `cursor` is the end of the last one. */
export class Allocator {
  cursor: number;
  constructor(base: number) {
    this.cursor = pad16(base);
  }

  take(bytes: number): number {
    const at = this.cursor;
    this.cursor = pad16(this.cursor + bytes);
    return at;
  }
}

/** The data sets' blocks: sample order, labels, pixels (784 bytes each, + 16 so a SIMD load may run past the last). */
export function planSets(memory: Allocator, setSizes: readonly number[]): SetPlan[] {
  return setSizes.map((count) => ({ count, order: memory.take(4 * count), labels: memory.take(count), pixels: memory.take(count * INPUT_SIZE + 16) }));
}

/**
 * Lays out a network whose batches have at most batchSize samples, with the given sample counts per data set,
 * for one worker or two.
 */
export function planEngine(spec: ModelSpec, batchSize: number, optimizer: OptimizerName, setSizes: readonly number[], base: number, workers = 1): EnginePlan {
  const memory = new Allocator(base);
  const take = (bytes: number): number => memory.take(bytes);
  const shapes = layerShapes(spec);
  const rows = Math.max(EVAL_ROWS, batchSize + (batchSize % 2));
  const nets = Array.from({ length: workers }, () => take(HEADER.size + LAYER.size * shapes.length));
  const layers: LayerPlan[] = [];
  shapes.forEach(([inputs, units], i) => {
    const cols = i === 0 ? pad32(units) : pad16(units);
    const srcStride = i === 0 ? pad16(inputs) : layers[i - 1].cols;
    layers.push({ inputs, units, cols, srcStride, activation: ACTIVATION_CODES[spec.layers[i].activation], kernel: take(4 * srcStride * cols), bias: take(4 * cols) });
  });
  const paramBase = layers[0].kernel;
  const paramBytes = memory.cursor - paramBase;
  take(paramBytes * STATE_SLOTS[optimizer]);
  const inputs = layers[0].inputs;
  const workspaces = nets.map((net): WorkspacePlan => {
    const sparse = { rowLists: take(8 * rows * inputs), rowCounts: take(4 * rows), colLists: take(8 * inputs * rows), colCounts: take(4 * inputs) };
    const activations: number[] = [];
    const deltas: number[] = [];
    for (const layer of layers) {
      activations.push(take(4 * rows * layer.cols));
      deltas.push(take(4 * rows * layer.cols));
    }
    return { net, sparse, activations, deltas, grads: workers > 1 ? take(paramBytes) : 0 };
  });
  const sets = planSets(memory, setSizes);
  return { kind: 'dense', layers, paramBase, paramBytes, rows, workspaces, sets, end: memory.cursor };
}

export interface OptimizerSettings {
  optimizer: OptimizerName;
  learningRate: number;
  momentum: number;
}

/** Writes the header fields every descriptor has: sizes, optimizer settings, where the gradients go. */
export function writeHeader(view: DataView, plan: PlannedMemory, workspace: PlannedMemory['workspaces'][number], settings: OptimizerSettings, count: number): void {
  const at = workspace.net;
  const f32 = (offset: number, value: number): void => view.setFloat32(at + offset, value, true);
  view.setInt32(at + HEADER.layers, count, true);
  view.setInt32(at + HEADER.optimizer, OPTIMIZER_CODES[settings.optimizer], true);
  f32(HEADER.learningRate, settings.learningRate);
  f32(HEADER.momentum, settings.momentum);
  // Keras / tf.train.adam defaults, with (1 - beta) rounded as tfjs rounds it.
  f32(HEADER.beta1, 0.9);
  f32(HEADER.oneMinusBeta1, 1 - 0.9);
  f32(HEADER.beta2, 0.999);
  f32(HEADER.oneMinusBeta2, 1 - 0.999);
  f32(HEADER.epsilon, 1e-7);
  view.setInt32(at + HEADER.rows, plan.rows, true);
  view.setInt32(at + HEADER.stateOffset, plan.paramBytes, true);
  view.setInt32(at + HEADER.grads, workspace.grads === 0 ? 0 : workspace.grads - plan.paramBase, true);
}

/** Writes a workspace's descriptor; Adam's bias corrections are written per step by the network. */
export function writeDescriptor(view: DataView, plan: EnginePlan, workspace: WorkspacePlan, settings: OptimizerSettings): void {
  const at = workspace.net;
  writeHeader(view, plan, workspace, settings, plan.layers.length);
  view.setUint32(at + HEADER.rowLists, workspace.sparse.rowLists, true);
  view.setUint32(at + HEADER.rowCounts, workspace.sparse.rowCounts, true);
  view.setUint32(at + HEADER.colLists, workspace.sparse.colLists, true);
  view.setUint32(at + HEADER.colCounts, workspace.sparse.colCounts, true);
  plan.layers.forEach((layer, i) => {
    const rec = at + HEADER.size + LAYER.size * i;
    const fields: Array<[number, number]> = [
      [LAYER.inputs, layer.inputs],
      [LAYER.units, layer.units],
      [LAYER.cols, layer.cols],
      [LAYER.activation, layer.activation],
      // The first layer reads the sparse lists instead.
      [LAYER.src, i === 0 ? 0 : workspace.activations[i - 1]],
      [LAYER.srcStride, layer.srcStride],
      [LAYER.kernel, layer.kernel],
      [LAYER.bias, layer.bias],
      [LAYER.activations, workspace.activations[i]],
      [LAYER.delta, workspace.deltas[i]],
    ];
    for (const [offset, value] of fields) view.setUint32(rec + offset, value, true);
  });
}
