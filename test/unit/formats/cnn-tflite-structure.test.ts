/**
 * CNN export to TFLite (issue 17) as Debian's flatc reads it with the official schema: the Keras 3 reference CNN
 * against the verify kit's independently written reference_cnn.tflite, and a synthetic CNN that uses every layer and
 * option the exporter writes (test/helpers/synthetic-cnn.ts).
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InputShape, Quantization } from '../../../src/core/api/export-options';
import type { LayerModel, LayerSpec } from '../../../src/core/api/layer-model';
import { ModelFileError } from '../../../src/core/formats/model-error';
import { openModelFile } from '../../../src/core/formats/model-file';
import { exportTflite, tfliteBytes } from '../../../src/core/formats/tflite/export';
import { inspectTflite } from '../../../src/core/formats/tflite/inspect';
import { BuiltinOperator } from '../../../src/core/formats/tflite/schema/tflite_generated';
import { minRuntimeVersion } from '../../../src/core/formats/tflite/versions';
import { flatcDump, flatcDumpFile, opNames, tensorBytes, type FlatcModel, type FlatcTensor } from '../../helpers/flatc-dump';
import { syntheticCnn } from '../../helpers/synthetic-cnn';
import { VERIFY_FIXTURES } from '../../helpers/verify-kit';

const REFERENCE = `${VERIFY_FIXTURES}reference_cnn.tflite`;
const FIXTURES = ['keras_reference_cnn', 'keras_reference_cnn_flat_input', 'keras_reference_cnn_input28x28'];
const model = syntheticCnn();
const build = (quantize: Quantization, inputShape: InputShape = '784', source: LayerModel = model): FlatcModel =>
  flatcDump(tfliteBytes(source, { quantize, inputShape }), `${quantize}-${inputShape}`);
const tensorNamed = (j: FlatcModel, name: string): FlatcTensor => j.subgraphs[0].tensors.find((t) => t.name === name)!;
const floats = (data: number[]): Float32Array => new Float32Array(Uint8Array.from(data).buffer);
const opsOf = (j: FlatcModel, name: string): Array<FlatcModel['subgraphs'][0]['operators'][0]> =>
  j.subgraphs[0].operators.filter((o) => j.operator_codes[o.opcode_index].builtin_code === name);
const versionsOf = (j: FlatcModel, name: string): number[] => opsOf(j, name).map((o) => j.operator_codes[o.opcode_index].version);

/** Keras' [kh, kw, in, out] kernel as TFLite's OHWI filter [out, kh, kw, in], element by element. */
function ohwi(kernel: Float32Array, [kh, kw, inputs, filters]: number[]): Float32Array {
  const out = new Float32Array(kernel.length);
  for (let o = 0; o < filters; o++)
    for (let y = 0; y < kh; y++) for (let x = 0; x < kw; x++) for (let i = 0; i < inputs; i++) out[((o * kh + y) * kw + x) * inputs + i] = kernel[((y * kw + x) * inputs + i) * filters + o];
  return out;
}

