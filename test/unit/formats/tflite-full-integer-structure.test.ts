/**
 * Full-integer int8 files as Debian's flatc reads them with the official TFLite schema: int8 activations with
 * per-tensor scale and zero point, symmetric int8 weights (CONV_2D per output channel on dimension 0,
 * FULLY_CONNECTED per tensor), int32 biases with zero point 0 and scale input scale × weight scale, SOFTMAX output at
 * 1/256 and −128, pooling keeping its input's encoding, the input encoding pixels/255, the ends, and the operator
 * versions and min_runtime_version that op_version.cc / runtime_version.cc give for them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LayerModel } from '../../../src/core/api/layer-model';
import { loadMnist, type DigitSet } from '../../../src/core/dataset';
import { openModelFile } from '../../../src/core/formats/model-file';
import { tfliteBytes } from '../../../src/core/formats/tflite/export';
import { flatcDump, opNames, tensorBytes, type FlatcModel, type FlatcTensor } from '../../helpers/flatc-dump';
import { syntheticCnn } from '../../helpers/synthetic-cnn';

const MLP = new URL('../../../resources/models/digit-mlp.json', import.meta.url).pathname;
const CALIBRATION_COUNT = 200;

let calibration: DigitSet;
let mlp: LayerModel;
beforeAll(async () => {
  const { train } = await loadMnist();
  calibration = { ...train, count: CALIBRATION_COUNT, pixels: train.pixels.subarray(0, CALIBRATION_COUNT * 784), labels: train.labels.subarray(0, CALIBRATION_COUNT) };
  mlp = await openModelFile(MLP);
});

const tensors = (j: FlatcModel): FlatcTensor[] => j.subgraphs[0].tensors;
const versions = (j: FlatcModel): Record<string, number> => Object.fromEntries(j.operator_codes.map((c) => [c.builtin_code, c.version]));
const scaleOf = (t: FlatcTensor): number => t.quantization!.scale![0];
const zeroOf = (t: FlatcTensor): number => t.quantization!.zero_point![0];
const int32s = (data: number[]): Int32Array => new Int32Array(Uint8Array.from(data).buffer);
/** The min_runtime_version metadata: a NUL-padded string in the buffer its entry names. */
function minRuntime(j: FlatcModel): string {
  const entry = j.metadata!.find((m) => m.name === 'min_runtime_version')!;
  return String.fromCharCode(...j.buffers[entry.buffer].data!).replace(/\0+$/, '');
}
/**
 * flatc prints floats with 6 decimals, so a printed scale is within 5e-7 of the stored one (LiteRT, in the
 * integration tests, checks the exact products: its kernels refuse a bias scale off input × weight by 1e-6 relative).
 */
const PRINTED = 5e-7;
/** A scale as flatc prints it. */
const printed = (x: number): number => Number(x.toFixed(6));
const printedAs = (printed: number, exact: number): boolean => Math.abs(printed - exact) <= PRINTED;
const printedProduct = (printed: number, x: number, w: number): boolean => Math.abs(printed - x * w) <= PRINTED * (1 + x + w) + PRINTED ** 2;

/** Each CONV_2D / FULLY_CONNECTED: int8 input and weights with zero point 0, int32 bias of scale input × weight, zero point 0. */
function expectIntegerLayers(j: FlatcModel, op: 'CONV_2D' | 'FULLY_CONNECTED'): void {
  const ops = j.subgraphs[0].operators.filter((o) => j.operator_codes[o.opcode_index].builtin_code === op);
  expect(ops.length).toBeGreaterThan(0);
  for (const o of ops) {
    const [x, w, b] = o.inputs.map((i) => tensors(j)[i]);
    expect([x.type, w.type, b.type, tensors(j)[o.outputs[0]].type]).toEqual(['INT8', 'INT8', 'INT32', 'INT8']);
    const weightScales = w.quantization!.scale!;
    expect(weightScales).toHaveLength(op === 'CONV_2D' ? w.shape[0] : 1);
    expect(w.quantization!.zero_point!.every((z) => z === 0)).toBe(true);
    expect(w.quantization!.quantized_dimension).toBe(0);
    expect(tensorBytes(j, w).includes(0x80), `${w.name} uses −128`).toBe(false); // symmetric: [−127, 127]
    const biasScales = b.quantization!.scale!;
    expect(biasScales).toHaveLength(weightScales.length);
    biasScales.forEach((s, c) => expect(printedProduct(s, scaleOf(x), weightScales[c]), `${b.name} scale ${c}`).toBe(true));
    expect(b.quantization!.zero_point!.every((z) => z === 0)).toBe(true);
    expect(int32s(tensorBytes(j, b))).toHaveLength(b.shape[0]);
  }
}

