/**
 * The exporter's FlatBuffer as Debian's flatc reads it with the official TFLite schema (../shared/verify):
 * an independent parser, so field slots, unions, vectors and buffers are checked against the schema itself.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputShape, Quantization } from '../../../src/core/api/export-options';
import { mlpSpec, type Activation, type TrainedModel } from '../../../src/core/api/model-spec';
import { ModelFileError } from '../../../src/core/formats/model-error';
import { exportTflite, tfliteBytes } from '../../../src/core/formats/tflite/export';
import { inspectTflite } from '../../../src/core/formats/tflite/inspect';
import { VERIFY_DIR } from '../../helpers/verify-kit';

const SCHEMA = `${VERIFY_DIR}tools/tflite_schema_flatc2.fbs`;
const dir = mkdtempSync(join(tmpdir(), 'digit-studio-tflite-'));

/** 784 → 32 relu → 16 sigmoid → 12 tanh → 10 softmax with deterministic weights; only the first kernel has ≥ 1024 values. */
function syntheticModel(): TrainedModel {
  const spec = mlpSpec([32, 16, 12]);
  (['relu', 'sigmoid', 'tanh'] as const).forEach((activation, i) => (spec.layers[i].activation = activation));
  let seed = 7;
  const next = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 0.2;
  let inputs = spec.inputSize;
  const weights = spec.layers.map(({ units }) => {
    const layer = { kernel: Float32Array.from({ length: inputs * units }, next), bias: Float32Array.from({ length: units }, next) };
    inputs = units;
    return layer;
  });
  return { spec, weights };
}

interface FlatcTensor {
  shape: number[];
  type: string;
  buffer: number;
  name: string;
  quantization?: { scale?: number[]; zero_point?: number[]; quantized_dimension: number };
}
interface FlatcOperator {
  opcode_index: number;
  inputs: number[];
  outputs: number[];
  builtin_options_type: string;
  builtin_options?: Record<string, unknown>;
}
interface FlatcModel {
  version: number;
  operator_codes: Array<{ builtin_code: string; deprecated_builtin_code: number; version: number }>;
  subgraphs: Array<{ tensors: FlatcTensor[]; inputs: number[]; outputs: number[]; operators: FlatcOperator[] }>;
  description: string;
  buffers: Array<{ data?: number[] }>;
  metadata: Array<{ name: string; buffer: number }>;
  signature_defs: Array<{ signature_key: string; inputs: Array<{ name: string; tensor_index: number }>; outputs: Array<{ name: string; tensor_index: number }> }>;
}

