/**
 * The TFLite graph of a Dense stack: tensors and operators in execution order, before serialization.
 * Static shapes, batch 1: input [1,784] (or [1,28,28,1] + RESHAPE), output [1,10]. Each Dense layer becomes
 * FULLY_CONNECTED (weights [out,in], bias, relu fused) followed by LOGISTIC, TANH or SOFTMAX (beta 1) for those
 * activations. float16 stores weights and biases as half floats with DEQUANTIZE ops in front, and int8
 * stores per-channel int8 kernels read by the hybrid FULLY_CONNECTED kernel, as TensorFlow's converter does.
 */
import type { InputShape, Quantization } from '../../api/export-options';
import { checkWeights, layerShapes, type TrainedModel } from '../../api/model-spec';
import { ActivationFunctionType, BuiltinOperator, TensorType } from './schema/tflite_generated';
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
  /** int8 weights: one scale per index of dimension `axis`, zero points 0. */
  quantization?: { scales: Float32Array; axis: number };
}

export type OperatorOptions =
  | { kind: 'fullyConnected'; activation: ActivationFunctionType; asymmetricQuantizeInputs: boolean }
  | { kind: 'softmax'; beta: number }
  | { kind: 'reshape'; newShape: number[] }
  | { kind: 'dequantize' }
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

export interface GraphOptions {
  quantize: Quantization;
  inputShape: InputShape;
}

const SUPPORTED = ['relu', 'linear', 'sigmoid', 'tanh', 'softmax'];
const SEPARATE_OP: Record<string, ExportedOperator> = { sigmoid: BuiltinOperator.LOGISTIC, tanh: BuiltinOperator.TANH, softmax: BuiltinOperator.SOFTMAX };

const bytesOf = (array: Float32Array | Uint16Array | Int8Array | Int32Array): Uint8Array => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

/** [rows, cols] row-major → [cols, rows] row-major. */
function transpose(matrix: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(matrix.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = matrix[r * cols + c];
  return out;
}

class GraphBuilder {
  readonly tensors: GraphTensor[] = [];
  readonly operators: GraphOperator[] = [];

  constructor(private readonly quantize: Quantization) {}

  tensor(tensor: GraphTensor): number {
    return this.tensors.push(tensor) - 1;
  }

  operator(op: ExportedOperator, inputs: number[], outputs: number[], options: OperatorOptions, version: number = OP_VERSION.float): void {
    this.operators.push({ op, version, inputs, outputs, options });
  }

  /** A float32 constant as the variant stores it; returns the float32 tensor operators read. */
  floatConstant(name: string, shape: number[], values: Float32Array): number {
    if (this.quantize !== 'float16') return this.tensor({ name, shape, type: TensorType.FLOAT32, data: bytesOf(values) });
    const half = this.tensor({ name, shape, type: TensorType.FLOAT16, data: bytesOf(toFloat16Array(values)) });
    const float = this.tensor({ name: `${name}/dequantize`, shape, type: TensorType.FLOAT32 });
    this.operator(BuiltinOperator.DEQUANTIZE, [half], [float], { kind: 'dequantize' }, OP_VERSION.float16Dequantize);
    return float;
  }

  /** The [units, inputs] kernel; int8 per output channel when the variant quantizes it. */
  kernel(name: string, units: number, inputs: number, values: Float32Array): { index: number; int8: boolean } {
    if (this.quantize !== 'int8' || values.length < MIN_ELEMENTS_TO_QUANTIZE) return { index: this.floatConstant(name, [units, inputs], values), int8: false };
    const { values: q, scales } = quantizeRowsInt8(values, units, inputs);
    return { index: this.tensor({ name, shape: [units, inputs], type: TensorType.INT8, data: bytesOf(q), quantization: { scales, axis: 0 } }), int8: true };
  }
}

export function buildGraph(model: TrainedModel, options: GraphOptions): Graph {
  const { spec, weights } = model;
  checkWeights(spec, weights);
  spec.layers.forEach((layer, i) => {
    if (!SUPPORTED.includes(layer.activation)) {
      throw new Error(`cannot express layer ${i + 1}'s activation ${JSON.stringify(layer.activation)} in TFLite (supported: ${SUPPORTED.join(', ')})`);
    }
  });
  if (options.inputShape === '28x28' && spec.inputSize !== 28 * 28) throw new Error(`cannot feed a 28x28 image to a model with ${spec.inputSize} inputs`);
  const g = new GraphBuilder(options.quantize);
  const input = g.tensor({ name: 'input', shape: options.inputShape === '28x28' ? [1, 28, 28, 1] : [1, spec.inputSize], type: TensorType.FLOAT32 });
  let x = input;
  if (options.inputShape === '28x28') {
    const newShape = [1, spec.inputSize];
    const shape = g.tensor({ name: 'flatten/shape', shape: [2], type: TensorType.INT32, data: bytesOf(Int32Array.from(newShape)) });
    const flat = g.tensor({ name: 'flatten', shape: newShape, type: TensorType.FLOAT32 });
    g.operator(BuiltinOperator.RESHAPE, [x, shape], [flat], { kind: 'reshape', newShape });
    x = flat;
  }
  layerShapes(spec).forEach(([inputs, units], i) => {
    const name = `dense_${i + 1}`;
    const { activation } = spec.layers[i];
    const kernel = g.kernel(`${name}/kernel`, units, inputs, transpose(weights[i].kernel, inputs, units));
    const bias = g.floatConstant(`${name}/bias`, [units], weights[i].bias);
    const separate = SEPARATE_OP[activation];
    const out = g.tensor({ name: separate ? `${name}/linear` : name, shape: [1, units], type: TensorType.FLOAT32 });
    const fused = activation === 'relu' ? ActivationFunctionType.RELU : ActivationFunctionType.NONE;
    const fcOptions: OperatorOptions = { kind: 'fullyConnected', activation: fused, asymmetricQuantizeInputs: kernel.int8 };
    g.operator(BuiltinOperator.FULLY_CONNECTED, [x, kernel.index, bias], [out], fcOptions, kernel.int8 ? OP_VERSION.hybridPerChannelFullyConnected : OP_VERSION.float);
    x = out;
    if (separate) {
      const activated = g.tensor({ name: `${name}/${activation}`, shape: [1, units], type: TensorType.FLOAT32 });
      g.operator(separate, [x], [activated], separate === BuiltinOperator.SOFTMAX ? { kind: 'softmax', beta: 1 } : { kind: 'none' });
      x = activated;
    }
  });
  return { tensors: g.tensors, operators: g.operators, input, output: x };
}
