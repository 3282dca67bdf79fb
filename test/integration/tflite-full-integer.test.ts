/**
 * Full-integer int8 files of both bundled models, judged by real runtimes: the app's LiteRT check (LiteRT.js on the
 * 10,000 test digits, int8 ends through a uint8 copy) must stay within one point of the source model; the verify
 * kit's check-tflite (which feeds float32 only) runs the float-ended variant and compares it with the source model's
 * probabilities; the metadata judge runs the [1,28,28,3] uint8 file in MediaPipe and the Task Library, which feed raw
 * pixels 0–255 through the input's quantization; and `digit-studio evaluate` on a CLI export gives the accuracy the
 * export's own check reported.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputShape, InputType } from '../../src/core/api/export-options';
import type { LayerModel } from '../../src/core/api/layer-model';
import { loadMnist, type Mnist } from '../../src/core/dataset';
import { openModelFile } from '../../src/core/formats/model-file';
import { tfliteBytes } from '../../src/core/formats/tflite/export';
import { verificationProblem, verifyTflite } from '../../src/core/formats/tflite/verify';
import { createPredictor } from '../../src/core/inference';
import { MNIST_DIR } from '../helpers/mnist-files';
import { jsonLines, runCli } from '../helpers/run-cli';
import { checkTflite, VERIFY_DIR } from '../helpers/verify-kit';

const MODELS = fileURLToPath(new URL('../../resources/models/', import.meta.url));
const METADATA_JUDGE = `${VERIFY_DIR}metadata/check-tflite-metadata`;
const LIMIT = 1000;
const dir = mkdtempSync(join(tmpdir(), 'digit-studio-full-integer-'));

type Family = 'mlp' | 'cnn';
let mnist: Mnist;
const models = {} as Record<Family, LayerModel>;
beforeAll(async () => {
  mnist = await loadMnist();
  models.mlp = await openModelFile(`${MODELS}digit-mlp.json`);
  models.cnn = await openModelFile(`${MODELS}digit-cnn.json`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (family: Family, inputShape: InputShape, inputType: InputType): string => join(dir, `${family}-${inputShape}-${inputType}.tflite`);

function exportFile(family: Family, inputShape: InputShape, inputType: InputType): Uint8Array {
  const bytes = tfliteBytes(models[family], { quantize: 'int8-full', inputShape, inputType, labels: 'digits', calibration: mnist.train });
  writeFileSync(file(family, inputShape, inputType), bytes);
  return bytes;
}

/** The source model's probabilities for the test set as raw float32 [N, 10] (check-tflite --compare). */
function sourceProbs(family: Family): string {
  const predict = createPredictor(models[family]);
  const { test } = mnist;
  const probs = new Float32Array(test.count * 10);
  const input = new Float32Array(784);
  for (let s = 0; s < test.count; s++) {
    for (let p = 0; p < 784; p++) input[p] = test.pixels[s * 784 + p] / 255;
    probs.set(predict(input), s * 10);
  }
  const path = join(dir, `${family}-source.f32`);
  writeFileSync(path, new Uint8Array(probs.buffer));
  return path;
}

describe.each(['mlp', 'cnn'] as const)('the bundled %s as full-integer int8', (family) => {
  it.each([
    ['784', 'int8'],
    ['28x28x3', 'uint8'],
  ] as const)("passes the app's LiteRT check with a %s %s input: within 1 point of the source model, agreeing on ≥ 99 %", async (inputShape, inputType) => {
    const verification = await verifyTflite(exportFile(family, inputShape, inputType), models[family], mnist.test);
    expect(verificationProblem('int8-full', verification)).toBeNull();
    expect(verification.agreement).toBeGreaterThanOrEqual(0.99);
  });

  it('check-tflite runs the float-ended file on the 10,000 test digits and agrees with the source model', () => {
    exportFile(family, '28x28', 'float32');
    const result = checkTflite(file(family, '28x28', 'float32'), '--compare', sourceProbs(family), '--min-agree', '99', '--tol', '1');
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const report = result.report as { mnist: { accuracy: number; n: number }; compare: { argmax_agreement: number } };
    expect(report.mnist.n).toBe(10_000);
    expect(report.mnist.accuracy).toBeGreaterThan(98);
  });

  it(`MediaPipe and the Task Library run the [1,28,28,3] uint8 file from raw pixels on ${LIMIT} digits, labels from its metadata`, () => {
    const result = spawnSync(METADATA_JUDGE, [file(family, '28x28x3', 'uint8'), '--mnist', MNIST_DIR, '--limit', String(LIMIT), '--expect-labels', 'digits', '--quiet'], {
      encoding: 'utf8',
      timeout: 5 * 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const marker = 'CHECK_TFLITE_METADATA_JSON ';
    const line = result.stdout.split('\n').find((l) => l.startsWith(marker));
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const report = JSON.parse(line!.slice(marker.length)) as { mediapipe: { accuracy: number }; tasklib: { accuracy: number } };
    for (const consumer of [report.mediapipe, report.tasklib]) expect(consumer.accuracy).toBeGreaterThan(97);
  });
});

describe('digit-studio export --quantize int8-full', () => {
  it('writes the file, its C array and a verified report; evaluate on the file gives the same accuracy', async () => {
    const out = join(dir, 'cli-mlp.tflite');
    const exported = await runCli(['export', `${MODELS}digit-mlp.json`, '--tflite', out, '--quantize', 'int8-full', '--input-shape', '28x28x3', '--input-type', 'uint8', '--c-array', '--json']);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const summary = jsonLines(exported.stdout)[0] as { quantize: string; input_type: string; c_array_files: string[]; verification: { verified: boolean; accuracy: number } };
    expect(summary).toMatchObject({ quantize: 'int8-full', input_type: 'uint8', verification: { verified: true } });
    expect(summary.c_array_files).toEqual([join(dir, 'cli-mlp.cc'), join(dir, 'cli-mlp.h')]);
    expect(readFileSync(join(dir, 'cli-mlp.README.md'), 'utf8')).toMatch(/Shape \[1, 10\], uint8/);

    const evaluated = await runCli(['evaluate', out, '--json']);
    expect(evaluated.code, evaluated.stderr).toBe(0);
    const evaluation = jsonLines(evaluated.stdout)[0] as { test_accuracy: number; input: string };
    expect(evaluation.test_accuracy).toBe(summary.verification.accuracy);
    expect(evaluation.input).toMatch(/^uint8 \[1,28,28,3\], R=G=B/);
  });

  it('refuses an int8 input without full-integer quantization in one line', async () => {
    const result = await runCli(['export', `${MODELS}digit-mlp.json`, '--tflite', join(dir, 'refused.tflite'), '--quantize', 'int8', '--input-type', 'int8']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/--input-type int8: an int8 input needs full-integer quantization/);
  });
});
