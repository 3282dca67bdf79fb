/**
 * The image-classifier input variant ([1,28,28,3], float32 or uint8, optionally inverted) as Debian's flatc reads
 * it with the official TFLite schema: the preprocessing operators TFLite's kernels define (CAST, MEAN with
 * ReducerOptions keep_dims over axis 3, MUL, SUB), their constants, and the min_runtime_version the oldest of them
 * needs (MEAN and SUB v1: TFLite 1.6.0, tensorflow/lite/tools/versioning/runtime_version.cc).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputEncoding } from '../../../src/core/api/export-options';
import { mlpSpec, type TrainedModel } from '../../../src/core/api/model-spec';
import { exportTflite, tfliteBytes } from '../../../src/core/formats/tflite/export';
import { flatcDump, opNames, tensorBytes, type FlatcModel } from '../../helpers/flatc-dump';
import { syntheticCnn } from '../../helpers/synthetic-cnn';

const MLP: TrainedModel = {
  spec: mlpSpec([16]),
  weights: [
    { kernel: new Float32Array(784 * 16).fill(0.01), bias: new Float32Array(16) },
    { kernel: new Float32Array(160).fill(0.01), bias: new Float32Array(10) },
  ],
};

const floats = (bytes: number[]): number[] => Array.from(new Float32Array(Uint8Array.from(bytes).buffer));
const ints = (bytes: number[]): number[] => Array.from(new Int32Array(Uint8Array.from(bytes).buffer));

function dump(input: InputEncoding, name: string, model: Parameters<typeof tfliteBytes>[0] = MLP): FlatcModel {
  return flatcDump(tfliteBytes(model, { quantize: 'none', ...input }), name);
}

/** The main subgraph's operator `i` with its input and output tensors. */
function op(j: FlatcModel, i: number) {
  const sg = j.subgraphs[0];
  const o = sg.operators[i];
  return { ...o, ins: o.inputs.map((t) => sg.tensors[t]), outs: o.outputs.map((t) => sg.tensors[t]) };
}

function minRuntime(j: FlatcModel): string {
  const entry = j.metadata!.find((m) => m.name === 'min_runtime_version')!;
  return Buffer.from(j.buffers[entry.buffer].data!).toString('latin1').replace(/\0+$/, '');
}

describe('the [1,28,28,3] image input', () => {
  it('float32: input float32 [1,28,28,3] → MEAN over axis 3 keeping the axis → [1,28,28,1] → RESHAPE [1,784] → the MLP', () => {
    const j = dump({ inputShape: '28x28x3' }, 'image-float32');
    const sg = j.subgraphs[0];
    expect(sg.tensors[sg.inputs[0]]).toMatchObject({ type: 'FLOAT32', shape: [1, 28, 28, 3] });
    expect(opNames(j).slice(0, 3)).toEqual(['MEAN', 'RESHAPE', 'FULLY_CONNECTED']);
    const mean = op(j, 0);
    expect(mean.inputs[0]).toBe(sg.inputs[0]);
    expect(mean).toMatchObject({ builtin_options_type: 'ReducerOptions', builtin_options: { keep_dims: true } });
    expect(mean.ins[1]).toMatchObject({ type: 'INT32', shape: [1] });
    expect(ints(tensorBytes(j, mean.ins[1]))).toEqual([3]);
    expect(mean.outs[0]).toMatchObject({ type: 'FLOAT32', shape: [1, 28, 28, 1] });
    expect(minRuntime(j)).toBe('1.6.0');
  });

  it('uint8: CAST to float32, MEAN, then MUL by the float32 constant 1/255', () => {
    const j = dump({ inputShape: '28x28x3', inputType: 'uint8' }, 'image-uint8');
    const sg = j.subgraphs[0];
    expect(sg.tensors[sg.inputs[0]]).toMatchObject({ type: 'UINT8', shape: [1, 28, 28, 3] });
    expect(opNames(j).slice(0, 4)).toEqual(['CAST', 'MEAN', 'MUL', 'RESHAPE']);
    expect(op(j, 0).outs[0]).toMatchObject({ type: 'FLOAT32', shape: [1, 28, 28, 3] });
    const mul = op(j, 2);
    expect(mul.ins[1]).toMatchObject({ type: 'FLOAT32', shape: [1] });
    expect(floats(tensorBytes(j, mul.ins[1]))).toEqual([Math.fround(1 / 255)]);
    expect(j.operator_codes.map((c) => c.version)).toEqual(j.operator_codes.map(() => 1));
  });

  it('inverted: SUB from the constant 1 after the scaling, so a dark digit on white reaches the model as MNIST white on black', () => {
    const j = dump({ inputShape: '28x28x3', inputType: 'uint8', invert: true }, 'image-uint8-inverted');
    expect(opNames(j).slice(0, 5)).toEqual(['CAST', 'MEAN', 'MUL', 'SUB', 'RESHAPE']);
    const sub = op(j, 3);
    expect(floats(tensorBytes(j, sub.ins[0]))).toEqual([1]);
    expect(sub.inputs[1]).toBe(op(j, 2).outputs[0]);
  });

  it('a CNN reads the gray [1,28,28,1] straight from MEAN: no RESHAPE before its first CONV_2D', () => {
    const j = dump({ inputShape: '28x28x3' }, 'image-cnn', syntheticCnn());
    expect(opNames(j).slice(0, 2)).toEqual(['MEAN', 'CONV_2D']);
  });

  it('float16 keeps the preprocessing constants float32 (half floats would round 1/255)', () => {
    const j = flatcDump(tfliteBytes(MLP, { quantize: 'float16', inputShape: '28x28x3', inputType: 'uint8' }), 'image-uint8-float16');
    const mul = op(j, opNames(j).indexOf('MUL'));
    expect(mul.ins[1].type).toBe('FLOAT32');
    expect(floats(tensorBytes(j, mul.ins[1]))).toEqual([Math.fround(1 / 255)]);
  });
});

describe('the README written next to the file', () => {
  it('names the input the file takes (shape, type, polarity) and the labels file, with snippets feeding that input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'digit-studio-readme-'));
    const result = await exportTflite(MLP, join(dir, 'digits.tflite'), { quantize: 'none', inputShape: '28x28x3', inputType: 'uint8', invert: true, labels: 'digits' });
    expect(result.readmeFile).toBe(join(dir, 'digits.README.md'));
    const readme = readFileSync(result.readmeFile, 'utf8');
    expect(readme).toContain('Shape [1, 28, 28, 3], RGB');
    expect(readme).toContain('uint8, raw pixel values 0–255');
    expect(readme).toContain('dark digit on a light background');
    expect(readme).toContain('`digits.txt` (0, 1, 2, 3, 4, 5, 6, 7, 8, 9)');
    // one byte per value, three per pixel, in each language
    expect(readme).toContain('ByteBuffer.allocateDirect(1 * 28 * 28 * 3)');
    expect(readme).toContain('repeat(3) { input.put(p.toByte()) }');
    expect(readme).toContain('.astype(np.uint8).reshape(1, 28, 28, 1).repeat(3, axis=3)');
    expect(readme).toContain('not compiled');
  });
});
