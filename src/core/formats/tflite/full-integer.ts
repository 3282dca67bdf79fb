/**
 * Full-integer int8 quantization of a float32 Graph, as TensorFlow's converter writes it with
 * optimizations=[DEFAULT], a representative dataset and supported_ops=[TFLITE_BUILTINS_INT8]: every activation an
 * int8 tensor with a per-tensor scale and zero point from its calibrated range (calibrate.ts), weights symmetric int8
 * (CONV_2D filters per output channel, quantized dimension 0; FULLY_CONNECTED kernels per tensor, see versions.ts),
 * biases int32 with scale input scale × weight scale and zero point 0, the constant operands of MUL / ADD / SUB
 * int8 per tensor. Fixed encodings where TFLite's kernels demand them: SOFTMAX and LOGISTIC outputs 1/256 with zero
 * point −128, TANH 1/128 with 0; pooling, RESHAPE and MEAN keep their input's (the kernels require or assume it).
 * The graph input is pixels/255, so its encoding is fixed to [0, 1]: scale 1/255, zero point −128 in int8, which a
 * uint8 input with zero point 0 turns into raw pixels 0–255. The ends are int8, or uint8 / float32 through a
 * QUANTIZE in front and a QUANTIZE / DEQUANTIZE at the back.
 */
import type { Range } from './calibrate';
import { bytesOf, type Graph, type GraphOperator, type GraphTensor } from './graph-builder';
import { asymmetricInt8, quantizeBias, quantizeInt8, quantizeRowsInt8, type AffineQuantization } from './quantize';
import { BuiltinOperator, TensorType } from './schema/tflite_generated';
import { fullIntegerMulVersion, INT8_VERSION, OP_VERSION } from './versions';

export type IntegerEnds = 'int8' | 'uint8' | 'float32';

/** The input's real values are pixels/255. */
const INPUT_RANGE: Range = { min: 0, max: 1 };
const FIXED_OUTPUT: Partial<Record<BuiltinOperator, AffineQuantization>> = {
  [BuiltinOperator.SOFTMAX]: { scale: 1 / 256, zeroPoint: -128 },
  [BuiltinOperator.LOGISTIC]: { scale: 1 / 256, zeroPoint: -128 },
  [BuiltinOperator.TANH]: { scale: 1 / 128, zeroPoint: 0 },
};
const KEEPS_INPUT_ENCODING = new Set<BuiltinOperator>([BuiltinOperator.MAX_POOL_2D, BuiltinOperator.AVERAGE_POOL_2D, BuiltinOperator.RESHAPE, BuiltinOperator.MEAN]);
/** What int8 value q becomes in uint8 (q + 128). */
const UINT8_SHIFT = 128;

const floats = (t: GraphTensor): Float32Array => new Float32Array(t.data!.buffer.slice(t.data!.byteOffset, t.data!.byteOffset + t.data!.byteLength));
const perTensor = ({ scale, zeroPoint }: AffineQuantization): GraphTensor['quantization'] => ({ scales: Float32Array.of(scale), zeroPoints: [zeroPoint], axis: 0 });
const minMax = (values: Float32Array): Range => values.reduce(({ min, max }, v) => ({ min: Math.min(min, v), max: Math.max(max, v) }), { min: 0, max: 0 });

class Quantizer {
  readonly tensors: GraphTensor[];
  readonly operators: GraphOperator[] = [];
  /** The int8 encoding of each activation, by tensor index. */
  private readonly encoding: AffineQuantization[] = [];

  constructor(
    private readonly float: Graph,
    private readonly ranges: ReadonlyArray<Range | undefined>,
  ) {
    this.tensors = float.tensors.map((t) => ({ ...t }));
  }

  activation(index: number, q: AffineQuantization): void {
    this.encoding[index] = q;
    this.tensors[index] = { name: this.float.tensors[index].name, shape: this.float.tensors[index].shape, type: TensorType.INT8, quantization: perTensor(q) };
  }

  encodingOf(index: number): AffineQuantization {
    const q = this.encoding[index];
    if (!q) throw new Error(`tensor ${this.float.tensors[index].name} is read before it is computed`);
    return q;
  }

  /** The calibrated encoding of an operator's output. */
  calibrated(index: number): AffineQuantization {
    const range = this.ranges[index];
    if (!range) throw new Error(`tensor ${this.float.tensors[index].name} has no calibrated range`);
    return asymmetricInt8(range.min, range.max);
  }

  /** A float constant as int8 weights (per row of its first dimension or per tensor); returns their scales. */
  weights(index: number, perChannel: boolean): Float32Array {
    const t = this.float.tensors[index];
    const rows = perChannel ? t.shape[0] : 1;
    const values = floats(t);
    const { values: q, scales } = quantizeRowsInt8(values, rows, values.length / rows);
    this.tensors[index] = { ...t, type: TensorType.INT8, data: bytesOf(q), quantization: { scales, axis: 0 } };
    return scales;
  }

