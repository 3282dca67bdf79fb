/**
 * BatchNormalization models (issue 17: "Reading, evaluating and exporting also accept BatchNormalization") judged by
 * the verify kit, never by the app's own reader: the Keras-written fixtures (test/fixtures/hdf5, real Keras 3.15.1)
 * read by the app and written again as .h5, or as model.json and then .h5, load in real Keras 3 (check-h5, compile=True,
 * --strict) as the same model with the same probabilities; `info` shows Keras' parameter counts; the TFLite export
 * folds BatchNormalization into the layer before it (or writes MUL + ADD where it cannot) and computes in LiteRT.js
 * (check-tflite) what Keras computes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Quantization } from '../../src/core/api/export-options';
import { summarizeLayers, type LayerModel } from '../../src/core/api/layer-model';
import { loadMnist, type DigitSet } from '../../src/core/dataset';
import { openModelFile, writeModelFile } from '../../src/core/formats/model-file';
import { exportTflite, tfliteBytes } from '../../src/core/formats/tflite/export';
import { buildGraph } from '../../src/core/formats/tflite/graph';
import { BuiltinOperator } from '../../src/core/formats/tflite/schema/tflite_generated';
import { verificationProblem, verifyTflite } from '../../src/core/formats/tflite/verify';
import { appProbs, BATCHNORM_FIXTURES, fixturePath, KERAS_SAMPLES, largestDifference, TFKERAS2_CNN, unfoldableModel } from '../helpers/batchnorm-models';
import { jsonLines, runCli } from '../helpers/run-cli';
import { checkH5, checkTflite } from '../helpers/verify-kit';

interface KerasReport {
  load: { compile: boolean; ok: boolean };
  warnings: string[];
  layers: Array<{ name: string; class: string; output_shape: Array<number | null>; weights: number[][] }>;
  mnist: { n: number; accuracy: number };
}

const dir = mkdtempSync(join(tmpdir(), 'digit-studio-batchnorm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** check-h5 --dump-probs to `probs`, expected to load the file with compile=True: its report, printed summary and probabilities. */
function keras(file: string, probs: string, ...flags: string[]): { report: KerasReport; stdout: string; probs: Float32Array } {
  const result = checkH5(file, '--dump-probs', probs, ...flags);
  expect(result.code, `check-h5 exit ${result.code}\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`).toBe(0);
  const report = result.report as unknown as KerasReport;
  expect(report.load).toMatchObject({ compile: true, ok: true });
  return { report, stdout: result.stdout, probs: new Float32Array(new Uint8Array(readFileSync(probs)).buffer) };
}

const totalParams = (model: LayerModel): number => summarizeLayers(model.layers).reduce((sum, row) => sum + row.params, 0);
const operators = (model: LayerModel, inputShape: '784' | '28x28'): string[] => buildGraph(model, { quantize: 'none', inputShape }).operators.map((o) => BuiltinOperator[o.op]);

describe.each([...BATCHNORM_FIXTURES, TFKERAS2_CNN])('%s.h5 read and written again by Digit Studio', (name) => {
  const limit = ['--limit', String(KERAS_SAMPLES)];
  let model: LayerModel;
  let original: ReturnType<typeof keras>;
  beforeAll(async () => {
    model = await openModelFile(fixturePath(name));
    original = keras(fixturePath(name), join(dir, `${name}-original.f32`), ...limit);
  });

  /** Keras on the written file: the same layers and weight shapes, Keras' total, the original's probabilities. */
  function expectSameModel(written: ReturnType<typeof keras>, what: string): void {
    expect(written.report.warnings).toEqual([]);
    expect(written.report.layers).toEqual(original.report.layers);
    expect(written.stdout).toContain(`Total params: ${totalParams(model).toLocaleString('en-US')}`);
    const difference = largestDifference(written.probs, original.probs);
    console.log(`${name} ${what}: Keras ${written.report.mnist.accuracy} % on ${written.report.mnist.n} images, max |p_written - p_original| ${difference}, app vs Keras ${largestDifference(appProbs(model), original.probs)}`);
    expect(difference).toBeLessThanOrEqual(1e-5);
  }

  it('as .h5: real Keras 3 loads it (compile=True, no warnings) as the same model, with the same probabilities', async () => {
    const written = join(dir, `${name}.h5`);
    await writeModelFile(model, written);
    expectSameModel(keras(written, `${written}.f32`, '--strict', ...limit), 'as .h5');
  });

  it('as model.json: it opens as the same model, and the .h5 written from what it opened loads in real Keras 3 the same', async () => {
    const json = join(dir, `${name}.json`);
    await writeModelFile(model, json);
    const reopened = await openModelFile(json);
    expect(reopened).toEqual(model);
    const written = join(dir, `${name}-from-json.h5`);
    await writeModelFile(reopened, written);
    expectSameModel(keras(written, `${written}.f32`, '--strict', ...limit), 'via model.json');
  });
});

