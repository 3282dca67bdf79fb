/**
 * Reads any .tflite file's structure with the same generated bindings the exporter writes with: the main
 * subgraph's inputs, outputs, operators (with their options) and tensors (type, shape, stored bytes,
 * quantization), plus the description, signatures and min_runtime_version metadata.
 */
import { megabytes, readRegularFile } from '../../fs/regular-file';
import { asModelFileError, ModelFileError } from '../model-error';
import { CheckedByteBuffer } from './checked-byte-buffer';
import {
  ActivationFunctionType,
  BuiltinOperator,
  BuiltinOptions,
  Conv2DOptions,
  FullyConnectedOptions,
  FullyConnectedOptionsWeightsFormat,
  Model,
  type Operator,
  Padding,
  Pool2DOptions,
  ReshapeOptions,
  SoftmaxOptions,
  type Tensor,
  TensorType,
} from './schema/tflite_generated';
import { MIN_RUNTIME_METADATA } from './serialize';

export interface TfliteTensorInfo {
  index: number;
  name: string;
  type: string;
  shape: number[];
  /** -1 marks a dynamic dimension; null when the file has no shape_signature. */
  shapeSignature: number[] | null;
  /** Bytes of constant data stored in the file (0 for activations). */
  bytes: number;
  quantization: { scales: number; axis: number } | null;
}

export interface TfliteOperatorInfo {
  index: number;
  op: string;
  version: number;
  inputs: number[];
  outputs: number[];
  options: Record<string, unknown> | null;
}

export interface TfliteSummary {
  bytes: number;
  schemaVersion: number;
  description: string | null;
  minRuntimeVersion: string | null;
  subgraphs: number;
  signatures: Array<{ key: string; inputs: string[]; outputs: string[] }>;
  inputs: number[];
  outputs: number[];
  operators: TfliteOperatorInfo[];
  tensors: TfliteTensorInfo[];
}

/** Array.from over a vector, refusing lengths a corrupt file could claim (each element takes ≥ 1 byte). */
function list<T>(length: number, fileBytes: number, item: (index: number) => T): T[] {
  if (length > fileBytes) throw new Error(`a vector claims ${length} entries in a ${fileBytes}-byte file`);
  return Array.from({ length }, (_, i) => item(i));
}

const nameOf = (names: Record<number, string>, value: number, fallback: string): string => names[value] ?? `${fallback}${value}`;

function optionsOf(op: Operator): Record<string, unknown> | null {
  const type = op.builtinOptionsType();
  switch (type) {
    case BuiltinOptions.NONE:
      return null;
    case BuiltinOptions.Conv2DOptions: {
      const o = op.builtinOptions(new Conv2DOptions()) as Conv2DOptions;
      return {
        padding: nameOf(Padding, o.padding(), 'PADDING_'),
        stride_w: o.strideW(),
        stride_h: o.strideH(),
        fused_activation_function: nameOf(ActivationFunctionType, o.fusedActivationFunction(), 'ACTIVATION_'),
        dilation_w_factor: o.dilationWFactor(),
        dilation_h_factor: o.dilationHFactor(),
      };
    }
    case BuiltinOptions.Pool2DOptions: {
      const o = op.builtinOptions(new Pool2DOptions()) as Pool2DOptions;
      return {
        padding: nameOf(Padding, o.padding(), 'PADDING_'),
        stride_w: o.strideW(),
        stride_h: o.strideH(),
        filter_width: o.filterWidth(),
        filter_height: o.filterHeight(),
        fused_activation_function: nameOf(ActivationFunctionType, o.fusedActivationFunction(), 'ACTIVATION_'),
      };
    }
    case BuiltinOptions.FullyConnectedOptions: {
      const o = op.builtinOptions(new FullyConnectedOptions()) as FullyConnectedOptions;
      return {
        fused_activation_function: nameOf(ActivationFunctionType, o.fusedActivationFunction(), 'ACTIVATION_'),
        weights_format: nameOf(FullyConnectedOptionsWeightsFormat, o.weightsFormat(), 'FORMAT_'),
        keep_num_dims: o.keepNumDims(),
        asymmetric_quantize_inputs: o.asymmetricQuantizeInputs(),
      };
    }
    case BuiltinOptions.SoftmaxOptions:
      return { beta: (op.builtinOptions(new SoftmaxOptions()) as SoftmaxOptions).beta() };
    case BuiltinOptions.ReshapeOptions:
      return { new_shape: Array.from((op.builtinOptions(new ReshapeOptions()) as ReshapeOptions).newShapeArray() ?? []) };
    case BuiltinOptions.DequantizeOptions:
      return {};
    default:
      return { builtin_options_type: type };
  }
}

