/**
 * Evaluating any .tflite file (issue 18, "Test any .tflite on the desktop"): files from independent writers (the
 * verify kit's flatc-based MLP and CNN writers, its MediaPipe-style image-classifier writer) and the app's own
 * exports, in every input form they come in, run in LiteRT.js on the 10,000 MNIST test images; each must score what
 * real Keras 3 measured for the same weights (../shared/verify/fixtures/README.md). Files that are not digit
 * classifiers fail in one line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../src/core/api/base64';
import type { EvaluationResult } from '../../src/core/api/contract';
import { loadMnist, type DigitSet } from '../../src/core/dataset';
import { evaluateTflite } from '../../src/core/formats/tflite/evaluate-tflite';
import { AppService } from '../../src/core/service/app-service';
import { MNIST_DIR } from '../helpers/mnist-files';
import { runCli } from '../helpers/run-cli';
import { VERIFY_DIR, VERIFY_FIXTURES } from '../helpers/verify-kit';

/** Real Keras 3's MNIST test accuracies (%) for the kit's reference weights. */
const KERAS_MLP = 96.75;
const KERAS_CNN = 98.51;
const MLP_H5 = `${VERIFY_FIXTURES}keras_reference_mlp.h5`;
const TOOLS = `${VERIFY_DIR}tools/`;
const dir = mkdtempSync(join(tmpdir(), 'digit-studio-tflite-evaluate-'));
const file = (name: string): string => join(dir, name);

function python(...args: string[]): void {
  const result = spawnSync('/usr/bin/python3', args, { encoding: 'utf8', timeout: 120_000 });
  expect(result.status, result.stdout + result.stderr).toBe(0);
}

/**
 * The kit's MLP writer's model, changed: `five` cuts the last Dense layer to
 * its first 5 units (a valid 5-class model); `two-inputs` adds a second graph input; `custom-op` names its
 * softmax as a custom op no runtime has. `nchw-rgb` is a valid digit classifier of another input form: channels-first
 * RGB, made gray by MEAN.
 */
const KIT_MLP_VARIANT = `
import json, os, subprocess, sys, tempfile
tools, h5, mode, out = sys.argv[1:5]
sys.path.insert(0, tools)
import build_mlp_tflite as w
layers = w.dense_weights(h5)
if mode == 'five':
    k, b, act = layers[-1]
    layers[-1] = (k[:, :5], b[:5], act)
m = w.build_json(layers)
graph = m['subgraphs'][0]
if mode == 'two-inputs':
    m['buffers'].append({})
    graph['tensors'].append({'shape': [1, 3], 'type': 'FLOAT32', 'buffer': len(m['buffers']) - 1, 'name': 'extra'})
    graph['inputs'].append(len(graph['tensors']) - 1)
    del m['signature_defs']
if mode == 'nchw-rgb':
    # PyTorch-style RGB input [1,3,28,28]: MEAN over the channel axis, RESHAPE to [1,784], then the MLP.
    tensors, old_input = graph['tensors'], graph['inputs'][0]
    def add(t, data=None):
        m['buffers'].append({'data': list(data)} if data is not None else {})
        tensors.append(dict(t, buffer=len(m['buffers']) - 1))
        return len(tensors) - 1
    rgb = add({'shape': [1, 3, 28, 28], 'type': 'FLOAT32', 'name': 'rgb'})
    axis = add({'shape': [1], 'type': 'INT32', 'name': 'axis'}, (1).to_bytes(4, 'little'))
    gray = add({'shape': [1, 28, 28], 'type': 'FLOAT32', 'name': 'gray'})
    shape = add({'shape': [2], 'type': 'INT32', 'name': 'shape'}, (1).to_bytes(4, 'little') + (784).to_bytes(4, 'little'))
    m['operator_codes'] += [{'deprecated_builtin_code': 40, 'builtin_code': 'MEAN', 'version': 1},
                            {'deprecated_builtin_code': 22, 'builtin_code': 'RESHAPE', 'version': 1}]
    graph['operators'][:0] = [
        {'opcode_index': 2, 'inputs': [rgb, axis], 'outputs': [gray], 'builtin_options_type': 'ReducerOptions', 'builtin_options': {'keep_dims': False}},
        {'opcode_index': 3, 'inputs': [gray, shape], 'outputs': [old_input]}]
    graph['inputs'] = [rgb]
    del m['signature_defs']
if mode == 'custom-op':
    m['operator_codes'][1] = {'deprecated_builtin_code': 32, 'builtin_code': 'CUSTOM', 'custom_code': 'NoSuchOp', 'version': 1}
    for op in graph['operators']:
        if op['opcode_index'] == 1:
            op.pop('builtin_options_type'); op.pop('builtin_options')
d = tempfile.mkdtemp()
json.dump(m, open(os.path.join(d, 'm.json'), 'w'))
subprocess.run(['flatc', '-b', '--strict-json', '-o', d, w.SCHEMA, os.path.join(d, 'm.json')], check=True)
os.replace(os.path.join(d, 'm.tflite'), out)
`;
const FULL_INTEGER_WRITER = fileURLToPath(new URL('../fixtures/tflite/make_full_integer_mlp.py', import.meta.url));

