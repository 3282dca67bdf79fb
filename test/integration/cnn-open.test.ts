import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMnist, type DigitSet } from '../../src/core/dataset';
import { openModelFile } from '../../src/core/formats/model-file';
import { createPredictor } from '../../src/core/inference';
import { writeDigitPng } from '../helpers/mnist-files';
import { jsonLines, runCli } from '../helpers/run-cli';
import { checkH5, VERIFY_FIXTURES } from '../helpers/verify-kit';

/**
 * Opening Keras CNNs (issue 17, first slice): the kit's three Keras-3-written CNN files (28x28x1 input, 784 →
 * Reshape, 28x28 → Reshape; the same weights) read, summarized, run and exported to TFLite by the CLI, judged by real
 * Keras 3 (check-h5) and LiteRT.
 */
const dir = mkdtempSync(join(tmpdir(), 'digit-studio-cnn-open-'));
const FIXTURES = ['keras_reference_cnn', 'keras_reference_cnn_flat_input', 'keras_reference_cnn_input28x28'];
/** The fixtures' layers after any Reshape, as Keras' model.summary() shows them (see their .structure.txt). */
const KERAS_SUMMARY = [
  ['conv2d', 'Conv2D', [null, 26, 26, 16], 160],
  ['max_pooling2d', 'MaxPooling2D', [null, 13, 13, 16], 0],
  ['conv2d_1', 'Conv2D', [null, 11, 11, 32], 4640],
  ['max_pooling2d_1', 'MaxPooling2D', [null, 5, 5, 32], 0],
  ['flatten', 'Flatten', [null, 800], 0],
  ['dropout', 'Dropout', [null, 800], 0],
  ['dense', 'Dense', [null, 10], 8010],
];

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(FIXTURES)('the Keras 3 CNN %s.h5', (name) => {
  const file = `${VERIFY_FIXTURES}${name}.h5`;
  let test: DigitSet;
  beforeAll(async () => {
    test = (await loadMnist()).test;
  });

  // The three files hold the same weights: the first is judged on all 10,000 test images and through the CLI's
  // evaluate; the other two (the same network behind a Reshape) on the first 1,000, which keeps CI short.
  const full = name === FIXTURES[0];

  it(full ? 'gives the probabilities real Keras 3 gives, within 1e-4 each, and its 98.51 % through evaluate' : 'gives the probabilities real Keras 3 gives on 1,000 images, within 1e-4 each', async () => {
    const count = full ? test.count : 1_000;
    const probsFile = join(dir, `${name}.f32`);
    const keras = checkH5(file, '--dump-probs', probsFile, '--quiet', ...(full ? [] : ['--limit', String(count)]));
    expect(keras.code, keras.stdout + keras.stderr).toBe(0);
    const kerasAccuracy = (keras.report!.mnist as { accuracy: number }).accuracy;
    const kerasProbs = new Float32Array(new Uint8Array(readFileSync(probsFile)).buffer);
    expect(kerasProbs.length).toBe(count * 10);

    const predict = createPredictor(await openModelFile(file));
    const input = new Float32Array(784);
    let worst = 0;
    for (let s = 0; s < count; s++) {
      for (let p = 0; p < 784; p++) input[p] = test.pixels[s * 784 + p] / 255;
      const probs = predict(input);
      for (let d = 0; d < 10; d++) worst = Math.max(worst, Math.abs(probs[d] - kerasProbs[s * 10 + d]));
    }
    expect(worst).toBeLessThanOrEqual(1e-4);
    if (!full) return;

    expect(kerasAccuracy).toBeCloseTo(98.51, 2);
    const evaluate = await runCli(['evaluate', file, '--json']);
    expect(evaluate.code, evaluate.stderr).toBe(0);
    // The same digits right as Keras: accuracy × 10,000 images, compared as counts (no float rounding).
    expect(Math.round((jsonLines(evaluate.stdout)[0].test_accuracy as number) * test.count)).toBe(Math.round((kerasAccuracy / 100) * test.count));
  });

  it("info lists every layer with Keras' output shapes and parameter counts", async () => {
    const info = await runCli(['info', file, '--json']);
    expect(info.code, info.stderr).toBe(0);
    const summary = jsonLines(info.stdout)[0];
    const input = { keras_reference_cnn: [null, 28, 28, 1], keras_reference_cnn_flat_input: [null, 784], keras_reference_cnn_input28x28: [null, 28, 28] }[name];
    expect(summary).toMatchObject({ format: 'Keras HDF5', input, output: [null, 10], params: 12_810, keras: { version: '3.15.1' } });
    const layers = (summary.layers as Array<Record<string, unknown>>).map((l) => [l.name, l.type, l.output_shape, l.params]);
    expect(layers).toEqual([...(name === 'keras_reference_cnn' ? [] : [['reshape', 'Reshape', [null, 28, 28, 1], 0]]), ...KERAS_SUMMARY]);
    const text = await runCli(['info', file]);
    expect(text.stdout).toContain('conv2d_1 (Conv2D: filters 32, kernel_size 3x3, valid, relu) → (None, 11, 11, 32), 4,640 params');
    expect(text.stdout).toContain('Total params: 12,810');
  });
});

describe('a Keras CNN elsewhere', () => {
  const file = `${VERIFY_FIXTURES}keras_reference_cnn.h5`;

  it('predict reads a PNG of a digit with it (MNIST test image 90 is a 3)', async () => {
    const png = join(dir, 'three.png');
    writeDigitPng(png);
    const result = await runCli(['predict', file, png, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const prediction = jsonLines(result.stdout)[0];
    expect(prediction.digit).toBe(3);
    expect((prediction.probabilities as number[]).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
  });

  it('export writes it as TFLite, verified in LiteRT on the MNIST test images', async () => {
    const out = join(dir, 'keras-cnn.tflite');
    const text = await runCli(['export', file, '--tflite', out, '--quantize', 'int8']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Wrote .*keras-cnn\.tflite: [\d,]+ bytes \(TFLite, int8 dynamic-range weights, input \[1,784\]\)/);
    expect(text.stdout).toMatch(/Verified with .* accuracy 98\.\d\d% \(source model 98\.51%\)/);
  });
});
