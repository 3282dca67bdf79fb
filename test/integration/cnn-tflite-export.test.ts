/**
 * CNN export to TFLite (issue 17) judged by the verify kit: the Keras 3 reference CNN (98.51 % in real Keras), read by
 * the app's .h5 reader and exported as float32, float16 and int8 with both input shapes, run by check-tflite (Google's
 * LiteRT.js, run by the kit, not by the app) on the 10,000 MNIST test images against real Keras 3's probabilities
 * (check-h5); and the app's own LiteRT check (verify.ts) on the same files and on a CNN using every exported layer.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Quantization } from '../../src/core/api/export-options';
import type { LayerModel } from '../../src/core/api/layer-model';
import { loadMnist, type DigitSet } from '../../src/core/dataset';
import { openModelFile } from '../../src/core/formats/model-file';
import { exportTflite, tfliteBytes } from '../../src/core/formats/tflite/export';
import { verificationProblem, verifyTflite } from '../../src/core/formats/tflite/verify';
import { createPredictor } from '../../src/core/inference';
import { syntheticCnn } from '../helpers/synthetic-cnn';
import { checkH5, checkTflite, VERIFY_FIXTURES } from '../helpers/verify-kit';

const KERAS_ACCURACY = 98.51;
const FIXTURE = `${VERIFY_FIXTURES}keras_reference_cnn.h5`;
const dir = mkdtempSync(join(tmpdir(), 'digit-studio-cnn-tflite-'));

/** What each variant must show against Keras: float32 computes what Keras computes; float16 and int8 keep its accuracy. */
/** The variants this file covers (full-integer int8 has tests of its own). */
type Covered = Exclude<Quantization, 'int8-full'>;

const VARIANTS: Array<{ quantize: Covered; tol: string; minAgree: string; maxAccuracyGap: number }> = [
  { quantize: 'none', tol: '1e-4', minAgree: '100', maxAccuracyGap: 0.1 },
  { quantize: 'float16', tol: '1', minAgree: '99.9', maxAccuracyGap: 0.1 },
  { quantize: 'int8', tol: '1', minAgree: '0', maxAccuracyGap: 0.5 },
];

interface Verdict {
  accuracy: number;
  agreement: number;
  maxDiff: number;
  inputShape: number[];
}

/** check-tflite on the file against reference probabilities; expects it to accept the file. */
function judge(file: string, probs: string, tol: string, minAgree: string, ...flags: string[]): Verdict {
  const result = checkTflite(file, '--compare', probs, '--tol', tol, '--min-agree', minAgree, ...flags);
  expect(result.code, result.stdout + result.stderr).toBe(0);
  const report = result.report as { mnist: { accuracy: number; input_shape: number[] }; compare: { argmax_agreement: number; max_abs_prob_diff: number } };
  return { accuracy: report.mnist.accuracy, agreement: report.compare.argmax_agreement, maxDiff: report.compare.max_abs_prob_diff, inputShape: report.mnist.input_shape };
}

/** The first `count` digits of a set. */
const firstOf = (set: DigitSet, count: number): DigitSet => ({ ...set, count, pixels: set.pixels.subarray(0, count * set.rows * set.cols), labels: set.labels.subarray(0, count) });

let test: DigitSet;
let cnn: LayerModel;
let kerasProbs: string;