let test: DigitSet;

beforeAll(async () => {
  test = (await loadMnist()).test;
  python(`${TOOLS}build_mlp_tflite.py`, MLP_H5, file('mlp.tflite'));
  python(`${TOOLS}build_mlp_tflite.py`, MLP_H5, file('mlp-dynamic.tflite'), '--dynamic-batch');
  python(`${TOOLS}build_mlp_tflite.py`, MLP_H5, file('mlp-batch32.tflite'), '--batch', '32');
  python(`${TOOLS}build_cnn_tflite.py`, `${VERIFY_FIXTURES}keras_reference_cnn_flat_input.h5`, file('cnn-flat.tflite'));
  python(`${TOOLS}build_cnn_tflite.py`, `${VERIFY_FIXTURES}keras_reference_cnn_input28x28.h5`, file('cnn-28x28.tflite'));
  python(`${VERIFY_DIR}metadata/make_mnist_image_classifier.py`, MLP_H5, file('rgb-float32.tflite'));
  python(`${VERIFY_DIR}metadata/make_mnist_image_classifier.py`, MLP_H5, file('rgb-uint8.tflite'), '--input-type', 'uint8');
  python(`${VERIFY_DIR}metadata/make_mnist_image_classifier.py`, MLP_H5, file('rgb-norm-3-values.tflite'), '--norm-values', '3');
  python(`${VERIFY_DIR}metadata/make_mnist_image_classifier.py`, MLP_H5, file('rgb-norm-127.tflite'), '--norm', '127.5,127.5');
  python(`${VERIFY_DIR}metadata/make_mnist_image_classifier.py`, MLP_H5, file('rgb-m002.tflite'), '--identifier', 'M002');
  for (const mode of ['five', 'two-inputs', 'custom-op', 'nchw-rgb']) python('-c', KIT_MLP_VARIANT, TOOLS, MLP_H5, mode, file(`mlp-${mode}.tflite`));
  for (const io of ['int8', 'uint8', 'float32']) python(FULL_INTEGER_WRITER, MLP_H5, MNIST_DIR, file(`full-integer-${io}.tflite`), '--io', io);
  python(FULL_INTEGER_WRITER, MLP_H5, MNIST_DIR, file('full-integer-int8-dynamic.tflite'), '--io', 'int8', '--dynamic-batch');
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pct = (accuracy: number): number => accuracy * 100;

describe('any .tflite digit classifier, evaluated in LiteRT.js', () => {
  // Independent writers' float files of the same weights compute what Keras computes: the same accuracy to the
  // image. Full-integer files may lose up to half a point, the bar the app sets its own int8 exports.
  it.each([
    ['reference_cnn.tflite (kit CNN writer), float32 [1,28,28,1]', `${VERIFY_FIXTURES}reference_cnn.tflite`, KERAS_CNN, 'float32 [1,28,28,1]', 0],
    ['kit CNN writer, flat input [1,784] + RESHAPE', file('cnn-flat.tflite'), KERAS_CNN, 'float32 [1,784]', 0],
    ['kit CNN writer, input [1,28,28] + RESHAPE', file('cnn-28x28.tflite'), KERAS_CNN, 'float32 [1,28,28]', 0],
    ['kit MLP writer, float32 [1,784]', file('mlp.tflite'), KERAS_MLP, 'float32 [1,784]', 0],
    ['kit MLP writer, dynamic batch (shape_signature [-1,784], as TF converters write it)', file('mlp-dynamic.tflite'), KERAS_MLP, 'float32 [1,784]', 0],
    ['kit MLP writer, static batch 32 (the last batch padded)', file('mlp-batch32.tflite'), KERAS_MLP, 'float32 [32,784]', 0],
    ['MediaPipe-style image classifier, float32 [1,28,28,3] with metadata', file('rgb-float32.tflite'), KERAS_MLP, 'float32 [1,28,28,3], R=G=B', 0],
    ['MediaPipe-style image classifier, uint8 [1,28,28,3] raw pixels', file('rgb-uint8.tflite'), KERAS_MLP, 'uint8 [1,28,28,3], R=G=B, raw pixels', 0],
    ['kit MLP writer behind MEAN + RESHAPE, channels-first RGB [1,3,28,28]', file('mlp-nchw-rgb.tflite'), KERAS_MLP, 'float32 [1,3,28,28], R=G=B', 0],
    ['MediaPipe-style image classifier, per-channel NormalizationOptions', file('rgb-norm-3-values.tflite'), KERAS_MLP, '(pixel − [0, 0, 0]) / [255, 255, 255] as its metadata says', 0],
    ['full-integer int8 MLP with int8 input and output', file('full-integer-int8.tflite'), KERAS_MLP, 'int8 [1,784], pixels − 128 (scale 0.00392, zero point -128)', 0.5],
    ['full-integer int8 MLP with int8 ends and a dynamic batch', file('full-integer-int8-dynamic.tflite'), KERAS_MLP, 'int8 [1,784], pixels − 128 (scale 0.00392, zero point -128)', 0.5],
    ['full-integer int8 MLP with uint8 input and output', file('full-integer-uint8.tflite'), KERAS_MLP, 'uint8 [1,784], raw pixels 0–255', 0.5],
    ['full-integer int8 MLP with float32 input and output', file('full-integer-float32.tflite'), KERAS_MLP, 'float32 [1,784]', 0.5],
  ])('%s: scores Keras’ accuracy', async (_, path, keras, input, tolerance) => {
    const result = await evaluateTflite(readFileSync(path), test);
    expect(Math.abs(pct(result.accuracy) - keras)).toBeLessThanOrEqual(tolerance + 1e-9);
    expect(result.input).toContain(input);
    expect(result.runtime).toMatch(/^LiteRT\.js \d/);
    expect(Array.from(result.confusion).reduce((a, b) => a + b, 0)).toBe(10_000);
  }, 120_000);

  it('feeds a float32 input as its metadata’s NormalizationOptions say, as MediaPipe does: 65.5 % on the first 200 digits for (pixel − 127.5) / 127.5', async () => {
    // The kit measured MediaPipe's and the Task Library's ImageClassifier on this (deliberately wrong) normalization.
    const first200 = { ...test, count: 200, pixels: test.pixels.subarray(0, 200 * 784), labels: test.labels.subarray(0, 200) };
    const result = await evaluateTflite(readFileSync(file('rgb-norm-127.tflite')), first200);
    expect(pct(result.accuracy)).toBeCloseTo(65.5, 6);
    expect(result.input).toContain('(pixel − 127.5) / 127.5 as its metadata says');
  }, 60_000);

  it.each([
    { label: 'float32', quantize: 'none', inputShape: '784', tolerance: 0.01 },
    { label: 'float32', quantize: 'none', inputShape: '28x28', tolerance: 0.01 },
    { label: 'float16', quantize: 'float16', inputShape: '784', tolerance: 0.1 },
    { label: 'int8 dynamic-range', quantize: 'int8', inputShape: '28x28', tolerance: 0.5 },
  ])('the app’s own $label export (--input-shape $inputShape): within $tolerance points of Keras', async ({ quantize, inputShape, tolerance }) => {
    const out = file(`app-${quantize}-${inputShape}.tflite`);
    const exported = await runCli(['export', MLP_H5, '--tflite', out, '--quantize', quantize, '--input-shape', inputShape, '--no-verify']);
    expect(exported.code, exported.stderr).toBe(0);
    const result = await evaluateTflite(readFileSync(out), test);
    expect(Math.abs(pct(result.accuracy) - KERAS_MLP)).toBeLessThanOrEqual(tolerance + 1e-9);
  }, 120_000);
});

describe('digit-studio evaluate model.tflite', () => {
  it('prints the accuracy, per-digit accuracy and confusion matrix it prints for a Keras model', async () => {
    const result = await runCli(['evaluate', `${VERIFY_FIXTURES}reference_cnn.tflite`]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Ran in LiteRT\.js \S+, input float32 \[1,28,28,1\]/);
    expect(result.stdout).toContain(`Test accuracy: ${(KERAS_CNN / 100).toFixed(4)}`);
    expect(result.stdout).toMatch(/^ {2}9: \d+\.\d%$/m);
    expect(result.stdout).toMatch(/Confusion matrix \(rows: true digit, columns: predicted\):\n +0 +1 +2 +3 +4 +5 +6 +7 +8 +9\n {2}0 +\d+/);
  }, 120_000);

  it('--json gives the same event as for a Keras model, plus the runtime and input form', async () => {
    const result = await runCli(['evaluate', file('rgb-uint8.tflite'), '--json']);
    expect(result.code, result.stderr).toBe(0);
    const event = JSON.parse(result.stdout) as { event: string; test_accuracy: number; per_digit_accuracy: number[]; confusion: number[][]; input: string };
    expect(event.event).toBe('evaluation');
    expect(pct(event.test_accuracy)).toBeCloseTo(KERAS_MLP, 2);
    expect(event.per_digit_accuracy).toHaveLength(10);
    expect(event.confusion.flat().reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(event.input).toMatch(/^uint8 \[1,28,28,3\]/);
  }, 120_000);

  it.each([
    ['random bytes', () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251), /not a TFLite file/],
    ['a truncated file', () => readFileSync(file('mlp.tflite')).subarray(0, 200_000), /not a readable TFLite file/],
    ['a 5-class model', () => readFileSync(file('mlp-five.tflite')), /output is float32 \[1,5\]: a digit classifier gives 10 scores/],
    ['unreadable metadata (identifier M002)', () => readFileSync(file('rgb-m002.tflite')), /the file's TFLITE_METADATA is not readable: no "M001" file identifier/],
    ['a model with two inputs', () => readFileSync(file('mlp-two-inputs.tflite')), /the model takes 2 input\(s\) and gives 1 output\(s\)/],
    ['a model with an op LiteRT does not have', () => readFileSync(file('mlp-custom-op.tflite')), /LiteRT\.js \S+ cannot run the model: Encountered unresolved custom op: NoSuchOp\. Node number \d+ \(NoSuchOp\) failed to prepare/],
    ['an empty file', () => new Uint8Array(0), /not a TFLite file/],
  ])('refuses %s in one line naming the file', async (name, bytes, problem) => {
    const path = file(`${name.replace(/\W+/g, '-')}.tflite`);
    writeFileSync(path, bytes());
    const result = await runCli(['evaluate', path]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`digit-studio: error: ${path}: `);
    expect(result.stderr).toMatch(problem);
  }, 60_000);
});

describe('the Evaluate page’s call for an opened .tflite file', () => {
  const service = new AppService({
    version: 'test',
    shell: 'web',
    userDir: mkdtempSync(join(tmpdir(), 'digit-studio-svc-')),
    bundledModelsDir: fileURLToPath(new URL('../../resources/models', import.meta.url)),
  });
  const evaluate = (fileName: string, bytes: Uint8Array): Promise<EvaluationResult> =>
    service.call('evaluateTfliteFile', { fileName, data: bytesToBase64(bytes) }) as Promise<EvaluationResult>;

  it('gives the page’s result: accuracy, confusion, per-digit and a gallery of misclassified digits with their probabilities', async () => {
    const result = await evaluate('reference_cnn.tflite', readFileSync(`${VERIFY_FIXTURES}reference_cnn.tflite`));
    expect(result.id).toBe('reference_cnn.tflite');
    expect(pct(result.accuracy)).toBeCloseTo(KERAS_CNN, 2);
    expect(result.perDigit).toHaveLength(10);
    expect(result.misclassified).toHaveLength(149); // 10,000 − 9,851
    for (const m of result.misclassified) {
      expect(m.label).toBe(test.labels[m.index]);
      expect(m.probabilities.indexOf(Math.max(...m.probabilities))).toBe(m.predicted);
      expect(m.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    }
    expect(result.runtime).toMatch(/^LiteRT\.js/);
    expect(result.input).toMatch(/^float32 \[1,28,28,1\]/);
  }, 120_000);

  it('refuses a file that is not a digit classifier in one line, and a request without data', async () => {
    await expect(evaluate('five.tflite', readFileSync(file('mlp-five.tflite')))).rejects.toThrow(/^the model's output is float32 \[1,5\]: a digit classifier gives 10 scores \(digits 0–9\) per image$/);
    await expect(evaluate('junk.tflite', new TextEncoder().encode('not a model'))).rejects.toThrow(/not a TFLite file/);
    await expect(service.call('evaluateTfliteFile', { fileName: 'x.tflite' })).rejects.toThrow(/invalid evaluateTfliteFile request: data/);
  }, 60_000);
});
