/**
 * Operator versions and the oldest TFLite runtime that runs each, for the operators the exporter writes.
 * Values from TensorFlow's tensorflow/lite/tools/versioning (op_version.cc, runtime_version.cc); the
 * converter records the highest runtime over all operators as the `min_runtime_version` metadata.
 */
import { BuiltinOperator } from './schema/tflite_generated';

export type ExportedOperator =
  | BuiltinOperator.CONV_2D
  | BuiltinOperator.MAX_POOL_2D
  | BuiltinOperator.AVERAGE_POOL_2D
  | BuiltinOperator.FULLY_CONNECTED
  | BuiltinOperator.SOFTMAX
  | BuiltinOperator.RESHAPE
  | BuiltinOperator.RELU
  | BuiltinOperator.LOGISTIC
  | BuiltinOperator.TANH
  | BuiltinOperator.DEQUANTIZE
  | BuiltinOperator.MUL
  | BuiltinOperator.ADD
  | BuiltinOperator.SUB
  | BuiltinOperator.MEAN
  | BuiltinOperator.CAST
  | BuiltinOperator.QUANTIZE;

/** Version 1 is the float32 kernel of every operator here; the others are what quantized inputs require. */
export const OP_VERSION = {
  float: 1,
  /** CONV_2D with float input/output and int8 weights, one scale per output channel (dynamic-range "hybrid"). */
  hybridPerChannelConv2D: 5,
  /**
   * FULLY_CONNECTED with float input/output, per-tensor int8 weights and asymmetric_quantize_inputs (dynamic-range
   * "hybrid"; 3 without asymmetric inputs, 12 with per-channel weights).
   */
  hybridFullyConnected: 9,
  /** DEQUANTIZE of a float16 tensor. */
  float16Dequantize: 3,
  /** QUANTIZE float32 → int8 or int8 ↔ uint8, per tensor. */
  quantize: 1,
  /** DEQUANTIZE of a per-tensor int8 tensor. */
  int8Dequantize: 2,
} as const;

/**
 * The versions of the int8 kernels (int8 input, int8 weights, int8 output) in a full-integer graph: CONV_2D 3 with
 * per-channel weights, FULLY_CONNECTED 4 with per-tensor ones (op_version.cc gives per-channel int8 weights no
 * version of their own; per tensor is the form every runtime since 1.14 runs), MUL 3 when
 * input1 scale × input2 scale / output scale ≥ 1 (fullIntegerMulVersion), RESHAPE 1 for every type.
 */
export const INT8_VERSION: Partial<Record<ExportedOperator, number>> = {
  [BuiltinOperator.CONV_2D]: 3,
  [BuiltinOperator.FULLY_CONNECTED]: 4,
  [BuiltinOperator.MAX_POOL_2D]: 2,
  [BuiltinOperator.AVERAGE_POOL_2D]: 2,
  [BuiltinOperator.SOFTMAX]: 2,
  [BuiltinOperator.MEAN]: 2,
  [BuiltinOperator.RESHAPE]: 1,
  [BuiltinOperator.RELU]: 2,
  [BuiltinOperator.LOGISTIC]: 2,
  [BuiltinOperator.TANH]: 2,
  [BuiltinOperator.ADD]: 2,
  [BuiltinOperator.SUB]: 2,
  [BuiltinOperator.MUL]: 2,
  [BuiltinOperator.QUANTIZE]: OP_VERSION.quantize,
  [BuiltinOperator.DEQUANTIZE]: OP_VERSION.int8Dequantize,
};

/** MUL's int8 version: 3 when its rescale factor is at least 1 (op_version.cc). */
export function fullIntegerMulVersion(input1Scale: number, input2Scale: number, outputScale: number): number {
  return (input1Scale * input2Scale) / outputScale >= 1 ? 3 : 2;
}

const MIN_RUNTIME: Record<string, string> = {
  [`${BuiltinOperator.CONV_2D}/1`]: '1.5.0',
  [`${BuiltinOperator.CONV_2D}/5`]: '2.4.0',
  [`${BuiltinOperator.MAX_POOL_2D}/1`]: '1.5.0',
  [`${BuiltinOperator.AVERAGE_POOL_2D}/1`]: '1.5.0',
  [`${BuiltinOperator.FULLY_CONNECTED}/1`]: '1.5.0',
  [`${BuiltinOperator.FULLY_CONNECTED}/9`]: '2.3.0',
  [`${BuiltinOperator.SOFTMAX}/1`]: '1.5.0',
  [`${BuiltinOperator.RESHAPE}/1`]: '1.5.0',
  [`${BuiltinOperator.RELU}/1`]: '1.5.0',
  [`${BuiltinOperator.LOGISTIC}/1`]: '1.14.0',
  [`${BuiltinOperator.TANH}/1`]: '1.14.0',
  [`${BuiltinOperator.DEQUANTIZE}/3`]: '1.15.0',
  [`${BuiltinOperator.MUL}/1`]: '1.5.0',
  [`${BuiltinOperator.ADD}/1`]: '1.5.0',
  [`${BuiltinOperator.SUB}/1`]: '1.6.0',
  [`${BuiltinOperator.MEAN}/1`]: '1.6.0',
  [`${BuiltinOperator.CAST}/1`]: '1.5.0',
  [`${BuiltinOperator.CONV_2D}/3`]: '1.14.0',
  [`${BuiltinOperator.FULLY_CONNECTED}/4`]: '1.14.0',
  [`${BuiltinOperator.MAX_POOL_2D}/2`]: '1.14.0',
  [`${BuiltinOperator.AVERAGE_POOL_2D}/2`]: '1.14.0',
  [`${BuiltinOperator.SOFTMAX}/2`]: '1.14.0',
  [`${BuiltinOperator.MEAN}/2`]: '1.14.0',
  [`${BuiltinOperator.RELU}/2`]: '2.1.0',
  [`${BuiltinOperator.LOGISTIC}/2`]: '1.14.0',
  [`${BuiltinOperator.TANH}/2`]: '1.14.0',
  [`${BuiltinOperator.ADD}/2`]: '1.14.0',
  [`${BuiltinOperator.SUB}/2`]: '1.14.0',
  [`${BuiltinOperator.MUL}/2`]: '1.14.0',
  [`${BuiltinOperator.MUL}/3`]: '1.15.0',
  [`${BuiltinOperator.QUANTIZE}/1`]: '1.14.0',
  [`${BuiltinOperator.DEQUANTIZE}/2`]: '1.14.0',
};

function compareVersions(a: string, b: string): number {
  const [pa, pb] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  }
  return 0;
}

/** The newest of the runtimes the (operator, version) pairs need. */
export function minRuntimeVersion(ops: ReadonlyArray<{ op: ExportedOperator; version: number }>): string {
  return ops
    .map(({ op, version }) => {
      const runtime = MIN_RUNTIME[`${op}/${version}`];
      if (!runtime) throw new Error(`no known TFLite runtime for ${BuiltinOperator[op]} version ${version}`);
      return runtime;
    })
    .reduce((newest, v) => (compareVersions(v, newest) > 0 ? v : newest), '1.5.0');
}