function tensorInfo(t: Tensor, index: number, model: Model): TfliteTensorInfo {
  const q = t.quantization();
  return {
    index,
    name: t.name() ?? '',
    type: nameOf(TensorType, t.type(), 'TYPE_').toLowerCase(),
    shape: Array.from(t.shapeArray() ?? []),
    shapeSignature: t.shapeSignatureLength() ? Array.from(t.shapeSignatureArray()!) : null,
    bytes: model.buffers(t.buffer())?.dataLength() ?? 0,
    quantization: q && q.scaleLength() ? { scales: q.scaleLength(), axis: q.quantizedDimension() } : null,
  };
}

function minRuntimeOf(model: Model): string | null {
  for (let i = 0; i < model.metadataLength(); i++) {
    const entry = model.metadata(i)!;
    if (entry.name() !== MIN_RUNTIME_METADATA) continue;
    const data = model.buffers(entry.buffer())?.dataArray();
    return data ? new TextDecoder().decode(data).replace(/\0+$/, '') : null;
  }
  return null;
}

/** @throws Error when the bytes are not a readable TFLite FlatBuffer */
export function inspectTflite(bytes: Uint8Array): TfliteSummary {
  // A private, offset-0 copy: the bindings view int32/float vectors in place, which needs aligned offsets.
  const bb = new CheckedByteBuffer(new Uint8Array(bytes));
  if (bytes.length < 8 || !Model.bufferHasIdentifier(bb)) throw new Error('not a TFLite file (no "TFL3" file identifier)');
  try {
    const model = Model.getRootAsModel(bb);
    const graph = model.subgraphs(0);
    if (!graph) throw new Error('the model has no subgraph');
    const n = bytes.length;
    const codes = list(model.operatorCodesLength(), n, (i) => {
      const code = model.operatorCodes(i)!;
      const builtin = Math.max(code.builtinCode(), code.deprecatedBuiltinCode());
      return { op: builtin === BuiltinOperator.CUSTOM ? (code.customCode() ?? 'CUSTOM') : nameOf(BuiltinOperator, builtin, 'BUILTIN_'), version: code.version() };
    });
    const operators = list(graph.operatorsLength(), n, (index) => {
      const op = graph.operators(index)!;
      const code = codes[op.opcodeIndex()] ?? { op: `opcode ${op.opcodeIndex()}`, version: 0 };
      return { index, ...code, inputs: Array.from(op.inputsArray() ?? []), outputs: Array.from(op.outputsArray() ?? []), options: optionsOf(op) };
    });
    const signatures = list(model.signatureDefsLength(), n, (i) => {
      const s = model.signatureDefs(i)!;
      return {
        key: s.signatureKey() ?? '',
        inputs: list(s.inputsLength(), n, (k) => s.inputs(k)!.name() ?? ''),
        outputs: list(s.outputsLength(), n, (k) => s.outputs(k)!.name() ?? ''),
      };
    });
    return {
      bytes: bytes.length,
      schemaVersion: model.version(),
      description: model.description(),
      minRuntimeVersion: minRuntimeOf(model),
      subgraphs: model.subgraphsLength(),
      signatures,
      inputs: Array.from(graph.inputsArray() ?? []),
      outputs: Array.from(graph.outputsArray() ?? []),
      operators,
      tensors: list(graph.tensorsLength(), n, (i) => tensorInfo(graph.tensors(i)!, i, model)),
    };
  } catch (error) {
    throw new Error(`not a readable TFLite file (${(error as Error).message})`);
  }
}

/**
 * The scale and zero point that map tensor `index` of the main subgraph to real numbers (real = scale × (q −
 * zero point)), or null when it has none; a per-channel tensor gives its first channel's.
 * @throws Error when the bytes are not a readable TFLite FlatBuffer
 */
export function tensorQuantization(bytes: Uint8Array, index: number): { scale: number; zeroPoint: number } | null {
  const q = Model.getRootAsModel(new CheckedByteBuffer(new Uint8Array(bytes))).subgraphs(0)?.tensors(index)?.quantization();
  const scale = q?.scaleLength() ? q.scale(0) : null;
  return scale === null || scale === undefined ? null : { scale, zeroPoint: Number(q?.zeroPointLength() ? q.zeroPoint(0) : 0) };
}

/** A digit model's .tflite is about 0.4 MB; info and evaluate read the whole file into memory, so anything huge is refused. */
const MAX_FILE_BYTES = 256 * 2 ** 20;

/** The bytes of a .tflite file (a regular file of at most MAX_FILE_BYTES); a refusal is a ModelFileError. */
export function readTfliteFile(path: string): Promise<Uint8Array> {
  return asModelFileError(() => readRegularFile(path, { maxBytes: MAX_FILE_BYTES, tooLarge: `over ${megabytes(MAX_FILE_BYTES)}, more than Digit Studio reads into memory` }));
}

export async function readTfliteSummary(path: string): Promise<TfliteSummary> {
  const bytes = await readTfliteFile(path);
  try {
    return inspectTflite(bytes);
  } catch (error) {
    throw new ModelFileError(path, (error as Error).message);
  }
}
