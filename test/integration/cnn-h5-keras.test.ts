import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cnnLayers, KERAS_CNN } from '../../src/core/api/architecture';
import { summarizeLayers, type LayerModel } from '../../src/core/api/layer-model';
import type { CompileInfo } from '../../src/core/api/model-spec';
import { loadMnist, type DigitSet } from '../../src/core/dataset';
import { openModelFile, writeModelFile } from '../../src/core/formats/model-file';
import { createPredictor } from '../../src/core/inference';
import { randomLayerModel } from '../helpers/layer-models';
import { syntheticCnn } from '../helpers/synthetic-cnn';
import { checkH5, VERIFY_FIXTURES, type CheckResult } from '../helpers/verify-kit';

/**
 * Writing Keras CNNs (issue 17, "Files"), judged by real Keras 3 (check-h5: load_model(compile=True), summary,
 * MNIST), never by Digit Studio's own reader: the kit's three Keras-3-written CNNs read by the app and written
 * again must load in Keras as the same model, with the same probabilities; CNNs built in the app (keras.io's
 * mnist_convnet from cnnLayers(KERAS_CNN) with fresh Glorot weights, 34,826 parameters; a CNN with every layer type)
 * must load with Keras' shapes and parameter counts and predict what the app predicts.
 */
interface KerasLayerReport {
  name: string;
  class: string;
  output_shape: Array<number | null>;
  weights: number[][];
}

interface CheckH5Report {
  load: { compile: boolean; ok: boolean };
  warnings: string[];
  input_shape: Array<number | null>;
  output_shape: Array<number | null>;
  layers: KerasLayerReport[];
  optimizer: { class: string; learning_rate: number; config: Record<string, unknown> } | null;
  loss: string | null;
  metrics: string[];
  mnist: { n: number; accuracy: number; input_shape: number[] };
}

const dir = mkdtempSync(join(tmpdir(), 'digit-studio-cnn-h5-'));
const FIXTURES = ['keras_reference_cnn', 'keras_reference_cnn_flat_input', 'keras_reference_cnn_input28x28'];

/** check-h5 with --dump-probs; the report, the printed summary and Keras' probabilities. */
function keras(file: string, probs: string, ...flags: string[]): { report: CheckH5Report; stdout: string; probs: Float32Array } {
  const result: CheckResult = checkH5(file, '--dump-probs', probs, ...flags);
  expect(result.code, `check-h5 exit ${result.code}\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`).toBe(0);
  const report = result.report as unknown as CheckH5Report;
  expect(report.load).toMatchObject({ compile: true, ok: true });
  return { report, stdout: result.stdout, probs: new Float32Array(new Uint8Array(readFileSync(probs)).buffer) };
}

function largestDifference(a: Float32Array, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  return a.reduce((worst, p, i) => Math.max(worst, Math.abs(p - b[i])), 0);
}

