/**
 * Runs a float32 Graph (graph-builder.ts, before serialization) in plain JavaScript, operator by operator, and
 * hands every tensor's values to a visitor: what calibration needs, as TensorFlow's calibrator runs the float model
 * in the TFLite interpreter and logs each tensor. Covers exactly the operators a float32 export writes (batch 1,
 * NHWC, the second operand of MUL/ADD/SUB broadcast over the last axis or a scalar).
 */
import type { Graph, GraphOperator, GraphTensor } from './graph-builder';
import { ActivationFunctionType, BuiltinOperator, Padding, TensorType } from './schema/tflite_generated';

const count = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

function constantValues(t: GraphTensor): Float32Array | null {
  if (!t.data || t.type !== TensorType.FLOAT32) return null;
  return new Float32Array(t.data.buffer.slice(t.data.byteOffset, t.data.byteOffset + t.data.byteLength));
}

function fuse(values: Float32Array, activation: ActivationFunctionType): Float32Array {
  if (activation === ActivationFunctionType.RELU) for (let i = 0; i < values.length; i++) values[i] = Math.max(0, values[i]);
  return values;
}

/** Rows/columns of padding before the input for SAME (TFLite's rule: half the total, the extra one after). */
function padBefore(padding: Padding, size: number, out: number, window: number, stride: number): number {
  return padding === Padding.SAME ? Math.max(0, Math.floor(((out - 1) * stride + window - size) / 2)) : 0;
}

function conv2d(x: Float32Array, [, h, w, c]: number[], filter: Float32Array, [o, kh, kw]: number[], bias: Float32Array, [, oh, ow]: number[], op: GraphOperator): Float32Array {
  if (op.options.kind !== 'conv2d') throw new Error('CONV_2D without Conv2DOptions');
  const [sh, sw] = op.options.stride;
  const top = padBefore(op.options.padding, h, oh, kh, sh);
  const left = padBefore(op.options.padding, w, ow, kw, sw);
  const out = new Float32Array(oh * ow * o);
  for (let oy = 0; oy < oh; oy++) {
    for (let ox = 0; ox < ow; ox++) {
      for (let f = 0; f < o; f++) {
        let sum = bias[f];
        for (let ky = 0; ky < kh; ky++) {
          const y = oy * sh - top + ky;
          if (y < 0 || y >= h) continue;
          for (let kx = 0; kx < kw; kx++) {
            const xx = ox * sw - left + kx;
            if (xx < 0 || xx >= w) continue;
            const inBase = (y * w + xx) * c;
            const wBase = ((f * kh + ky) * kw + kx) * c;
            for (let ch = 0; ch < c; ch++) sum += x[inBase + ch] * filter[wBase + ch];
          }
        }
        out[(oy * ow + ox) * o + f] = sum;
      }
    }
  }
  return fuse(out, op.options.activation);
}

function pool(x: Float32Array, [, h, w, c]: number[], [, oh, ow]: number[], op: GraphOperator): Float32Array {
  if (op.options.kind !== 'pool2d') throw new Error('pooling without Pool2DOptions');
  const [[sh, sw], [fh, fw]] = [op.options.stride, op.options.filter];
  const max = op.op === BuiltinOperator.MAX_POOL_2D;
  const top = padBefore(op.options.padding, h, oh, fh, sh);
  const left = padBefore(op.options.padding, w, ow, fw, sw);
  const out = new Float32Array(oh * ow * c);
  for (let oy = 0; oy < oh; oy++) {
    const [y0, y1] = [Math.max(oy * sh - top, 0), Math.min(oy * sh - top + fh, h)];
    for (let ox = 0; ox < ow; ox++) {
      const [x0, x1] = [Math.max(ox * sw - left, 0), Math.min(ox * sw - left + fw, w)];
      for (let ch = 0; ch < c; ch++) {
        let acc = max ? -Infinity : 0;
        for (let y = y0; y < y1; y++) for (let xx = x0; xx < x1; xx++) acc = max ? Math.max(acc, x[(y * w + xx) * c + ch]) : acc + x[(y * w + xx) * c + ch];
        out[(oy * ow + ox) * c + ch] = max ? acc : acc / ((y1 - y0) * (x1 - x0));
      }
    }
  }
  return out;
}