describe('full-integer int8, read back by flatc', () => {
  it('the MLP with int8 ends: every tensor int8 but the int32 biases and shapes, FULLY_CONNECTED v4, SOFTMAX v2 out at 1/256 and −128, runtime 1.14.0', () => {
    const j = flatcDump(tfliteBytes(mlp, { quantize: 'int8-full', inputShape: '784', calibration }), 'mlp-int8-full');
    expect(opNames(j)).toEqual(['FULLY_CONNECTED', 'FULLY_CONNECTED', 'FULLY_CONNECTED', 'SOFTMAX']);
    expect(versions(j)).toEqual({ FULLY_CONNECTED: 4, SOFTMAX: 2 });
    const fc = j.subgraphs[0].operators[0].builtin_options!;
    expect(fc.asymmetric_quantize_inputs).toBe(false);
    const input = tensors(j)[j.subgraphs[0].inputs[0]];
    const output = tensors(j)[j.subgraphs[0].outputs[0]];
    expect([input.type, input.shape, zeroOf(input)]).toEqual(['INT8', [1, 784], -128]);
    expect(printedAs(scaleOf(input), 1 / 255)).toBe(true);
    expect([output.type, scaleOf(output), zeroOf(output)]).toEqual(['INT8', printed(1 / 256), -128]);
    const activations = tensors(j).filter((t) => t.buffer === 0 || tensorBytes(j, t).length === 0);
    expect(activations.every((t) => t.type === 'INT8' && t.quantization!.scale!.length === 1)).toBe(true);
    // relu layers: calibrated ranges start at 0, so the zero point is −128
    expect(tensors(j).filter((t) => /^dense(_1)?$/.test(t.name)).map(zeroOf)).toEqual([-128, -128]);
    expectIntegerLayers(j, 'FULLY_CONNECTED');
    expect(minRuntime(j)).toBe('1.14.0');
  });

  it('a CNN with uint8 RGB ends: QUANTIZE in, int8 MEAN v2, per-channel CONV_2D v3, pooling on its input encoding, QUANTIZE out to uint8', () => {
    const j = flatcDump(tfliteBytes(syntheticCnn(), { quantize: 'int8-full', inputShape: '28x28x3', inputType: 'uint8', calibration }), 'cnn-uint8-full');
    const names = opNames(j);
    expect(names.slice(0, 2)).toEqual(['QUANTIZE', 'MEAN']);
    expect(names.at(-1)).toBe('QUANTIZE');
    expect(versions(j)).toMatchObject({ QUANTIZE: 1, MEAN: 2, CONV_2D: 3, AVERAGE_POOL_2D: 2, MAX_POOL_2D: 2, TANH: 2, LOGISTIC: 2, RELU: 2, RESHAPE: 1, FULLY_CONNECTED: 4, SOFTMAX: 2 });
    const input = tensors(j)[j.subgraphs[0].inputs[0]];
    expect([input.type, input.shape, zeroOf(input)]).toEqual(['UINT8', [1, 28, 28, 3], 0]);
    expect(printedAs(scaleOf(input), 1 / 255)).toBe(true); // raw pixels 0–255 mean pixels/255
    const output = tensors(j)[j.subgraphs[0].outputs[0]];
    expect([output.type, scaleOf(output), zeroOf(output)]).toEqual(['UINT8', printed(1 / 256), 0]);
    for (const o of j.subgraphs[0].operators) {
      const op = j.operator_codes[o.opcode_index].builtin_code;
      const [x, y] = [tensors(j)[o.inputs[0]], tensors(j)[o.outputs[0]]];
      if (['MAX_POOL_2D', 'AVERAGE_POOL_2D', 'RESHAPE', 'MEAN'].includes(op)) expect([scaleOf(y), zeroOf(y)], `${op} ${y.name}`).toEqual([scaleOf(x), zeroOf(x)]);
      if (op === 'TANH') expect([printedAs(scaleOf(y), 1 / 128), zeroOf(y)]).toEqual([true, 0]);
      if (op === 'LOGISTIC') expect([printedAs(scaleOf(y), 1 / 256), zeroOf(y)]).toEqual([true, -128]);
    }
    expectIntegerLayers(j, 'CONV_2D');
    expectIntegerLayers(j, 'FULLY_CONNECTED');
    expect(minRuntime(j)).toBe('2.1.0'); // the standalone int8 RELU (v2) is the newest kernel here
  });

  it('float32 ends: QUANTIZE in front, DEQUANTIZE v2 at the back, the body int8', () => {
    const j = flatcDump(tfliteBytes(mlp, { quantize: 'int8-full', inputShape: '28x28', inputType: 'float32', calibration }), 'mlp-float-ends');
    expect(opNames(j)).toEqual(['QUANTIZE', 'RESHAPE', 'FULLY_CONNECTED', 'FULLY_CONNECTED', 'FULLY_CONNECTED', 'SOFTMAX', 'DEQUANTIZE']);
    expect(versions(j)).toMatchObject({ QUANTIZE: 1, DEQUANTIZE: 2 });
    expect(tensors(j)[j.subgraphs[0].inputs[0]].type).toBe('FLOAT32');
    expect(tensors(j)[j.subgraphs[0].outputs[0]].type).toBe('FLOAT32');
  });

  it('refuses int8 ends without full-integer quantization, and full integer without calibration images, in one line', () => {
    expect(() => tfliteBytes(mlp, { quantize: 'int8', inputShape: '784', inputType: 'int8' })).toThrow(/^an int8 input needs full-integer quantization/);
    expect(() => tfliteBytes(mlp, { quantize: 'int8-full', inputShape: '784' })).toThrow(/needs calibration images/);
  });
});
