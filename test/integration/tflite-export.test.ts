/**
 * `digit-studio export --tflite` judged by the verify kit's check-tflite (Google's LiteRT.js, run by the kit,
 * not by the app) on the 10,000 MNIST test images, against the probabilities of our plain-JS forward pass.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { denseStackOf } from '../../src/core/api/layer-model';
import type { TrainedModel } from '../../src/core/api/model-spec';
import { loadMnist, type DigitSet } from '../../src/core/dataset';
import { openModelFile } from '../../src/core/formats/model-file';
import { exportTflite } from '../../src/core/formats/tflite/export';
import { createPredictor } from '../../src/core/inference';
import { jsonLines, runCli } from '../helpers/run-cli';
import { checkTflite } from '../helpers/verify-kit';

/** Committed model (784-256-256-10): 98.62 % on the MNIST test set, as real Keras (check-h5) measures it. */
const MODEL = fileURLToPath(new URL('../../resources/models/digit-mlp.json', import.meta.url));
const WEIGHT_BYTES = 1_077_288; // 784·256+256 + 256·256+256 + 256·10+10 = 269,322 float32 parameters
/** What the seed's TFLiteConverter wrote around the weights of its 784-128-128-10 model (474,736 − 473,128 B). */
const SEED_OVERHEAD_BYTES = 474_736 - 473_128;
/** int8 dynamic range: 268,800 int8 kernel values, 522 float32 biases, per kernel (3) a float32 scale and int64 zero point. */
const INT8_BYTES = 268_800 + 522 * 4 + 3 * (4 + 8);
const dir = mkdtempSync(join(tmpdir(), 'digit-studio-tflite-export-'));

let source: TrainedModel;
let test: DigitSet;
const judged: Record<string, number> = {};

/** Our JS predictor's probabilities for the test set as raw little-endian float32 [N, 10] (check-tflite --compare). */
function writeProbs(model: TrainedModel, name: string): string {
  const predict = createPredictor(model);
  const probs = new Float32Array(test.count * 10);
  const input = new Float32Array(784);
  for (let s = 0; s < test.count; s++) {
    for (let p = 0; p < 784; p++) input[p] = test.pixels[s * 784 + p] / 255;
    probs.set(predict(input), s * 10);
  }
  const path = join(dir, `${name}.f32`);
  writeFileSync(path, new Uint8Array(probs.buffer));
  return path;
}

