/**
 * LiteRT.js holds float32, int32 and uint8 tensors only: a model whose input or output is int8 (TensorFlow's
 * full-integer conversion with inference_input_type/inference_output_type tf.int8) does not even load ("Element
 * type INT8 is not supported"). This gives such a model uint8 ends, as the converter does for tf.uint8: a QUANTIZE
 * op in front takes a uint8 input of the same scale with the zero point + 128 (the same real numbers: int8 value q
 * is stored as q + 128) and requantizes it into the original int8 input; one at the back does the reverse for the
 * output. Every original operator, tensor and buffer stays byte for byte: the new tables are written in front of
 * the untouched original bytes and point into them.
 */
import { Builder, type ByteBuffer } from 'flatbuffers';
import type { ClassifierIo } from './classifier-io';
import { CheckedByteBuffer } from './checked-byte-buffer';
import { BuiltinOperator, BuiltinOptions, Model, Operator, OperatorCode, QuantizationParameters, SubGraph, Tensor, TensorType } from './schema/tflite_generated';

/** What int8 value q becomes in uint8 (q + 128), and so the shift of the zero point. */
const UINT8_SHIFT = 128;
/** The copy of the original bytes starts 16-byte aligned, as its constant buffers were. */
const ALIGNMENT = 16;

/** Field numbers in the official schema (schema.fbs) of the original fields the new tables point to. */
const FIELD = {
  tensor: { shape: 0, shapeSignature: 7 },
  subGraph: { name: 4 },
  model: { description: 3, buffers: 4, metadataBuffer: 5, metadata: 6 },
} as const;

/** The same plan for the model withUint8Ends gives: each int8 end read and written as uint8. */
export function uint8Io(io: ClassifierIo): ClassifierIo {
  const shift = <T extends { type: string; quantization: { scale: number; zeroPoint: number } | null }>(end: T): T =>
    end.type === 'int8' && end.quantization ? { ...end, type: 'uint8', quantization: { ...end.quantization, zeroPoint: end.quantization.zeroPoint + UINT8_SHIFT } } : end;
  return { ...io, input: shift(io.input), output: shift(io.output) };
}

