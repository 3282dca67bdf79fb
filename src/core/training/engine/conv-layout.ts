/**
 * Where a convolutional network lives in the engine's memory, and the operation records its kernels read (field
 * offsets mirror kernel/net.as; test/unit/training/engine-descriptor-offsets.test.ts checks they agree). A Keras
 * layer list becomes operations: Conv2D, MaxPooling2D, AveragePooling2D, Flatten, Dropout and Dense (InputLayer and
 * a Reshape of the input only set shapes). Tensors are [rows][h][w][cs]: the real channels first, the channel
 * stride cs a multiple of 16 after a Conv2D so that the Dense GEMM tiles run on them, the padding zero.
 */
import { layerSummaries, notTrainable, type LayerSpec, type LayerSummary } from '../../api/layer-model';
import { INPUT_SIZE, type OptimizerName } from '../../api/model-spec';
import { poolingReach } from '../../inference/pool-windows';
import { STATE_SLOTS } from '../optimizer-state';
import { ACTIVATION_CODES, Allocator, HEADER, pad16, planSets, writeHeader, type OptimizerSettings, type PlannedMemory } from './layout';

export const OP = {
  kind: 0, activation: 4, inH: 8, inW: 12, inC: 16, inCs: 20, outH: 24, outW: 28, outC: 32, outCs: 36, winH: 40, winW: 44,
  strideH: 48, strideW: 52, padTop: 56, padLeft: 60, src: 64, activations: 68, srcDelta: 72, delta: 76, kernel: 80, bias: 84,
  patch: 88, patchDelta: 92, patchK: 96, patchKs: 100, mask: 104, rate: 108, gradAcc: 112, kernelPacked: 116, nonzeros: 120, size: 128,
} as const;

export const OP_KINDS = { Conv2D: 1, MaxPooling2D: 2, AveragePooling2D: 3, Flatten: 4, Dropout: 5, Dense: 6 } as const;
type OpKind = keyof typeof OP_KINDS;
const KIND_CONV = 1;

/** One tensor's shape as stored: h x w cells of c real channels at stride cs. */
interface Stored {
  h: number;
  w: number;
  c: number;
  cs: number;
}

export interface OpPlan {
  kind: OpKind;
  activation: number;
  input: Stored;
  output: Stored;
  window: [number, number];
  strides: [number, number];
  padding: [number, number];
  /** Conv2D: real patch width kh * kw * c and its stride (a multiple of 4); Dense: 0. */
  patchK: number;
  patchKs: number;
  /** Conv2D and Dense: rows of the stored kernel (patchKs, or the input stride), its columns are output.cs. */
  kernelRows: number;
  kernel: number;
  bias: number;
  rate: number;
}

/** One worker's own memory: descriptor, the batch's input images, and per operation its buffers (0 where none). */
export interface ConvWorkspace {
  net: number;
  input: number;
  grads: number;
  buffers: Array<{ activations: number; delta: number; patch: number; patchDelta: number; mask: number; gradAcc: number; kernelPacked: number; nonzeros: number }>;
}

export interface ConvPlan extends PlannedMemory {
  kind: 'conv';
  ops: OpPlan[];
  workspaces: ConvWorkspace[];
}


const cellsOf = (s: Stored): number => s.h * s.w;
const floats = (s: Stored): number => cellsOf(s) * s.cs;

function storedShape(shape: readonly number[], cs?: number): Stored {
  if (shape.length === 1) return { h: 1, w: 1, c: shape[0], cs: cs ?? pad16(shape[0]) };
  const [h, w, c = 1] = shape;
  return { h, w, c, cs: cs ?? c };
}

