/**
 * Writes a Graph as a TFLite FlatBuffer (schema version 3, identifier "TFL3") with the generated bindings:
 * buffer 0 empty, one 16-byte-aligned buffer per constant, both builtin_code and deprecated_builtin_code,
 * options tables on every operator that has them, a "serving_default" signature, the description, the
 * `min_runtime_version` metadata (16 bytes, NUL-padded, as TensorFlow's converter writes it) and the TFLite Model
 * Metadata flatbuffer (metadata.ts) as the `TFLITE_METADATA` entry, after it as tflite-support's populator adds it.
 */
import * as flatbuffers from 'flatbuffers';
import type { Graph, OperatorOptions } from './graph-builder';
import {
  ActivationFunctionType,
  Buffer as TfliteBuffer,
  BuiltinOptions,
  Conv2DOptions,
  DequantizeOptions,
  FullyConnectedOptions,
  FullyConnectedOptionsWeightsFormat,
  Metadata,
  Model,
  Operator,
  OperatorCode,
  Pool2DOptions,
  QuantizationParameters,
  ReducerOptions,
  ReshapeOptions,
  SignatureDef,
  SoftmaxOptions,
  SubGraph,
  Tensor,
  TensorMap,
  TensorType,
} from './schema/tflite_generated';
import { METADATA_NAME } from './metadata';
import { minRuntimeVersion } from './versions';

export const SCHEMA_VERSION = 3;
export const SIGNATURE_KEY = 'serving_default';
export const MIN_RUNTIME_METADATA = 'min_runtime_version';
const MIN_RUNTIME_BYTES = 16;
/** Builtin codes above this only fit the int32 builtin_code; deprecated_builtin_code then holds this value. */
const PLACEHOLDER_FOR_GREATER_OP_CODES = 127;
const DATA_ALIGNMENT = 16;

function writeOptions(b: flatbuffers.Builder, options: OperatorOptions): [BuiltinOptions, flatbuffers.Offset] {
  switch (options.kind) {
    case 'conv2d': {
      const [strideH, strideW] = options.stride;
      return [BuiltinOptions.Conv2DOptions, Conv2DOptions.createConv2DOptions(b, options.padding, strideW, strideH, options.activation, 1, 1)];
    }
    case 'pool2d': {
      const [[strideH, strideW], [filterH, filterW]] = [options.stride, options.filter];
      return [BuiltinOptions.Pool2DOptions, Pool2DOptions.createPool2DOptions(b, options.padding, strideW, strideH, filterW, filterH, ActivationFunctionType.NONE)];
    }
    case 'fullyConnected':
      return [
        BuiltinOptions.FullyConnectedOptions,
        FullyConnectedOptions.createFullyConnectedOptions(b, options.activation, FullyConnectedOptionsWeightsFormat.DEFAULT, false, options.asymmetricQuantizeInputs, TensorType.FLOAT32),
      ];
    case 'softmax':
      return [BuiltinOptions.SoftmaxOptions, SoftmaxOptions.createSoftmaxOptions(b, options.beta)];
    case 'reshape':
      return [BuiltinOptions.ReshapeOptions, ReshapeOptions.createReshapeOptions(b, ReshapeOptions.createNewShapeVector(b, options.newShape))];
    case 'dequantize':
      return [BuiltinOptions.DequantizeOptions, DequantizeOptions.createDequantizeOptions(b)];
    case 'reducer':
      return [BuiltinOptions.ReducerOptions, ReducerOptions.createReducerOptions(b, options.keepDims)];
    case 'none':
      return [BuiltinOptions.NONE, 0];
  }
}

function writeBuffer(b: flatbuffers.Builder, data: Uint8Array | null): flatbuffers.Offset {
  if (!data) {
    TfliteBuffer.startBuffer(b);
    return TfliteBuffer.endBuffer(b);
  }
  b.prep(DATA_ALIGNMENT, data.length); // so that the bytes (not the length before them) start aligned
  return TfliteBuffer.createBuffer(b, b.createByteVector(data));
}