describe('digit-studio info', () => {
  it("shows each BatchNormalization layer with Keras' parameter count (gamma, beta, moving mean and variance)", async () => {
    const result = await runCli(['info', fixturePath('batchnorm_dense'), '--json']);
    expect(result.code, result.stderr).toBe(0);
    const [info] = jsonLines(result.stdout) as Array<{ params: number; layers: Array<{ name: string; type: string; params: number }> }>;
    expect(info.layers.filter((l) => l.type !== 'Activation').map((l) => [l.name, l.type, l.params])).toEqual([
      ['dense', 'Dense', 25_120],
      ['batch_normalization', 'BatchNormalization', 96],
      ['dense_1', 'Dense', 330],
      ['batch_normalization_1', 'BatchNormalization', 30],
    ]);
    expect(info.params).toBe(25_576); // model.count_params() in make_batchnorm_fixtures.py
  });
});

describe('TFLite export', () => {
  let test: DigitSet;
  const fullKeras = new Map<string, { probs: string; accuracy: number }>();
  beforeAll(async () => {
    test = (await loadMnist()).test;
    for (const name of BATCHNORM_FIXTURES) {
      const probs = join(dir, `${name}-keras.f32`);
      fullKeras.set(name, { probs, accuracy: keras(fixturePath(name), probs, '--quiet').report.mnist.accuracy });
    }
  });

  /** check-tflite against reference probabilities, expected to accept the file. */
  function liteRt(file: string, probs: string, tol: string, minAgree: string): { accuracy: number; agreement: number; maxDiff: number } {
    const result = checkTflite(file, '--compare', probs, '--tol', tol, '--min-agree', minAgree);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const report = result.report as { mnist: { accuracy: number }; compare: { argmax_agreement: number; max_abs_prob_diff: number } };
    return { accuracy: report.mnist.accuracy, agreement: report.compare.argmax_agreement, maxDiff: report.compare.max_abs_prob_diff };
  }

  it('folds each BatchNormalization that follows a linear Conv2D or Dense layer into its weights: no MUL or ADD', async () => {
    expect(operators(await openModelFile(fixturePath('batchnorm_cnn')), '28x28')).toEqual(['CONV_2D', 'RELU', 'MAX_POOL_2D', 'RESHAPE', 'FULLY_CONNECTED', 'SOFTMAX']);
    expect(operators(await openModelFile(fixturePath('batchnorm_dense')), '784')).toEqual(['FULLY_CONNECTED', 'RELU', 'FULLY_CONNECTED', 'SOFTMAX']);
  });

  it.each<[(typeof BATCHNORM_FIXTURES)[number], '784' | '28x28', Quantization, string, string, number]>([
    ['batchnorm_cnn', '28x28', 'none', '1e-4', '100', 0],
    ['batchnorm_cnn', '784', 'float16', '1', '99.9', 0.1],
    ['batchnorm_cnn', '28x28', 'int8', '1', '0', 0.5],
    ['batchnorm_dense', '784', 'none', '1e-4', '100', 0],
  ])("%s (%s input, %s) runs in LiteRT.js on the 10,000 test images with Keras' probabilities (max |Δp| ≤ %s, agreement ≥ %s percent, accuracy within %s points), and passes the app's LiteRT check", async (name, inputShape, quantize, tol, minAgree, accuracyGap) => {
    const model = await openModelFile(fixturePath(name));
    const file = join(dir, `${name}-${quantize}.tflite`);
    await exportTflite(model, file, { quantize, inputShape, labels: 'digits' });
    const verdict = liteRt(file, fullKeras.get(name)!.probs, tol, minAgree);
    console.log(`${name} ${quantize}: LiteRT ${verdict.accuracy} % (Keras ${fullKeras.get(name)!.accuracy} %), agreement ${verdict.agreement} %, max |Δp| ${verdict.maxDiff}`);
    expect(Math.abs(verdict.accuracy - fullKeras.get(name)!.accuracy)).toBeLessThanOrEqual(accuracyGap);
    const verification = await verifyTflite(tfliteBytes(model, { quantize, inputShape }), model, test);
    expect(verificationProblem(quantize, verification)).toBeNull();
  });

  it('writes a BatchNormalization after relu or pooling as MUL + ADD; LiteRT.js computes what real Keras computes from the .h5', async () => {
    const model = unfoldableModel();
    expect(operators(model, '28x28')).toEqual(['CONV_2D', 'MUL', 'ADD', 'MAX_POOL_2D', 'MUL', 'ADD', 'RESHAPE', 'FULLY_CONNECTED', 'SOFTMAX']);
    const h5 = join(dir, 'unfoldable.h5');
    await writeModelFile(model, h5);
    const judged = keras(h5, `${h5}.f32`, '--strict', '--quiet');
    expect(judged.report.layers.map((l) => [l.name, l.class, l.output_shape])).toEqual(summarizeLayers(model.layers).slice(1).map((r) => [r.layer.name, r.layer.type, [null, ...r.outputShape]]));
    const appVsKeras = largestDifference(appProbs(model, KERAS_SAMPLES), judged.probs.subarray(0, KERAS_SAMPLES * 10));
    expect(appVsKeras).toBeLessThanOrEqual(1e-5);
    for (const inputShape of ['28x28', '784'] as const) {
      const file = join(dir, `unfoldable-${inputShape}.tflite`);
      await exportTflite(model, file, { quantize: 'none', inputShape, labels: 'digits' });
      const verdict = liteRt(file, `${h5}.f32`, '1e-4', '99.9');
      console.log(`MUL + ADD (${inputShape}): app vs Keras ${appVsKeras}; LiteRT vs Keras: agreement ${verdict.agreement} %, max |Δp| ${verdict.maxDiff}`);
    }
  });
});