async function exportWithCli(name: string, ...flags: string[]): Promise<Record<string, unknown>> {
  const result = await runCli(['export', MODEL, '--tflite', join(dir, `${name}.tflite`), '--json', ...flags]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const summary = jsonLines(result.stdout)[0];
  expect(summary.bytes).toBe(statSync(join(dir, `${name}.tflite`)).size);
  expect(readFileSync(join(dir, `${name}.txt`), 'utf8').split('\n')[0]).toBe('Zero');
  return summary;
}

function judge(file: string, probs: string, minAgree: string, tol: string): { accuracy: number; agreement: number; maxDiff: number; inputs: unknown } {
  const result = checkTflite(file, '--compare', probs, '--min-agree', minAgree, '--tol', tol);
  expect(result.code, result.stdout + result.stderr).toBe(0);
  const report = result.report as { mnist: { accuracy: number; n: number }; compare: { argmax_agreement: number; max_abs_prob_diff: number }; inputs: unknown };
  expect(report.mnist.n).toBe(10_000);
  return { accuracy: report.mnist.accuracy, agreement: report.compare.argmax_agreement, maxDiff: report.compare.max_abs_prob_diff, inputs: report.inputs };
}

describe('TFLite export judged by LiteRT.js (verify kit)', () => {
  let probs: string;
  beforeAll(async () => {
    // As a Dense spec: the sigmoid and tanh test below changes its activations.
    source = await openModelFile(MODEL).then(({ layers, weights }) => ({ spec: denseStackOf(layers), weights }));
    test = (await loadMnist()).test;
    probs = writeProbs(source, 'source');
  });

  it('float32: the weights plus about the seed converter overhead, 100 % argmax agreement, max |Δp| ≤ 1e-5; the in-app check says the same', async () => {
    const summary = await exportWithCli('float32');
    expect(summary.bytes).toBeGreaterThan(WEIGHT_BYTES);
    expect(Math.abs((summary.bytes as number) - WEIGHT_BYTES - SEED_OVERHEAD_BYTES)).toBeLessThan(4096);
    const verdict = judge(join(dir, 'float32.tflite'), probs, '100', '1e-5');
    expect(verdict.agreement).toBe(100);
    expect(verdict.maxDiff).toBeLessThanOrEqual(1e-5);
    expect(verdict.accuracy).toBeCloseTo(98.62, 2);
    expect(summary.verification).toMatchObject({ samples: 10_000, agreement: 1, verified: true, problem: null });
    expect((summary.verification as { accuracy: number }).accuracy * 100).toBeCloseTo(verdict.accuracy, 2);
    judged.float32 = verdict.accuracy;
  });

  it('float16: about half the size, ≥ 99.9 % argmax agreement', async () => {
    const summary = await exportWithCli('float16', '--quantize', 'float16');
    expect(summary.bytes).toBeGreaterThan(WEIGHT_BYTES / 2);
    expect(summary.bytes).toBeLessThan(WEIGHT_BYTES / 2 + 8192);
    const verdict = judge(join(dir, 'float16.tflite'), probs, '99.9', '1');
    expect(verdict.agreement).toBeGreaterThanOrEqual(99.9);
    expect(summary.verification).toMatchObject({ verified: true });
  });

  it('int8 dynamic range: about a quarter of the size, accuracy within 0.5 points of float32', async () => {
    const summary = await exportWithCli('int8', '--quantize', 'int8');
    expect(summary.bytes).toBeGreaterThan(INT8_BYTES);
    expect(summary.bytes).toBeLessThan(INT8_BYTES + SEED_OVERHEAD_BYTES + 4096);
    const verdict = judge(join(dir, 'int8.tflite'), probs, '0', '1');
    expect(Math.abs(verdict.accuracy - (judged.float32 ?? 98.62))).toBeLessThanOrEqual(0.5);
    expect(summary.verification).toMatchObject({ verified: true });
  });

  it('28x28 input: runs on [1,28,28,1] and computes the same as the flat model', async () => {
    const summary = await exportWithCli('image', '--input-shape', '28x28', '--no-verify');
    expect(summary.verification).toBeNull();
    const verdict = judge(join(dir, 'image.tflite'), probs, '100', '1e-5');
    expect(verdict.inputs).toEqual([expect.objectContaining({ dtype: 'float32', shape: [1, 28, 28, 1] })]);
  });

  it('sigmoid and tanh hidden layers run as LOGISTIC and TANH and match the JS forward pass', async () => {
    const model: TrainedModel = { ...source, spec: { ...source.spec, layers: source.spec.layers.map((l, i) => ({ ...l, activation: (['sigmoid', 'tanh'] as const)[i] ?? l.activation })) } };
    const file = join(dir, 'sigmoid-tanh.tflite');
    await exportTflite(model, file, { quantize: 'none', inputShape: '784', labels: 'digits' });
    judge(file, writeProbs(model, 'sigmoid-tanh'), '99.9', '1e-5');
  });

  it('info lists the exported file like Netron: inputs, outputs, operators, tensor shapes and sizes', async () => {
    const text = await runCli(['info', join(dir, 'int8.tflite')]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/TFLite, schema version 3/);
    expect(text.stdout).toMatch(/FULLY_CONNECTED v9 \{fused_activation_function=RELU/);
    // Tensors are named after the model file's layers (dense, dense_1, dense_2 in the bundled model.json).
    expect(text.stdout).toMatch(/int8 +\[256,784\] +200,704 B +dense\/kernel \(1 scale on axis 0\)/);
    const json = jsonLines((await runCli(['info', join(dir, 'float32.tflite'), '--json'])).stdout)[0];
    expect(json).toMatchObject({ format: 'TFLite', minRuntimeVersion: '1.5.0', signatures: [{ key: 'serving_default', inputs: ['input'], outputs: ['output'] }] });
    expect((json.operators as Array<{ op: string }>).map((o) => o.op)).toEqual(['FULLY_CONNECTED', 'FULLY_CONNECTED', 'FULLY_CONNECTED', 'SOFTMAX']);
  });

  it('a model the app cannot load or TFLite cannot express fails with one line and leaves no file', async () => {
    const modelJson = JSON.parse(readFileSync(MODEL, 'utf8'));
    modelJson.modelTopology.model_config.config.layers[1].config.activation = 'elu'; // layer 0 is the InputLayer
    const path = join(dir, 'elu.json');
    writeFileSync(path, JSON.stringify(modelJson));
    copyFileSync(MODEL.replace(/\.json$/, '.weights.bin'), join(dir, 'digit-mlp.weights.bin'));
    const result = await runCli(['export', path, '--tflite', join(dir, 'elu.tflite')]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/elu/);
    expect(existsSync(join(dir, 'elu.tflite')) || existsSync(join(dir, 'elu.txt'))).toBe(false);
  });

  it.each([
    [['--quantize', 'int4'], /--quantize: expected one of none\|float16\|int8/],
    [['--input-shape', '1x784'], /--input-shape: expected one of 784\|28x28/],
    [['--labels', 'roman'], /--labels: expected one of words\|digits/],
  ])('bad flags %j are usage errors (exit 2)', async (flags, message) => {
    const result = await runCli(['export', MODEL, '--tflite', join(dir, 'bad.tflite'), ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