/** `modelMetadata`: the ModelMetadata flatbuffer (identifier M001); without it the file has no TFLITE_METADATA entry. */
export function serializeGraph(graph: Graph, description: string, modelMetadata?: Uint8Array): Uint8Array {
  const constants = graph.tensors.filter((t) => t.data);
  const b = new flatbuffers.Builder(constants.reduce((n, t) => n + t.data!.length + DATA_ALIGNMENT, (modelMetadata?.length ?? 0) + 64 * 1024));

  const runtime = new Uint8Array(MIN_RUNTIME_BYTES);
  runtime.set(new TextEncoder().encode(minRuntimeVersion(graph.operators)));
  const bufferData: Array<Uint8Array | null> = [null, ...constants.map((t) => t.data!), runtime];
  if (modelMetadata) bufferData.push(modelMetadata);
  const buffers = bufferData.map((data) => writeBuffer(b, data));
  const bufferOf = new Map(constants.map((t, i) => [t, i + 1]));

  const tensors = graph.tensors.map((t) => {
    const name = b.createString(t.name);
    const shape = Tensor.createShapeVector(b, t.shape);
    const q = t.quantization;
    const quantization = q
      ? QuantizationParameters.createQuantizationParameters(
          b,
          0,
          0,
          QuantizationParameters.createScaleVector(b, q.scales),
          QuantizationParameters.createZeroPointVector(b, Array.from(q.scales, (_, i) => BigInt(q.zeroPoints?.[i] ?? 0))),
          q.axis,
        )
      : 0;
    Tensor.startTensor(b);
    Tensor.addShape(b, shape);
    Tensor.addType(b, t.type);
    Tensor.addBuffer(b, bufferOf.get(t) ?? 0);
    Tensor.addName(b, name);
    if (quantization) Tensor.addQuantization(b, quantization);
    return Tensor.endTensor(b);
  });

  const codes: Array<{ op: number; version: number }> = [];
  const operators = graph.operators.map((o) => {
    let code = codes.findIndex((c) => c.op === o.op && c.version === o.version);
    if (code < 0) code = codes.push({ op: o.op, version: o.version }) - 1;
    const [optionsType, options] = writeOptions(b, o.options);
    return Operator.createOperator(b, code, Operator.createInputsVector(b, o.inputs), Operator.createOutputsVector(b, o.outputs), optionsType, options);
  });
  const operatorCodes = codes.map((c) => OperatorCode.createOperatorCode(b, Math.min(c.op, PLACEHOLDER_FOR_GREATER_OP_CODES), 0, c.version, c.op));

  const subgraph = SubGraph.createSubGraph(
    b,
    SubGraph.createTensorsVector(b, tensors),
    SubGraph.createInputsVector(b, [graph.input]),
    SubGraph.createOutputsVector(b, [graph.output]),
    SubGraph.createOperatorsVector(b, operators),
    b.createString('main'),
  );
  const signature = SignatureDef.createSignatureDef(
    b,
    SignatureDef.createInputsVector(b, [TensorMap.createTensorMap(b, b.createString('input'), graph.input)]),
    SignatureDef.createOutputsVector(b, [TensorMap.createTensorMap(b, b.createString('output'), graph.output)]),
    b.createString(SIGNATURE_KEY),
    0,
  );
  const runtimeBuffer = constants.length + 1;
  const metadata = [Metadata.createMetadata(b, b.createString(MIN_RUNTIME_METADATA), runtimeBuffer)];
  if (modelMetadata) metadata.push(Metadata.createMetadata(b, b.createString(METADATA_NAME), runtimeBuffer + 1));
  const model = Model.createModel(
    b,
    SCHEMA_VERSION,
    Model.createOperatorCodesVector(b, operatorCodes),
    Model.createSubgraphsVector(b, [subgraph]),
    b.createString(description),
    Model.createBuffersVector(b, buffers),
    0,
    Model.createMetadataVector(b, metadata),
    Model.createSignatureDefsVector(b, [signature]),
  );
  Model.finishModelBuffer(b, model);
  return b.asUint8Array();
}