/** The operations of a layer list, without memory: shapes, windows, paddings. */
function operationsOf(summary: LayerSummary[]): Array<Omit<OpPlan, 'kernel' | 'bias'>> {
  let current: Stored = { h: 28, w: 28, c: 1, cs: 1 };
  const ops: Array<Omit<OpPlan, 'kernel' | 'bias'>> = [];
  summary.forEach((row, index) => {
    const { layer, inputShape, outputShape } = row;
    if (layer.type === 'Reshape' && index !== 1) throw new Error(`layer ${layer.name}: the engine trains a Reshape of the input only`);
    if (layer.type === 'InputLayer' || layer.type === 'Reshape') {
      current = outputShape.length === 1 ? { h: 1, w: 1, c: INPUT_SIZE, cs: INPUT_SIZE } : storedShape(outputShape, 1);
      return;
    }
    if (layer.type === 'Flatten' && inputShape.length === 1) return;
    const base = { activation: 0, input: current, window: [1, 1] as [number, number], strides: [1, 1] as [number, number], padding: [0, 0] as [number, number], patchK: 0, patchKs: 0, kernelRows: 0, rate: 0 };
    let op: Omit<OpPlan, 'kernel' | 'bias'>;
    switch (layer.type) {
      case 'Conv2D': {
        const [kh, kw] = layer.kernelSize;
        const k = kh * kw * current.c;
        const padding = paddingOf(current, outputShape, [kh, kw], [1, 1]);
        op = { ...base, kind: layer.type, activation: ACTIVATION_CODES[layer.activation], output: storedShape(outputShape, pad16(layer.filters)), window: [kh, kw], padding, patchK: k, patchKs: Math.ceil(k / 4) * 4, kernelRows: Math.ceil(k / 4) * 4 };
        break;
      }
      case 'MaxPooling2D':
      case 'AveragePooling2D': {
        const padding = paddingOf(current, outputShape, layer.poolSize, layer.strides);
        const input = cropToWindows(current, ops[ops.length - 1], poolingReach(row, layer));
        // Max pooling works on four channels at a time: a one-channel input's output is stored four wide.
        op = { ...base, kind: layer.type, input, output: storedShape(outputShape, layer.type === 'MaxPooling2D' ? Math.max(input.cs, 4) : input.cs), window: layer.poolSize, strides: layer.strides, padding };
        break;
      }
      case 'Flatten':
        op = { ...base, kind: layer.type, output: storedShape(outputShape) };
        break;
      case 'Dropout':
        op = { ...base, kind: layer.type, output: current, rate: layer.rate };
        break;
      case 'Dense':
        op = { ...base, kind: layer.type, activation: ACTIVATION_CODES[layer.activation], output: storedShape(outputShape), kernelRows: current.cs };
        break;
      case 'Activation':
        throw new Error(`layer ${layer.name}: the engine trains activations inside Conv2D and Dense layers only`);
      case 'BatchNormalization':
        throw notTrainable(layer);
    }
    ops.push(op);
    current = op.output;
  });
  return ops;
}

/**
 * A pooling's input as the operation before it stores it. A pooling's windows may leave the last rows or columns of
 * its input unread (2x2 windows at stride 2 read 10 of 11 rows): a Conv2D before it then computes the rows and
 * columns read only, its output stored that much smaller (the rest would get a zero gradient, so training is the
 * same; keras.io's CNN's second Conv2D computes 100 of its 121 cells). Changes `previous`'s output.
 */
function cropToWindows(input: Stored, previous: Omit<OpPlan, 'kernel' | 'bias'> | undefined, { rows, cols }: { rows: number; cols: number }): Stored {
  if (previous?.kind !== 'Conv2D') return input;
  previous.output = { ...input, h: rows, w: cols };
  return previous.output;
}

/** TensorFlow's 'same' padding before the first row and column (the smaller half), 0 for 'valid'. */
function paddingOf(input: Stored, output: readonly number[], window: readonly number[], strides: readonly number[]): [number, number] {
  const before = (axis: 0 | 1): number => {
    const size = axis === 0 ? input.h : input.w;
    return Math.floor(Math.max((output[axis] - 1) * strides[axis] + window[axis] - size, 0) / 2);
  };
  return [before(0), before(1)];
}

/**
 * Lays out a convolutional network for batches of at most batchSize samples (also the evaluation chunk), with the
 * given sample counts per data set, for one worker or two.
 */