  bias(index: number, inputScale: number, weightScales: Float32Array): void {
    const t = this.float.tensors[index];
    const { values, scales } = quantizeBias(floats(t), inputScale, weightScales);
    this.tensors[index] = { ...t, type: TensorType.INT32, data: bytesOf(values), quantization: { scales, axis: 0 } };
  }

  /** An operand of MUL / ADD / SUB: its encoding, after quantizing it per tensor when it is a constant. */
  operand(index: number): AffineQuantization {
    const t = this.float.tensors[index];
    if (!t.data) return this.encodingOf(index);
    const values = floats(t);
    const { min, max } = minMax(values);
    const q = asymmetricInt8(min, max);
    this.tensors[index] = { ...t, type: TensorType.INT8, data: bytesOf(quantizeInt8(values, q)), quantization: perTensor(q) };
    return q;
  }

  convert(op: GraphOperator): GraphOperator {
    const [a, b, c] = op.inputs;
    const out = op.outputs[0];
    const version = INT8_VERSION[op.op];
    if (version === undefined) throw new Error(`full-integer int8 cannot write ${BuiltinOperator[op.op]}`);
    switch (op.op) {
      case BuiltinOperator.CONV_2D:
      case BuiltinOperator.FULLY_CONNECTED: {
        const inputScale = this.encodingOf(a).scale;
        this.bias(c, inputScale, this.weights(b, op.op === BuiltinOperator.CONV_2D));
        this.activation(out, this.calibrated(out));
        const options = op.options.kind === 'fullyConnected' ? { ...op.options, asymmetricQuantizeInputs: false } : op.options;
        return { ...op, options, version };
      }
      case BuiltinOperator.MUL:
      case BuiltinOperator.ADD:
      case BuiltinOperator.SUB: {
        const [qa, qb] = [this.operand(a), this.operand(b)];
        const q = this.calibrated(out);
        this.activation(out, q);
        return { ...op, version: op.op === BuiltinOperator.MUL ? fullIntegerMulVersion(qa.scale, qb.scale, q.scale) : version };
      }
      default:
        this.activation(out, FIXED_OUTPUT[op.op] ?? (KEEPS_INPUT_ENCODING.has(op.op) ? this.encodingOf(a) : this.calibrated(out)));
        return { ...op, version };
    }
  }

  /** A tensor for an end of the graph, shaped like `like`. */
  end(like: number, name: string, type: TensorType, q: AffineQuantization | null): number {
    return this.tensors.push({ name, shape: this.float.tensors[like].shape, type, quantization: q ? perTensor(q) : undefined }) - 1;
  }
}

export function fullIntegerGraph(float: Graph, ranges: ReadonlyArray<Range | undefined>, ends: IntegerEnds): Graph {
  const quantizer = new Quantizer(float, ranges);
  const inputQ = asymmetricInt8(INPUT_RANGE.min, INPUT_RANGE.max);
  quantizer.activation(float.input, inputQ);
  const body = float.operators.map((op) => quantizer.convert(op));
  if (ends === 'int8') return { tensors: quantizer.tensors, operators: body, input: float.input, output: float.output };

  const outputQ = quantizer.encodingOf(float.output);
  const uint8 = ends === 'uint8';
  const shifted = (q: AffineQuantization): AffineQuantization => ({ ...q, zeroPoint: q.zeroPoint + UINT8_SHIFT });
  const inputName = float.tensors[float.input].name;
  quantizer.tensors[float.input] = { ...quantizer.tensors[float.input], name: `${inputName}/int8` };
  const input = quantizer.end(float.input, inputName, uint8 ? TensorType.UINT8 : TensorType.FLOAT32, uint8 ? shifted(inputQ) : null);
  const output = quantizer.end(float.output, `${float.tensors[float.output].name}/${ends}`, uint8 ? TensorType.UINT8 : TensorType.FLOAT32, uint8 ? shifted(outputQ) : null);
  const front: GraphOperator = { op: BuiltinOperator.QUANTIZE, version: OP_VERSION.quantize, inputs: [input], outputs: [float.input], options: { kind: 'none' } };
  const back: GraphOperator = uint8
    ? { op: BuiltinOperator.QUANTIZE, version: OP_VERSION.quantize, inputs: [float.output], outputs: [output], options: { kind: 'none' } }
    : { op: BuiltinOperator.DEQUANTIZE, version: OP_VERSION.int8Dequantize, inputs: [float.output], outputs: [output], options: { kind: 'dequantize' } };
  return { tensors: quantizer.tensors, operators: [front, ...body, back], input, output };
}