/** A copy of the model whose int8 input and output (per-tensor quantized, main subgraph) are uint8. */
export function withUint8Ends(bytes: Uint8Array): Uint8Array {
  const model = Model.getRootAsModel(new CheckedByteBuffer(new Uint8Array(bytes)));
  const bb = model.bb as ByteBuffer;
  const graph = model.subgraphs(0)!;
  if ((model.buffers(0)?.dataLength() ?? 0) > 0) throw new Error('the model has data in buffer 0, which TFLite keeps empty for tensors without constants');

  const b = new Builder(bytes.length + 64 * 1024);
  b.prep(ALIGNMENT, 0);
  const end = Math.ceil(bytes.length / ALIGNMENT) * ALIGNMENT;
  const original = new Uint8Array(end);
  original.set(bytes);
  b.createByteVector(original);
  /** The builder offset of the original object at byte `position`: the original bytes are the last `end` bytes. */
  const at = (position: number): number => end - position;
  /** Where the object a table's field points to lies in the original bytes, or null when the field is absent. */
  const target = (table: { bb_pos: number }, field: number): number | null => {
    const slot = bb.__offset(table.bb_pos, 4 + 2 * field);
    return slot ? table.bb_pos + slot + bb.readUint32(table.bb_pos + slot) : null;
  };
  const ref = (table: { bb_pos: number }, field: number): number => {
    const position = target(table, field);
    return position === null ? 0 : at(position);
  };

  const tensorCount = graph.tensorsLength();
  const quantizeCode = model.operatorCodesLength();
  const newTensors: number[] = [];
  const uint8Twin = (index: number, name: string): number => {
    const tensor = graph.tensors(index)!;
    const q = tensor.quantization()!;
    const nameOffset = b.createString(name);
    const scale = QuantizationParameters.createScaleVector(b, [q.scale(0)!]);
    const zeroPoint = QuantizationParameters.createZeroPointVector(b, [(q.zeroPointLength() ? q.zeroPoint(0)! : 0n) + BigInt(UINT8_SHIFT)]);
    QuantizationParameters.startQuantizationParameters(b);
    QuantizationParameters.addScale(b, scale);
    QuantizationParameters.addZeroPoint(b, zeroPoint);
    const quantization = QuantizationParameters.endQuantizationParameters(b);
    // Same shape and shape signature (the original vectors), uint8, no constant data (buffer 0).
    Tensor.startTensor(b);
    Tensor.addShape(b, ref(tensor, FIELD.tensor.shape));
    Tensor.addType(b, TensorType.UINT8);
    Tensor.addBuffer(b, 0);
    Tensor.addName(b, nameOffset);
    Tensor.addQuantization(b, quantization);
    Tensor.addShapeSignature(b, ref(tensor, FIELD.tensor.shapeSignature));
    newTensors.push(Tensor.endTensor(b));
    return tensorCount + newTensors.length - 1;
  };
  const isInt8 = (index: number): boolean => graph.tensors(index)?.type() === TensorType.INT8;
  const quantize = (input: number, output: number): number =>
    Operator.createOperator(b, quantizeCode, Operator.createInputsVector(b, [input]), Operator.createOutputsVector(b, [output]), BuiltinOptions.NONE, 0);

  const [input] = graph.inputsArray()!;
  const [output] = graph.outputsArray()!;
  const front: number[] = [];
  const back: number[] = [];
  let newInput = input;
  let newOutput = output;
  if (isInt8(input)) front.push(quantize((newInput = uint8Twin(input, 'digit_studio_uint8_input')), input));
  if (isInt8(output)) back.push(quantize(output, (newOutput = uint8Twin(output, 'digit_studio_uint8_output'))));

  const operators = Array.from({ length: graph.operatorsLength() }, (_, i) => at(graph.operators(i)!.bb_pos));
  const tensors = [...Array.from({ length: tensorCount }, (_, i) => at(graph.tensors(i)!.bb_pos)), ...newTensors];
  const main = SubGraph.createSubGraph(
    b,
    SubGraph.createTensorsVector(b, tensors),
    SubGraph.createInputsVector(b, [newInput]),
    SubGraph.createOutputsVector(b, [newOutput]),
    SubGraph.createOperatorsVector(b, [...front, ...operators, ...back]),
    ref(graph, FIELD.subGraph.name),
  );
  const codes = Array.from({ length: model.operatorCodesLength() }, (_, i) => at(model.operatorCodes(i)!.bb_pos));
  codes.push(OperatorCode.createOperatorCode(b, BuiltinOperator.QUANTIZE, 0, 1, BuiltinOperator.QUANTIZE));
  const subgraphs = [main, ...Array.from({ length: model.subgraphsLength() - 1 }, (_, i) => at(model.subgraphs(i + 1)!.bb_pos))];
  const operatorCodes = Model.createOperatorCodesVector(b, codes);
  const subgraphsVector = Model.createSubgraphsVector(b, subgraphs);
  Model.startModel(b);
  Model.addVersion(b, model.version());
  Model.addOperatorCodes(b, operatorCodes);
  Model.addSubgraphs(b, subgraphsVector);
  // The rest as it was, except the signatures: they name the int8 tensors; without them the runtime signs the
  // main subgraph's new ends.
  Model.addDescription(b, ref(model, FIELD.model.description));
  Model.addBuffers(b, ref(model, FIELD.model.buffers));
  Model.addMetadataBuffer(b, ref(model, FIELD.model.metadataBuffer));
  Model.addMetadata(b, ref(model, FIELD.model.metadata));
  b.finish(Model.endModel(b), 'TFL3');
  return b.asUint8Array();
}
