/**
 * Training a convolutional network from the command line (issue 17), judged by real Keras 3: the CLI trains a
 * small keras.io-style CNN on the engine, writes it as .h5, and Keras (check-h5) loads it with the parameter count
 * computed here by hand, and predicts what the app predicts for every test image within 1e-4. The architecture
 * flags refuse what they cannot mean.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMnist } from '../../src/core/dataset';
import { openModelFile } from '../../src/core/formats/model-file';
import { createPredictor } from '../../src/core/inference';
import { jsonLines, runCli } from '../helpers/run-cli';
import { checkH5 } from '../helpers/verify-kit';

const dir = mkdtempSync(join(tmpdir(), 'digit-studio-cli-cnn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('digit-studio train --preset cnn', () => {
  it('trains a CNN on the engine that real Keras loads and evaluates as the app does', async () => {
    const out = join(dir, 'cnn.h5');
    const run = await runCli(['train', '--preset', 'cnn', '--filters', '8,16', '--epochs', '2', '--limit', '6000', '--validation-split', '0.1', '--threads', '1', '--out', out, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const events = jsonLines(run.stdout);
    const start = events.find((e) => e.event === 'start')!;
    // Conv2D 3·3·1·8 + 8, Conv2D 3·3·8·16 + 16, Dense 5·5·16·10 + 10 (keras.io's layout: 28 → 26 → 13 → 11 → 5).
    expect(start).toMatchObject({ backend: 'engine', params: 80 + 1168 + 4010 });
    const done = events.find((e) => e.event === 'done') as { test_accuracy: number };
    expect(done.test_accuracy).toBeGreaterThan(0.85);

    const probs = join(dir, 'keras.f32');
    const keras = checkH5(out, '--strict', '--dump-probs', probs);
    expect(keras.code, keras.stdout.slice(-2000)).toBe(0);
    const report = keras.report as { load: { compile: boolean }; layers: Array<{ class: string }>; mnist: { accuracy: number } };
    expect(report.load.compile).toBe(true);
    expect(report.layers.map((l) => l.class)).toEqual(['Conv2D', 'MaxPooling2D', 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dropout', 'Dense']);
    expect(keras.stdout).toMatch(/Total params: 5,258/);
    // Keras' accuracy is the CLI's test accuracy (percent vs fraction), and every probability agrees.
    expect(Math.abs(report.mnist.accuracy / 100 - done.test_accuracy)).toBeLessThan(1e-4);
    const kerasProbs = new Float32Array(new Uint8Array(readFileSync(probs)).buffer);
    const predict = createPredictor(await openModelFile(out));
    const { test } = await loadMnist();
    let worst = 0;
    for (let s = 0; s < test.count; s++) {
      const p = predict(Array.from(test.pixels.subarray(s * 784, (s + 1) * 784), (v) => v / 255));
      for (let k = 0; k < 10; k++) worst = Math.max(worst, Math.abs(p[k] - kerasProbs[s * 10 + k]));
    }
    expect(worst).toBeLessThan(1e-4);
  });

  it.each([
    [['--arch', 'mlp', '--filters', '8'], /--filters applies to convolutional networks/],
    [['--preset', 'cnn', '--kernel-size', '4'], /--kernel-size: expected 3 or 5, got 4/],
    [['--arch', 'cnn', '--filters', '8,16,32,64'], /invalid training settings: cnn\.filters/],
    // 28 → 24 → 12 → 8 → 4 → 0: a third 5x5 kernel does not fit.
    [['--arch', 'cnn', '--filters', '8,8,8', '--kernel-size', '5'], /cnn\.kernelSize: a 5x5 kernel is too large for 3 blocks/],
  ])('refuses %j in one line', async (args, message) => {
    const run = await runCli(['train', ...args, '--epochs', '1', '--limit', '100']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });
});