const parameters = (layers: KerasLayerReport[]): number => layers.reduce((sum, l) => sum + l.weights.reduce((n, shape) => n + shape.reduce((a, b) => a * b, 1), 0), 0);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(FIXTURES)('the Keras 3 CNN %s.h5, read and written again by Digit Studio', (name) => {
  // The first file is judged on all 10,000 test images; the other two (the same network behind a Reshape) on the
  // first 1,000, which keeps CI short.
  const full = name === FIXTURES[0];
  const limit = full ? [] : ['--limit', '1000'];

  it(`loads in Keras 3 with compile=True as the same model: layers, shapes, parameters, optimizer, ${full ? '98.51 % and every probability' : 'probabilities on 1,000 images'}`, async () => {
    const original = `${VERIFY_FIXTURES}${name}.h5`;
    const written = join(dir, `${name}.h5`);
    await writeModelFile(await openModelFile(original), written);

    const theirs = keras(original, join(dir, `${name}-original.f32`), ...limit);
    const ours = keras(written, join(dir, `${name}-written.f32`), '--strict', ...limit);
    expect(ours.report.warnings).toEqual([]);
    expect(ours.report.layers).toEqual(theirs.report.layers);
    expect(parameters(ours.report.layers)).toBe(12_810);
    expect(ours.stdout).toContain('Total params: 12,810');
    expect([ours.report.input_shape, ours.report.output_shape]).toEqual([theirs.report.input_shape, theirs.report.output_shape]);
    // The same Adam; only its name differs ('Adam' as tf.keras 2.x wrote it, 'adam' in Keras 3).
    const { beta_1, beta_2, epsilon, amsgrad } = theirs.report.optimizer!.config;
    expect(ours.report.optimizer).toMatchObject({ class: 'Adam', learning_rate: Math.fround(0.001), config: { beta_1, beta_2, epsilon, amsgrad } });
    expect(theirs.report.optimizer).toMatchObject({ class: 'Adam', learning_rate: Math.fround(0.001) });
    expect([ours.report.loss, ours.report.metrics]).toEqual([theirs.report.loss, theirs.report.metrics]);
    const { n, accuracy, input_shape } = theirs.report.mnist;
    expect(ours.report.mnist).toMatchObject({ n, accuracy, input_shape });
    if (full) expect(ours.report.mnist.accuracy).toBeCloseTo(98.51, 2);
    const difference = largestDifference(ours.probs, theirs.probs);
    console.log(`${name}: Keras ${ours.report.mnist.accuracy} % on ${ours.report.mnist.n} images, max |p_written - p_original| ${difference}`);
    expect(difference).toBeLessThanOrEqual(1e-4);
  });
});

describe('CNNs built in the app, written as .h5', () => {
  let test: DigitSet;
  beforeAll(async () => {
    test = (await loadMnist()).test;
  });

  it.each<[string, number, () => LayerModel, CompileInfo, Record<string, unknown>]>([
    ["keras.io's mnist_convnet (cnnLayers(KERAS_CNN)) with fresh Glorot weights", 34_826, () => randomLayerModel(cnnLayers(KERAS_CNN), 17), { optimizer: 'adam', learningRate: 0.001, loss: 'categorical_crossentropy' }, { class: 'Adam' }],
    ['a CNN with every layer type and padding (synthetic-cnn.ts)', 27_904, syntheticCnn, { optimizer: 'momentum', learningRate: 0.02, momentum: 0.8, loss: 'categorical_crossentropy' }, { class: 'SGD', config: { momentum: 0.8 } }],
  ])("%s loads in Keras 3 with its %d parameters, Keras' summary shapes, its optimizer, and predicts what the app predicts", async (what, total, build, compile, optimizer) => {
    const model = { ...build(), compile };
    const path = join(dir, `${compile.optimizer}.h5`);
    await writeModelFile(model, path);
    const count = 500;
    const { report, stdout, probs } = keras(path, join(dir, `${compile.optimizer}.f32`), '--strict', '--limit', String(count));
    expect(report.warnings).toEqual([]);
    const rows = summarizeLayers(model.layers);
    expect(report.input_shape).toEqual([null, ...rows[0].outputShape]);
    expect(report.layers.map((l) => [l.name, l.class, l.output_shape, l.weights])).toEqual(
      rows.slice(1).map((row) => [row.layer.name, row.layer.type, [null, ...row.outputShape], row.kernelShape ? [row.kernelShape, row.kernelShape.slice(-1)] : []]),
    );
    expect(parameters(report.layers)).toBe(total);
    expect(stdout).toContain(`Total params: ${total.toLocaleString('en-US')}`);
    expect(report.optimizer).toMatchObject({ ...optimizer, learning_rate: Math.fround(compile.learningRate) });

    const predict = createPredictor(model);
    const ours = new Float32Array(count * 10);
    for (let s = 0; s < count; s++) ours.set(predict(Float32Array.from(test.pixels.subarray(s * 784, (s + 1) * 784), (v) => v / 255)), s * 10);
    const difference = largestDifference(probs, ours);
    console.log(`${what}: ${total} parameters, max |p_keras - p_app| ${difference} on ${count} images`);
    expect(difference).toBeLessThanOrEqual(1e-4);
  });
});
