/**
 * The TFLite graph before serialization (tensors and operators in execution order) and the builder that adds
 * to it in the variant's encoding: float32 constants as they are, float16 constants as half floats behind a
 * DEQUANTIZE op, and weight matrices of int8 models as symmetric int8 (zero points 0) as TensorFlow's converter
 * writes them: CONV_2D filters with one scale per output channel (first dimension), FULLY_CONNECTED kernels with
 * one scale for the whole kernel. Per-channel FULLY_CONNECTED weights need the op's version 12 (TFLite 2.17, 2024),
 * which the Android Task Library / ML Kit builds phone apps ship refuse; per-tensor ones run from TFLite 2.3.
 */
import type { Quantization } from '../../api/export-options';
import type { Activation } from '../../api/model-spec';
import { type ActivationFunctionType, BuiltinOperator, type Padding, TensorType } from './schema/tflite_generated';
import { quantizeRowsInt8, toFloat16Array } from './quantize';
import { OP_VERSION, type ExportedOperator } from './versions';

/** TensorFlow's converter leaves weight tensors smaller than this in float32 when quantizing to int8. */
const MIN_ELEMENTS_TO_QUANTIZE = 1024;

export interface GraphTensor {
  name: string;
  shape: number[];
  type: TensorType;
  /** Constant contents, little-endian; absent for activations. */
  data?: Uint8Array;
  /**
   * One scale per index of dimension `axis`, or a single scale for the whole tensor; zero points 0 unless given
   * (int8 and int32 weights are symmetric, full-integer activations are not).
   */
  quantization?: { scales: Float32Array; zeroPoints?: readonly number[]; axis: number };
}

/** [height, width] */
export type Window = [number, number];

export type OperatorOptions =
  | { kind: 'conv2d'; padding: Padding; stride: Window; activation: ActivationFunctionType }
  | { kind: 'pool2d'; padding: Padding; filter: Window; stride: Window }
  | { kind: 'fullyConnected'; activation: ActivationFunctionType; asymmetricQuantizeInputs: boolean }
  | { kind: 'softmax'; beta: number }
  | { kind: 'reshape'; newShape: number[] }
  | { kind: 'dequantize' }
  | { kind: 'reducer'; keepDims: boolean }
  | { kind: 'none' };

export interface GraphOperator {
  op: ExportedOperator;
  version: number;
  inputs: number[];
  outputs: number[];
  options: OperatorOptions;
}

export interface Graph {
  tensors: GraphTensor[];
  operators: GraphOperator[];
  input: number;
  output: number;
}

/** A float32 activation tensor and its shape (batch dimension first). */
export interface Value {
  index: number;
  shape: readonly number[];
}

/** How int8 weights are scaled: per output channel (index of the first dimension) or once for the whole tensor. */
export type WeightScaling = 'perChannel' | 'perTensor';

/** A weight tensor as stored: int8 when the variant quantized it (operators then need their hybrid version). */
export interface Weights {
  index: number;
  int8: boolean;
}

/** The operators that apply an activation on their own (relu is also fused into CONV_2D and FULLY_CONNECTED). */
const ACTIVATION_OP: Record<Exclude<Activation, 'linear'>, ExportedOperator> = {
  relu: BuiltinOperator.RELU,
  sigmoid: BuiltinOperator.LOGISTIC,
  tanh: BuiltinOperator.TANH,
  softmax: BuiltinOperator.SOFTMAX,
};

export const bytesOf = (array: Float32Array | Uint16Array | Int8Array | Int32Array): Uint8Array => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

const sameShape = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((d, i) => d === b[i]);

export class GraphBuilder {
  readonly tensors: GraphTensor[] = [];
  readonly operators: GraphOperator[] = [];

  constructor(private readonly quantize: Quantization) {}

  tensor(tensor: GraphTensor): number {
    return this.tensors.push(tensor) - 1;
  }

  operator(op: ExportedOperator, inputs: number[], outputs: number[], options: OperatorOptions, version: number = OP_VERSION.float): void {
    this.operators.push({ op, version, inputs, outputs, options });
  }

  value(name: string, shape: readonly number[]): Value {
    return { index: this.tensor({ name, shape: [...shape], type: TensorType.FLOAT32 }), shape };
  }

  /** Runs op on the inputs into a new float32 tensor. */
  apply(op: ExportedOperator, inputs: number[], name: string, shape: readonly number[], options: OperatorOptions, version?: number): Value {
    const out = this.value(name, shape);
    this.operator(op, inputs, [out.index], options, version);
    return out;
  }

  /** A float32 constant as the variant stores it; returns the float32 tensor operators read. */
  floatConstant(name: string, shape: number[], values: Float32Array): number {
    if (this.quantize !== 'float16') return this.tensor({ name, shape, type: TensorType.FLOAT32, data: bytesOf(values) });
    const half = this.tensor({ name, shape, type: TensorType.FLOAT16, data: bytesOf(toFloat16Array(values)) });
    const float = this.tensor({ name: `${name}/dequantize`, shape, type: TensorType.FLOAT32 });
    this.operator(BuiltinOperator.DEQUANTIZE, [half], [float], { kind: 'dequantize' }, OP_VERSION.float16Dequantize);
    return float;
  }

  /** Weights whose first dimension is the output channel; int8 scaled as `scaling` says when the variant quantizes them. */
  weights(name: string, shape: number[], values: Float32Array, scaling: WeightScaling): Weights {
    if (this.quantize !== 'int8' || values.length < MIN_ELEMENTS_TO_QUANTIZE) return { index: this.floatConstant(name, shape, values), int8: false };
    const rows = scaling === 'perChannel' ? shape[0] : 1;
    const { values: q, scales } = quantizeRowsInt8(values, rows, values.length / rows);
    return { index: this.tensor({ name, shape, type: TensorType.INT8, data: bytesOf(q), quantization: { scales, axis: 0 } }), int8: true };
  }

  /** x in the given shape: x itself when it has it, else a RESHAPE (constant int32 shape + ReshapeOptions) named `name`. */
  reshape(x: Value, shape: readonly number[], name: string): Value {
    if (sameShape(x.shape, shape)) return x;
    const newShape = [...shape];
    const shapeTensor = this.tensor({ name: `${name}/shape`, shape: [newShape.length], type: TensorType.INT32, data: bytesOf(Int32Array.from(newShape)) });
    return this.apply(BuiltinOperator.RESHAPE, [x.index, shapeTensor], name, shape, { kind: 'reshape', newShape });
  }

  /** The activation as its own operator (SOFTMAX with beta 1, over the last axis as Keras'); linear is x itself. */
  activate(x: Value, activation: Activation, name: string): Value {
    if (activation === 'linear') return x;
    const op = ACTIVATION_OP[activation];
    return this.apply(op, [x.index], name, x.shape, op === BuiltinOperator.SOFTMAX ? { kind: 'softmax', beta: 1 } : { kind: 'none' });
  }
}