function flatcDump(bytes: Uint8Array, name: string): FlatcModel {
  const file = join(dir, `${name}.tflite`);
  writeFileSync(file, bytes);
  const result = spawnSync('flatc', ['--json', '--strict-json', '--raw-binary', '--defaults-json', '-o', dir, SCHEMA, '--', file], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as FlatcModel;
}

const model = syntheticModel();
const build = (quantize: Quantization, inputShape: InputShape = '784'): Uint8Array => tfliteBytes(model, { quantize, inputShape });
const opNames = (j: FlatcModel): string[] => j.subgraphs[0].operators.map((o) => j.operator_codes[o.opcode_index].builtin_code);
const floats = (data: number[] = []): Float32Array => new Float32Array(Uint8Array.from(data).buffer);
const tensorNamed = (j: FlatcModel, name: string): FlatcTensor => j.subgraphs[0].tensors.find((t) => t.name === name)!;

/** [in, units] row-major Keras kernel → the [units, in] matrix TFLite's FULLY_CONNECTED reads. */
function transposed(kernel: Float32Array, inputs: number, units: number): Float32Array {
  return Float32Array.from({ length: kernel.length }, (_, k) => kernel[(k % inputs) * units + Math.floor(k / inputs)]);
}

function halfToFloat(bits: number): number {
  const exponent = (bits >> 10) & 0x1f;
  const magnitude = exponent ? (1 + (bits & 0x3ff) / 1024) * 2 ** (exponent - 15) : (bits & 0x3ff) * 2 ** -24;
  return bits & 0x8000 ? -magnitude : magnitude;
}

describe('TFLite writer, read back by flatc with the official schema', () => {
  it('float32: TFL3, version 3, both builtin codes, empty buffer 0, fused RELU, separate LOGISTIC/TANH, SOFTMAX beta 1', () => {
    const bytes = build('none');
    expect(Buffer.from(bytes.subarray(4, 8)).toString('latin1')).toBe('TFL3');
    const j = flatcDump(bytes, 'float32');
    expect(j.version).toBe(3);
    expect(j.operator_codes).toEqual([
      { builtin_code: 'FULLY_CONNECTED', deprecated_builtin_code: 9, version: 1 },
      { builtin_code: 'LOGISTIC', deprecated_builtin_code: 14, version: 1 },
      { builtin_code: 'TANH', deprecated_builtin_code: 28, version: 1 },
      { builtin_code: 'SOFTMAX', deprecated_builtin_code: 25, version: 1 },
    ]);
    expect(j.buffers[0].data ?? []).toEqual([]);
    expect(opNames(j)).toEqual(['FULLY_CONNECTED', 'FULLY_CONNECTED', 'LOGISTIC', 'FULLY_CONNECTED', 'TANH', 'FULLY_CONNECTED', 'SOFTMAX']);
    const ops = j.subgraphs[0].operators;
    expect(ops.filter((o) => o.builtin_options_type === 'FullyConnectedOptions').map((o) => o.builtin_options!.fused_activation_function)).toEqual(['RELU', 'NONE', 'NONE', 'NONE']);
    expect(ops[6]).toMatchObject({ builtin_options_type: 'SoftmaxOptions', builtin_options: { beta: 1 } });
    const sg = j.subgraphs[0];
    expect(sg.tensors[sg.inputs[0]]).toMatchObject({ shape: [1, 784], type: 'FLOAT32' });
    expect(sg.tensors[sg.outputs[0]]).toMatchObject({ shape: [1, 10], type: 'FLOAT32' });
    expect(j.signature_defs).toEqual([
      { signature_key: 'serving_default', subgraph_index: 0, inputs: [{ name: 'input', tensor_index: sg.inputs[0] }], outputs: [{ name: 'output', tensor_index: sg.outputs[0] }] },
    ]);
    expect(j.description).toMatch(/^Digit Studio /);
  });

  it('float32: kernels are stored [out, in] (transposed from Keras [in, out]) with the exact float bits, 16-byte aligned', () => {
    const bytes = build('none');
    const j = flatcDump(bytes, 'float32-weights');
    const [inputs, units] = [784, 32];
    const kernel = tensorNamed(j, 'dense_1/kernel');
    expect(kernel).toMatchObject({ shape: [units, inputs], type: 'FLOAT32' });
    expect(floats(j.buffers[kernel.buffer].data)).toEqual(transposed(model.weights[0].kernel, inputs, units));
    expect(floats(j.buffers[tensorNamed(j, 'dense_1/bias').buffer].data)).toEqual(model.weights[0].bias);
    const stored = Buffer.from(bytes).indexOf(Buffer.from(transposed(model.weights[0].kernel, inputs, units).buffer));
    expect(stored % 16).toBe(0);
  });

  it('records min_runtime_version as 16 NUL-padded bytes: 1.14.0 for LOGISTIC/TANH, 1.15.0 with float16 DEQUANTIZE, 2.3.0 for hybrid FC v9', () => {
    for (const [quantize, version] of [['none', '1.14.0'], ['float16', '1.15.0'], ['int8', '2.3.0']] as const) {
      const j = flatcDump(build(quantize), `runtime-${quantize}`);
      expect(j.metadata.map((m) => m.name)).toEqual(['min_runtime_version', 'TFLITE_METADATA']);
      const data = j.buffers[j.metadata[0].buffer].data!;
      expect(data).toHaveLength(16);
      expect(Buffer.from(data).toString('latin1')).toBe(version.padEnd(16, '\0'));
    }
  });

  it('float16: half-float weights and biases, each DEQUANTIZE(v3)d to float32 before its FULLY_CONNECTED', () => {
    const j = flatcDump(build('float16'), 'float16');
    const sg = j.subgraphs[0];
    const kernel = tensorNamed(j, 'dense_1/kernel');
    expect(kernel).toMatchObject({ type: 'FLOAT16', shape: [32, 784] });
    const halves = new Uint16Array(Uint8Array.from(j.buffers[kernel.buffer].data!).buffer);
    const expected = transposed(model.weights[0].kernel, 784, 32);
    halves.forEach((h, k) => expect(Math.abs(halfToFloat(h) - expected[k])).toBeLessThanOrEqual(Math.abs(expected[k]) * 2 ** -11 + 2 ** -25));
    const dequantize = sg.operators.find((o) => o.inputs[0] === sg.tensors.indexOf(kernel))!;
    expect(j.operator_codes[dequantize.opcode_index]).toMatchObject({ builtin_code: 'DEQUANTIZE', deprecated_builtin_code: 6, version: 3 });
    expect(sg.tensors[dequantize.outputs[0]]).toMatchObject({ type: 'FLOAT32', shape: [32, 784] });
    const fc = sg.operators.find((o) => o.inputs[1] === dequantize.outputs[0])!;
    expect(j.operator_codes[fc.opcode_index].builtin_code).toBe('FULLY_CONNECTED');
    expect(sg.tensors.filter((t) => t.buffer > 0 && t.name.startsWith('dense')).every((t) => t.type === 'FLOAT16')).toBe(true);
  });

  it('int8: per-tensor symmetric kernels (one scale for the whole kernel, zero point 0) read by FULLY_CONNECTED v9; small kernels stay float32', () => {
    const j = flatcDump(build('int8'), 'int8');
    const kernel = tensorNamed(j, 'dense_1/kernel');
    expect(kernel).toMatchObject({ type: 'INT8', shape: [32, 784] });
    expect(kernel.quantization).toMatchObject({ zero_point: [0] });
    expect(kernel.quantization!.scale).toHaveLength(1);
    const q = new Int8Array(Uint8Array.from(j.buffers[kernel.buffer].data!).buffer);
    const expected = transposed(model.weights[0].kernel, 784, 32);
    const scale = Math.max(...expected.map(Math.abs)) / 127;
    expect(kernel.quantization!.scale![0]).toBeCloseTo(scale, 6); // flatc prints 6 decimals
    expect(Math.max(...q.map(Math.abs))).toBe(127);
    q.forEach((v, k) => expect(Math.abs(v - expected[k] / scale)).toBeLessThanOrEqual(0.5 + 1e-4));
    expect(tensorNamed(j, 'dense_1/bias').type).toBe('FLOAT32');
    expect(tensorNamed(j, 'dense_4/kernel')).toMatchObject({ type: 'FLOAT32', shape: [10, 12] });
    const fcs = j.subgraphs[0].operators.filter((o) => j.operator_codes[o.opcode_index].builtin_code === 'FULLY_CONNECTED');
    expect(fcs.map((o) => j.operator_codes[o.opcode_index].version)).toEqual([9, 1, 1, 1]); // only 32x784 has ≥ 1024 weights
    expect(fcs.map((o) => o.builtin_options!.asymmetric_quantize_inputs)).toEqual([true, false, false, false]);
  });

  it('28x28 input: [1,28,28,1] reshaped to [1,784] by RESHAPE with a constant int32 shape and ReshapeOptions', () => {
    const j = flatcDump(build('none', '28x28'), 'reshape');
    const sg = j.subgraphs[0];
    expect(sg.tensors[sg.inputs[0]]).toMatchObject({ shape: [1, 28, 28, 1], type: 'FLOAT32' });
    const reshape = sg.operators[0];
    expect(j.operator_codes[reshape.opcode_index]).toMatchObject({ builtin_code: 'RESHAPE', deprecated_builtin_code: 22 });
    expect(reshape).toMatchObject({ inputs: [sg.inputs[0], expect.any(Number)], builtin_options_type: 'ReshapeOptions', builtin_options: { new_shape: [1, 784] } });
    const shape = sg.tensors[reshape.inputs[1]];
    expect(shape).toMatchObject({ type: 'INT32', shape: [2] });
    expect(Array.from(new Int32Array(Uint8Array.from(j.buffers[shape.buffer].data!).buffer))).toEqual([1, 784]);
    expect(sg.tensors[reshape.outputs[0]].shape).toEqual([1, 784]);
  });

  it('the info reader sees what flatc sees', () => {
    const bytes = build('int8', '28x28');
    const j = flatcDump(bytes, 'reader');
    const summary = inspectTflite(bytes);
    const sg = j.subgraphs[0];
    expect(summary).toMatchObject({ bytes: bytes.length, schemaVersion: 3, description: j.description, minRuntimeVersion: '2.3.0', subgraphs: 1, inputs: sg.inputs, outputs: sg.outputs });
    expect(summary.signatures).toEqual([{ key: 'serving_default', inputs: ['input'], outputs: ['output'] }]);
    expect(summary.tensors.map((t) => [t.name, t.type.toUpperCase(), t.shape, t.bytes])).toEqual(
      sg.tensors.map((t) => [t.name, t.type, t.shape, j.buffers[t.buffer].data?.length ?? 0]),
    );
    expect(summary.operators.map((o) => [o.op, o.version, o.inputs, o.outputs])).toEqual(
      sg.operators.map((o) => [j.operator_codes[o.opcode_index].builtin_code, j.operator_codes[o.opcode_index].version, o.inputs, o.outputs]),
    );
    expect(summary.tensors.find((t) => t.name === 'dense_1/kernel')!.quantization).toEqual({ scales: 1, axis: 0 });
  });

  it('the info reader refuses bytes that are not TFLite', () => {
    expect(() => inspectTflite(new TextEncoder().encode('{"format": "layers-model"}'))).toThrow(/not a TFLite file/);
    const truncated = build('none').slice(0, 4096);
    expect(() => inspectTflite(truncated)).toThrow(/TFLite/);
  });
});

describe('TFLite export files', () => {
  it('writes the model and a labels file next to it: Zero … Nine, or digits', async () => {
    const out = join(dir, 'nested', 'digits.tflite');
    const result = await exportTflite(model, out, { quantize: 'none', inputShape: '784', labels: 'words' });
    expect(readFileSync(out)).toEqual(Buffer.from(result.bytes));
    expect(result.labelsFile).toBe(join(dir, 'nested', 'digits.txt'));
    expect(readFileSync(result.labelsFile, 'utf8')).toBe('Zero\nOne\nTwo\nThree\nFour\nFive\nSix\nSeven\nEight\nNine\n');
    await exportTflite(model, out, { quantize: 'none', inputShape: '784', labels: 'digits' });
    expect(readFileSync(result.labelsFile, 'utf8')).toBe('0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n');
  });

  it('refuses an activation TFLite cannot express with a clear message and writes no file', async () => {
    const elu = { ...model, spec: { ...model.spec, layers: model.spec.layers.map((l, i) => (i === 1 ? { ...l, activation: 'elu' as Activation } : l)) } };
    const out = join(dir, 'elu.tflite');
    const attempt = exportTflite(elu, out, { quantize: 'none', inputShape: '784', labels: 'words' });
    await expect(attempt).rejects.toThrow(ModelFileError);
    await expect(attempt).rejects.toThrow(/elu\.tflite: cannot express layer 2's activation "elu" in TFLite \(supported: relu, linear, sigmoid, tanh, softmax\)/);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(dir, 'elu.txt'))).toBe(false);
  });

  it('refuses a 28x28 input for a model that does not take 784 pixels', async () => {
    const small = { spec: { inputSize: 10, layers: [{ units: 10, activation: 'softmax' as const }] }, weights: [{ kernel: new Float32Array(100), bias: new Float32Array(10) }] };
    await expect(exportTflite(small, join(dir, 'small.tflite'), { quantize: 'none', inputShape: '28x28', labels: 'words' })).rejects.toThrow(/28x28/);
    expect(existsSync(join(dir, 'small.tflite'))).toBe(false);
  });
});