function fullyConnected(x: Float32Array, weights: Float32Array, [units, inputs]: number[], bias: Float32Array, op: GraphOperator): Float32Array {
  if (op.options.kind !== 'fullyConnected') throw new Error('FULLY_CONNECTED without FullyConnectedOptions');
  const out = new Float32Array(units);
  for (let u = 0; u < units; u++) {
    let sum = bias[u];
    for (let i = 0; i < inputs; i++) sum += x[i] * weights[u * inputs + i];
    out[u] = sum;
  }
  return fuse(out, op.options.activation);
}

function softmax(x: Float32Array): Float32Array {
  const max = Math.max(...x);
  const out = x.map((v) => Math.exp(v - max));
  const sum = out.reduce((a, b) => a + b, 0);
  return out.map((v) => v / sum);
}

/** a op b with b (or a) repeated over the other's last axis: a [1] scalar or one value per channel. */
function binary(a: Float32Array, b: Float32Array, f: (x: number, y: number) => number): Float32Array {
  const n = Math.max(a.length, b.length);
  return Float32Array.from({ length: n }, (_, i) => f(a[i % a.length], b[i % b.length]));
}

/** MEAN over the last axis (the only reduction the exporter writes: RGB → gray). */
function meanLastAxis(x: Float32Array, channels: number): Float32Array {
  const out = new Float32Array(x.length / channels);
  for (let i = 0; i < out.length; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += x[i * channels + c];
    out[i] = sum / channels;
  }
  return out;
}

/** A reusable runner: feed it the graph input's values; `visit(tensor, values)` sees the input and every operator output. */
export function createGraphRunner(graph: Graph): (input: Float32Array, visit: (tensor: number, values: Float32Array) => void) => void {
  const constants = graph.tensors.map(constantValues);
  const shapes = graph.tensors.map((t) => t.shape);
  return (input, visit) => {
    if (input.length !== count(shapes[graph.input])) throw new Error(`the graph takes ${count(shapes[graph.input])} values, not ${input.length}`);
    const values: Array<Float32Array | null> = [...constants];
    values[graph.input] = input;
    visit(graph.input, input);
    const read = (index: number): Float32Array => {
      const v = values[index];
      if (!v) throw new Error(`tensor ${graph.tensors[index].name} is read before it is computed`);
      return v;
    };
    for (const op of graph.operators) {
      const [a, b, c] = op.inputs;
      const out = op.outputs[0];
      let result: Float32Array;
      switch (op.op) {
        case BuiltinOperator.CONV_2D:
          result = conv2d(read(a), shapes[a], read(b), shapes[b], read(c), shapes[out], op);
          break;
        case BuiltinOperator.MAX_POOL_2D:
        case BuiltinOperator.AVERAGE_POOL_2D:
          result = pool(read(a), shapes[a], shapes[out], op);
          break;
        case BuiltinOperator.FULLY_CONNECTED:
          result = fullyConnected(read(a), read(b), shapes[b], read(c), op);
          break;
        case BuiltinOperator.RESHAPE:
        case BuiltinOperator.CAST:
          result = read(a);
          break;
        case BuiltinOperator.SOFTMAX:
          result = softmax(read(a));
          break;
        case BuiltinOperator.RELU:
          result = read(a).map((v) => Math.max(0, v));
          break;
        case BuiltinOperator.LOGISTIC:
          result = read(a).map((v) => 1 / (1 + Math.exp(-v)));
          break;
        case BuiltinOperator.TANH:
          result = read(a).map(Math.tanh);
          break;
        case BuiltinOperator.MUL:
          result = binary(read(a), read(b), (x, y) => x * y);
          break;
        case BuiltinOperator.ADD:
          result = binary(read(a), read(b), (x, y) => x + y);
          break;
        case BuiltinOperator.SUB:
          result = binary(read(a), read(b), (x, y) => x - y);
          break;
        case BuiltinOperator.MEAN:
          result = meanLastAxis(read(a), shapes[a][shapes[a].length - 1]);
          break;
        default:
          throw new Error(`cannot run ${BuiltinOperator[op.op]} in the calibration pass`);
      }
      values[out] = result;
      visit(out, result);
    }
  };
}