describe("the Keras 3 reference CNN, against the kit's independently written reference_cnn.tflite", () => {
  let reference: FlatcModel;
  beforeAll(() => {
    reference = flatcDumpFile(REFERENCE);
  });

  it('float32 with a 28x28 input: the same operator codes, operators, options, tensor shapes and types, constant bytes and signature', async () => {
    const ours = build('none', '28x28', await openModelFile(`${VERIFY_FIXTURES}keras_reference_cnn.h5`));
    expect(ours.version).toBe(3);
    expect(ours.operator_codes).toEqual(reference.operator_codes);
    const [sg, ref] = [ours.subgraphs[0], reference.subgraphs[0]];
    expect(sg.operators).toEqual(ref.operators);
    expect([sg.inputs, sg.outputs]).toEqual([ref.inputs, ref.outputs]);
    expect(sg.tensors.map((t) => [t.shape, t.type, tensorBytes(ours, t)])).toEqual(ref.tensors.map((t) => [t.shape, t.type, tensorBytes(reference, t)]));
    // Constants carry the same names; activations are named after their layer (the reference adds "/out").
    const constantNames = (j: FlatcModel): string[] => j.subgraphs[0].tensors.filter((t) => tensorBytes(j, t).length).map((t) => t.name);
    expect(constantNames(ours)).toEqual(constantNames(reference));
    expect(ours.signature_defs).toEqual(reference.signature_defs);
  });

  it.each(FIXTURES.flatMap((name) => (['784', '28x28'] as const).map((shape) => [name, shape] as const)))(
    '%s.h5 with a %s input: the reference operators, after one RESHAPE only where the file input is not 28x28x1',
    async (name, shape) => {
      const ours = build('none', shape, await openModelFile(`${VERIFY_FIXTURES}${name}.h5`));
      expect(opNames(ours)).toEqual([...(shape === '784' ? ['RESHAPE'] : []), ...opNames(reference)]);
      const sg = ours.subgraphs[0];
      expect(sg.tensors[sg.inputs[0]].shape).toEqual(shape === '784' ? [1, 784] : [1, 28, 28, 1]);
      if (shape === '784') expect(sg.operators[0].builtin_options).toEqual({ new_shape: [1, 28, 28, 1] });
    },
  );

  it('describes the layers in the file', async () => {
    const summary = inspectTflite(tfliteBytes(await openModelFile(`${VERIFY_FIXTURES}keras_reference_cnn_flat_input.h5`), { quantize: 'int8', inputShape: '784' }));
    expect(summary.description).toBe(
      'Digit Studio MNIST digit classifier: 784 → Reshape 28x28x1 → Conv2D 16 3x3 valid relu → MaxPooling2D 2x2 stride 2x2 valid → ' +
        'Conv2D 32 3x3 valid relu → MaxPooling2D 2x2 stride 2x2 valid → Flatten → Dense 10 softmax (int8 dynamic-range weights)',
    );
  });
});

