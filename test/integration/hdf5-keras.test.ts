import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { denseStackOf, type LayerModel } from '../../src/core/api/layer-model';
import type { CompileInfo } from '../../src/core/api/model-spec';
import { loadMnist, type DigitSet } from '../../src/core/dataset';
import { openModelFromH5File } from '../../src/core/formats/hdf5/read-h5';
import { openModelFile, writeModelFile } from '../../src/core/formats/model-file';
import { createPredictor, evaluateModel } from '../../src/core/inference';
import { KERAS_REFERENCE, makeKeras3Functional } from '../fixtures/hdf5/generate';
import { jsonLines, runCli } from '../helpers/run-cli';
import { checkH5 } from '../helpers/verify-kit';

/**
 * The judge is real Keras 3.15.1 (../shared/verify/check-h5: keras.models.load_model(path, compile=True), then
 * MNIST predictions), never Digit Studio's own reader.
 */
interface CheckH5Report {
  load: { compile: boolean; ok: boolean };
  input_shape: number[] | null;
  optimizer: { class: string; learning_rate: number; config: Record<string, unknown> } | null;
  loss: string | null;
  warnings: string[];
  mnist?: { n: number; accuracy: number };
}

const dir = mkdtempSync(join(tmpdir(), 'digit-studio-h5-keras-'));

function keras(file: string, ...flags: string[]): CheckH5Report {
  const result = checkH5(file, '--strict', ...flags);
  expect(result.code, `check-h5 exit ${result.code}\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`).toBe(0);
  const report = result.report as unknown as CheckH5Report;
  expect(report.load).toMatchObject({ compile: true, ok: true });
  expect(report.warnings).toEqual([]);
  expect(report.input_shape).toEqual([null, 784]);
  return report;
}

/** Largest |p_keras - p_ours| over the MNIST test set (Keras' probabilities as raw little-endian float32). */
function maxProbabilityDifference(model: LayerModel, kerasProbs: string, test: DigitSet): number {
  const bytes = readFileSync(kerasProbs);
  const theirs = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  expect(theirs.length).toBe(test.count * 10);
  const predict = createPredictor(model);
  const input = new Float32Array(784);
  let max = 0;
  for (let s = 0; s < test.count; s++) {
    for (let p = 0; p < 784; p++) input[p] = test.pixels[s * 784 + p] / 255;
    predict(input).forEach((p, digit) => (max = Math.max(max, Math.abs(p - theirs[s * 10 + digit]))));
  }
  return max;
}

describe('Keras HDF5 files judged by real Keras 3', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  let test: DigitSet;
  let reference: LayerModel;
  beforeAll(async () => {
    test = (await loadMnist()).test;
    reference = await openModelFile(KERAS_REFERENCE);
  });

  it('Keras loads a file Digit Studio wrote with compile=True: SGD 0.01, same accuracy, probabilities within 1e-5', async () => {
    const path = join(dir, 'sgd.h5');
    const model = { ...reference, compile: { optimizer: 'sgd', learningRate: 0.01, loss: 'categorical_crossentropy' } satisfies CompileInfo };
    await writeModelFile(model, path);
    const probs = join(dir, 'sgd-keras.f32');
    const report = keras(path, '--expect-accuracy', '96.75', '--dump-probs', probs);
    expect(report.optimizer).toMatchObject({ class: 'SGD', learning_rate: Math.fround(0.01), config: { momentum: 0, nesterov: false } });
    expect(report.loss).toBe('categorical_crossentropy');
    expect(report.mnist?.n).toBe(10_000);
    expect(Math.abs(report.mnist!.accuracy / 100 - evaluateModel(model, test).accuracy)).toBeLessThanOrEqual(1e-4);
    expect(maxProbabilityDifference(model, probs, test)).toBeLessThanOrEqual(1e-5);
  });

  it.each<[string, CompileInfo, Record<string, unknown>]>([
    ['SGD', { optimizer: 'momentum', learningRate: 0.05, momentum: 0.9, loss: 'categorical_crossentropy' }, { momentum: 0.9, nesterov: false }],
    ['Adam', { optimizer: 'adam', learningRate: 0.002, loss: 'categorical_crossentropy' }, { beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false }],
  ])('Keras rebuilds the optimizer we wrote: %s %o', async (className, compile, config) => {
    const path = join(dir, `${compile.optimizer}.h5`);
    await writeModelFile({ ...reference, compile }, path);
    const report = keras(path, '--limit', '500');
    expect(report.optimizer).toMatchObject({ class: className, learning_rate: Math.fround(compile.learningRate), config });
    expect(report.loss).toBe('categorical_crossentropy');
  });

  it('opens a Functional model real Keras 3 wrote (Flatten, Dropout, Activation) and reproduces 96.75 %', async () => {
    const path = join(dir, 'keras3-functional.h5');
    makeKeras3Functional(path);
    const { model, info } = await openModelFromH5File(path);
    expect(denseStackOf(model.layers)).toEqual(denseStackOf(reference.layers));
    expect(evaluateModel(model, test).accuracy).toBeCloseTo(0.9675, 4);
    expect(model.compile).toEqual({ optimizer: 'adam', learningRate: 0.002, loss: 'categorical_crossentropy' });
    expect(info).toMatchObject({ kerasVersion: '3.15.1', backend: 'numpy', optimizer: { className: 'Adam', learningRate: 0.002 } });
  });

  it('CLI: train --out model.h5, then evaluate, info and real Keras agree on the same file', async () => {
    const out = join(dir, 'cli', 'trained.h5');
    const train = await runCli(['train', '--limit', '3000', '--epochs', '1', '--seed', '3', '--out', out, '--json']);
    expect(train.code, train.stderr).toBe(0);
    expect(jsonLines(train.stdout).at(-1)).toMatchObject({ event: 'done', model: out });

    const evaluate = await runCli(['evaluate', out, '--json']);
    expect(evaluate.code, evaluate.stderr).toBe(0);
    const evaluation = jsonLines(evaluate.stdout)[0];

    const info = await runCli(['info', out, '--json']);
    expect(info.code, info.stderr).toBe(0);
    expect(jsonLines(info.stdout)[0]).toMatchObject({
      format: 'Keras HDF5',
      params: 118_282,
      keras: { version: '2.15.0', backend: 'tensorflow', generated_by: 'Digit Studio' },
      optimizer: { class_name: 'SGD', learning_rate: 0.01, momentum: 0 },
      loss: 'categorical_crossentropy',
    });

    const report = keras(out);
    expect(report.optimizer).toMatchObject({ class: 'SGD', learning_rate: Math.fround(0.01) });
    expect(Math.abs(report.mnist!.accuracy / 100 - (evaluation.test_accuracy as number))).toBeLessThanOrEqual(1e-4);
  });
});