beforeAll(async () => {
  test = (await loadMnist()).test;
  cnn = await openModelFile(FIXTURE);
  kerasProbs = join(dir, 'keras.f32');
  const keras = checkH5(FIXTURE, '--dump-probs', kerasProbs, '--quiet');
  expect(keras.code, keras.stdout + keras.stderr).toBe(0);
  expect((keras.report!.mnist as { accuracy: number }).accuracy).toBeCloseTo(KERAS_ACCURACY, 2);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Weights: float32 12,810 × 4 B; float16 half that; int8 only the conv2d_1 filter (4,608) and the Dense kernel (8,000) at 1 B. */
const WEIGHT_BYTES: Record<Covered, number> = { none: 12_810 * 4, float16: 12_810 * 2, int8: 160 * 4 + 12_608 + 42 * 4 };

describe.each(VARIANTS)('the Keras reference CNN as $quantize TFLite', ({ quantize, tol, minAgree, maxAccuracyGap }) => {
  it.each(['28x28', '784'] as const)(`LiteRT.js runs the %s-input file at Keras' ${KERAS_ACCURACY} % (± ${maxAccuracyGap}) with its probabilities (max |Δp| ≤ ${tol}, agreement ≥ ${minAgree} %)`, async (inputShape) => {
    const file = join(dir, `${quantize}-${inputShape}.tflite`);
    const { bytes } = await exportTflite(cnn, file, { quantize, inputShape, labels: 'digits' });
    expect(bytes.length - WEIGHT_BYTES[quantize]).toBeGreaterThan(0);
    expect(bytes.length - WEIGHT_BYTES[quantize]).toBeLessThan(6144); // graph, TFLite metadata and the labels zip
    const verdict = judge(file, kerasProbs, tol, minAgree);
    expect(verdict.inputShape).toEqual(inputShape === '784' ? [1, 784] : [1, 28, 28, 1]);
    expect(Math.abs(verdict.accuracy - KERAS_ACCURACY)).toBeLessThanOrEqual(maxAccuracyGap);
  });

  // The app verifies every export on all 10,000 images; float16 and int8 are checked here on the first 2,000 to keep CI short.
  it("the app's LiteRT check accepts it: the app's forward pass and the file agree as the variant requires", async () => {
    const set = quantize === 'none' ? test : firstOf(test, 2_000);
    const verification = await verifyTflite(tfliteBytes(cnn, { quantize, inputShape: '28x28' }), cnn, set);
    expect(verificationProblem(quantize, verification)).toBeNull();
    expect(verification).toMatchObject({ runtime: expect.stringMatching(/^LiteRT\.js /), samples: set.count });
    if (quantize !== 'none') return;
    // Right on the digits Keras gets right: accuracies × 10,000 images, compared as counts (no float rounding).
    expect([verification.accuracy, verification.sourceAccuracy].map((a) => Math.round(a * test.count))).toEqual([KERAS_ACCURACY * 100, KERAS_ACCURACY * 100]);
    expect(verification.agreement).toBe(1);
  });
});

describe('the same CNN behind a Reshape (784 or 28x28 Keras input)', () => {
  // The same weights as keras_reference_cnn.h5, whose Keras probabilities they share (fixtures/README.md).
  it.each(['keras_reference_cnn_flat_input', 'keras_reference_cnn_input28x28'].flatMap((name) => (['784', '28x28'] as const).map((shape) => [name, shape] as const)))(
    '%s.h5 with a %s input: float32 computes what Keras computes',
    async (name, inputShape) => {
      const file = join(dir, `${name}-${inputShape}.tflite`);
      writeFileSync(file, tfliteBytes(await openModelFile(`${VERIFY_FIXTURES}${name}.h5`), { quantize: 'none', inputShape }));
      expect(judge(file, kerasProbs, '1e-4', '100').accuracy).toBeCloseTo(KERAS_ACCURACY, 2);
    },
  );
});

describe('a CNN with every layer the exporter writes (SAME/VALID, both pools, tanh/sigmoid/relu, Activation layers)', () => {
  const model = syntheticCnn();
  const COUNT = 1_000;

  it.each(['none', 'float16', 'int8'] as const)("%s: the app's LiteRT check finds the file computing what the app's forward pass computes", async (quantize) => {
    const verification = await verifyTflite(tfliteBytes(model, { quantize, inputShape: '784' }), model, firstOf(test, COUNT));
    expect(verificationProblem(quantize, verification)).toBeNull();
    expect(verification.agreement).toBeGreaterThanOrEqual(quantize === 'int8' ? 0.99 : 1);
  });

  it('float32: check-tflite agrees with the forward pass within 1e-5 on both input shapes', () => {
    const predict = createPredictor(model);
    const probs = new Float32Array(COUNT * 10);
    const input = new Float32Array(784);
    for (let s = 0; s < COUNT; s++) {
      for (let p = 0; p < 784; p++) input[p] = test.pixels[s * 784 + p] / 255;
      probs.set(predict(input), s * 10);
    }
    const probsFile = join(dir, 'synthetic.f32');
    writeFileSync(probsFile, new Uint8Array(probs.buffer));
    for (const inputShape of ['784', '28x28'] as const) {
      const file = join(dir, `synthetic-${inputShape}.tflite`);
      writeFileSync(file, tfliteBytes(model, { quantize: 'none', inputShape }));
      expect(judge(file, probsFile, '1e-5', '100', '--limit', String(COUNT)).agreement).toBe(100);
    }
  });
});