describe('a CNN with every layer the exporter writes', () => {
  it('float32: CONV_2D with SAME/VALID and fused RELU only, LOGISTIC/TANH/RELU/SOFTMAX ops, both pools, RESHAPE in and at Flatten, no Dropout', () => {
    const j = build('none');
    expect(opNames(j)).toEqual([
      'RESHAPE',
      'CONV_2D',
      'TANH',
      'AVERAGE_POOL_2D',
      'CONV_2D',
      'LOGISTIC',
      'MAX_POOL_2D',
      'CONV_2D',
      'RELU',
      'MAX_POOL_2D',
      'RESHAPE',
      'FULLY_CONNECTED',
      'FULLY_CONNECTED',
      'SOFTMAX',
    ]);
    expect(j.operator_codes.map((c) => [c.builtin_code, c.deprecated_builtin_code, c.version])).toContainEqual(['AVERAGE_POOL_2D', 1, 1]);
    expect(opsOf(j, 'CONV_2D').map((o) => o.builtin_options)).toEqual(
      ['SAME', 'VALID', 'SAME'].map((padding) => ({ padding, stride_w: 1, stride_h: 1, fused_activation_function: 'NONE', dilation_w_factor: 1, dilation_h_factor: 1, quantized_bias_type: 'FLOAT32' })),
    );
    const pools = j.subgraphs[0].operators.filter((o) => o.builtin_options_type === 'Pool2DOptions').map((o) => o.builtin_options);
    expect(pools).toEqual([
      { padding: 'SAME', stride_w: 2, stride_h: 2, filter_width: 3, filter_height: 3, fused_activation_function: 'NONE' },
      { padding: 'VALID', stride_w: 3, stride_h: 3, filter_width: 3, filter_height: 3, fused_activation_function: 'NONE' },
      { padding: 'SAME', stride_w: 1, stride_h: 1, filter_width: 2, filter_height: 2, fused_activation_function: 'NONE' },
    ]);
    expect(opsOf(j, 'RESHAPE').map((o) => o.builtin_options)).toEqual([{ new_shape: [1, 28, 28, 1] }, { new_shape: [1, 768] }]);
    expect(opsOf(j, 'FULLY_CONNECTED').map((o) => o.builtin_options!.fused_activation_function)).toEqual(['RELU', 'NONE']);
    const sg = j.subgraphs[0];
    expect(sg.tensors[sg.inputs[0]]).toMatchObject({ shape: [1, 784], type: 'FLOAT32' });
    expect(sg.tensors[sg.outputs[0]]).toMatchObject({ shape: [1, 10], type: 'FLOAT32', name: 'activation_1' });
    expect(sg.tensors.map((t) => t.shape).filter((s) => s.length === 4 && s[0] === 1)).toEqual([
      [1, 28, 28, 1],
      [1, 28, 28, 4],
      [1, 28, 28, 4],
      [1, 14, 14, 4],
      [1, 12, 12, 6],
      [1, 12, 12, 6],
      [1, 4, 4, 6],
      [1, 4, 4, 48],
      [1, 4, 4, 48],
      [1, 4, 4, 48],
    ]);
  });

  it('float32: filters are OHWI (Keras HWIO transposed) and Dense weights [units, inputs], with the exact float bits', () => {
    const j = build('none', '28x28');
    const kernelShapes = [
      [5, 5, 1, 4],
      [3, 3, 4, 6],
      [3, 3, 6, 48],
    ];
    kernelShapes.forEach((shape, i) => {
      const filter = tensorNamed(j, `conv2d${i ? `_${i}` : ''}/filter`);
      expect(filter).toMatchObject({ type: 'FLOAT32', shape: [shape[3], shape[0], shape[1], shape[2]] });
      expect(floats(tensorBytes(j, filter))).toEqual(ohwi(model.weights[i].kernel, shape));
      expect(floats(tensorBytes(j, tensorNamed(j, `conv2d${i ? `_${i}` : ''}/bias`)))).toEqual(model.weights[i].bias);
    });
    const kernel = tensorNamed(j, 'dense/kernel');
    expect(kernel.shape).toEqual([32, 768]);
    expect(floats(tensorBytes(j, kernel))).toEqual(ohwi(model.weights[3].kernel, [1, 1, 768, 32]));
    // A 28x28x1 file input feeds the Reshape layer's shape as it is: the only RESHAPE left is Flatten's.
    expect(opNames(j).filter((op) => op === 'RESHAPE')).toHaveLength(1);
  });

  it('float16: every filter, kernel and bias stored as half floats and DEQUANTIZE(v3)d into its CONV_2D / FULLY_CONNECTED', () => {
    const j = build('float16');
    const sg = j.subgraphs[0];
    const weights = sg.tensors.filter((t) => tensorBytes(j, t).length && t.type !== 'INT32');
    expect(weights.map((t) => t.type)).toEqual(new Array(10).fill('FLOAT16'));
    expect(versionsOf(j, 'DEQUANTIZE')).toEqual(new Array(10).fill(3));
    for (const op of [...opsOf(j, 'CONV_2D'), ...opsOf(j, 'FULLY_CONNECTED')]) {
      for (const input of op.inputs.slice(1)) {
        const dequantize = sg.operators.find((o) => o.outputs[0] === input)!;
        expect(j.operator_codes[dequantize.opcode_index].builtin_code).toBe('DEQUANTIZE');
        expect(sg.tensors[dequantize.inputs[0]].type).toBe('FLOAT16');
      }
    }
    expect(inspectTflite(tfliteBytes(model, { quantize: 'float16', inputShape: '784' })).minRuntimeVersion).toBe('1.15.0');
  });

  it('int8: per-channel symmetric filters on the OHWI output axis (0), read by CONV_2D v5, and per-tensor Dense kernels read by FULLY_CONNECTED v9; weights under 1,024 stay float32', () => {
    const j = build('int8');
    const filter = tensorNamed(j, 'conv2d_2/filter');
    expect(filter).toMatchObject({ type: 'INT8', shape: [48, 3, 3, 6] });
    expect(filter.quantization).toMatchObject({ quantized_dimension: 0, zero_point: new Array(48).fill(0) });
    expect(filter.quantization!.scale).toHaveLength(48);
    const q = new Int8Array(Uint8Array.from(tensorBytes(j, filter)).buffer);
    const expected = ohwi(model.weights[2].kernel, [3, 3, 6, 48]);
    const perFilter = 3 * 3 * 6;
    for (let o = 0; o < 48; o++) {
      const weights = expected.subarray(o * perFilter, (o + 1) * perFilter);
      const scale = Math.max(...weights.map(Math.abs)) / 127;
      expect(filter.quantization!.scale![o]).toBeCloseTo(scale, 6);
      q.subarray(o * perFilter, (o + 1) * perFilter).forEach((v, k) => expect(Math.abs(v - weights[k] / scale)).toBeLessThanOrEqual(0.5 + 1e-4));
    }
    expect(['conv2d/filter', 'conv2d_1/filter', 'conv2d_2/bias', 'dense_1/kernel'].map((name) => tensorNamed(j, name).type)).toEqual(new Array(4).fill('FLOAT32'));
    expect(tensorNamed(j, 'dense/kernel')).toMatchObject({ type: 'INT8', quantization: { zero_point: [0] } });
    expect(tensorNamed(j, 'dense/kernel').quantization!.scale).toHaveLength(1);
    expect(versionsOf(j, 'CONV_2D')).toEqual([1, 1, 5]);
    expect(versionsOf(j, 'FULLY_CONNECTED')).toEqual([9, 1]);
    expect(inspectTflite(tfliteBytes(model, { quantize: 'int8', inputShape: '784' })).minRuntimeVersion).toBe('2.4.0');
    expect(minRuntimeVersion([{ op: BuiltinOperator.CONV_2D, version: 5 }, { op: BuiltinOperator.MAX_POOL_2D, version: 1 }])).toBe('2.4.0');
  });

  it('the info reader shows the conv and pool options flatc shows', () => {
    const bytes = tfliteBytes(model, { quantize: 'int8', inputShape: '784' });
    const j = flatcDump(bytes, 'info');
    const summary = inspectTflite(bytes);
    const windowed = (ops: Array<{ options?: Record<string, unknown> | null; builtin_options?: Record<string, unknown> }>): unknown[] =>
      ops.map((o) => o.options ?? o.builtin_options).filter((o) => o && 'padding' in o);
    expect(windowed(summary.operators)).toEqual(windowed(j.subgraphs[0].operators).map((o) => Object.fromEntries(Object.entries(o as object).filter(([key]) => key !== 'quantized_bias_type'))));
    expect(summary.operators.map((o) => `${o.op} v${o.version}`)).toContain('CONV_2D v5');
  });
});