export function planConvEngine(layers: readonly LayerSpec[], batchSize: number, optimizer: OptimizerName, setSizes: readonly number[], base: number, workers = 1): ConvPlan {
  const shapes = operationsOf(layerSummaries(layers));
  const last = shapes[shapes.length - 1];
  if (last?.kind !== 'Dense') throw new Error('the engine trains networks that end in a Dense layer');
  const memory = new Allocator(base);
  const rows = batchSize + (batchSize % 2);
  const nets = Array.from({ length: workers }, () => memory.take(HEADER.size + OP.size * shapes.length));
  const ops: OpPlan[] = shapes.map((shape) => {
    const weighted = shape.kernelRows > 0;
    return { ...shape, kernel: weighted ? memory.take(4 * shape.kernelRows * shape.output.cs) : 0, bias: weighted ? memory.take(4 * shape.output.cs) : 0 };
  });
  const paramBase = ops.find((o) => o.kernel > 0)!.kernel;
  const paramBytes = memory.cursor - paramBase;
  memory.take(paramBytes * STATE_SLOTS[optimizer]);
  const workspaces = nets.map((net): ConvWorkspace => {
    const input = memory.take(4 * rows * INPUT_SIZE);
    const buffers = ops.map((o, i) => {
      const cells = rows * cellsOf(o.output);
      const conv = o.kind === 'Conv2D';
      return {
        activations: memory.take(4 * rows * floats(o.output)),
        delta: memory.take(4 * rows * floats(o.output)),
        patch: conv ? memory.take(4 * cells * o.patchKs) : 0,
        // Patch gradients are computed in rows of whole 16-float tiles (kernel/conv-sparse.as).
        patchDelta: conv && i > 0 ? memory.take(4 * cells * pad16(o.patchKs)) : 0,
        mask: o.kind === 'MaxPooling2D' || o.kind === 'Dropout' ? memory.take(4 * rows * floats(o.output)) : 0,
        gradAcc: conv ? memory.take(4 * o.patchKs * o.output.cs) : 0,
        kernelPacked: conv ? memory.take(4 * pad16(o.patchKs) * o.output.cs) : 0,
        // A row of the output gradient's nonzeros as (channel, value).
        nonzeros: conv ? memory.take(8 * o.output.cs) : 0,
      };
    });
    return { net, input, grads: workers > 1 ? memory.take(paramBytes) : 0, buffers };
  });
  const sets = planSets(memory, setSizes);
  return { kind: 'conv', ops, paramBase, paramBytes, rows, workspaces, sets, end: memory.cursor };
}

/** Writes a workspace's descriptor and operation records; `seed` starts its dropout generator. */
export function writeConvDescriptor(view: DataView, plan: ConvPlan, workspace: ConvWorkspace, settings: OptimizerSettings, seed: number): void {
  const at = workspace.net;
  writeHeader(view, plan, workspace, settings, plan.ops.length);
  view.setInt32(at + HEADER.kind, KIND_CONV, true);
  view.setUint32(at + HEADER.seed, seed >>> 0 || 1, true);
  view.setUint32(at + HEADER.input, workspace.input, true);
  plan.ops.forEach((o, i) => {
    const rec = at + HEADER.size + OP.size * i;
    const own = workspace.buffers[i];
    const below = workspace.buffers[i - 1];
    const fields: Array<[number, number]> = [
      [OP.kind, OP_KINDS[o.kind]], [OP.activation, o.activation],
      [OP.inH, o.input.h], [OP.inW, o.input.w], [OP.inC, o.input.c], [OP.inCs, o.input.cs],
      [OP.outH, o.output.h], [OP.outW, o.output.w], [OP.outC, o.output.c], [OP.outCs, o.output.cs],
      [OP.winH, o.window[0]], [OP.winW, o.window[1]], [OP.strideH, o.strides[0]], [OP.strideW, o.strides[1]],
      [OP.padTop, o.padding[0]], [OP.padLeft, o.padding[1]],
      [OP.src, below ? below.activations : workspace.input], [OP.activations, own.activations],
      [OP.srcDelta, below ? below.delta : 0], [OP.delta, own.delta],
      [OP.kernel, o.kernel], [OP.bias, o.bias], [OP.patch, own.patch], [OP.patchDelta, own.patchDelta],
      [OP.patchK, o.patchK], [OP.patchKs, o.patchKs], [OP.mask, own.mask], [OP.gradAcc, own.gradAcc], [OP.kernelPacked, own.kernelPacked], [OP.nonzeros, own.nonzeros],
    ];
    for (const [offset, value] of fields) view.setUint32(rec + offset, value, true);
    view.setFloat32(rec + OP.rate, o.rate, true);
  });
}