describe('what the exporter cannot write', () => {
  const dir = mkdtempSync(join(tmpdir(), 'digit-studio-cnn-tflite-'));
  const withLayer = (layer: LayerSpec, at: number): LayerModel => ({ ...model, layers: model.layers.toSpliced(at, 0, layer) });

  it('refuses a layer type it does not know in one line naming the layer, and writes no file', async () => {
    const layerNorm = { type: 'LayerNormalization', name: 'layer_normalization' } as unknown as LayerSpec;
    const out = join(dir, 'ln.tflite');
    const attempt = exportTflite(withLayer(layerNorm, 3), out, { quantize: 'none', inputShape: '784', labels: 'words' });
    await expect(attempt).rejects.toThrow(ModelFileError);
    await expect(attempt).rejects.toThrow(
      /^.*ln\.tflite: layer layer_normalization is a LayerNormalization, which the TFLite export cannot write \(it writes InputLayer, Reshape, Conv2D, MaxPooling2D, AveragePooling2D, Flatten, Dropout, Dense, Activation, BatchNormalization\)$/,
    );
    expect(existsSync(out) || existsSync(join(dir, 'ln.txt'))).toBe(false);
  });

  it('refuses weights that do not fit a layer, naming it', () => {
    const weights = model.weights.map((w, i) => (i === 2 ? { ...w, kernel: w.kernel.subarray(1) } : w));
    expect(() => tfliteBytes({ ...model, weights }, { quantize: 'none', inputShape: '784' })).toThrow(/^layer conv2d_2: expected a 3x3x6x48 kernel and 48 biases$/);
    expect(() => tfliteBytes({ ...model, weights: model.weights.slice(1) }, { quantize: 'none', inputShape: '784' })).toThrow(/^the model has 5 layers with weights but 4 weight sets$/);
  });
});
