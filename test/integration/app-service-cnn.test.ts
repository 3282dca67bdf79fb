/**
 * Convolutional networks in the app (issue 17), through the service API the UI calls, as an MLP goes: a CNN trained
 * in the app is saved to the library, listed with Keras' summary, evaluated, read by the Draw page's predictor,
 * saved as .h5 (judged by real Keras 3, check-h5) and as .tflite (judged by LiteRT in the app); a Keras-written CNN
 * is imported, evaluated to the accuracy Keras measures, fine-tuned and deleted.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CnnSettings } from '../../src/core/api/architecture';
import { bytesToBase64 } from '../../src/core/api/base64';
import type { ApiEvent, ModelEntry, Responses } from '../../src/core/api/contract';
import { decodeModel } from '../../src/core/api/model-weights';
import { RECOMMENDED, type TrainConfig } from '../../src/core/api/train-config';
import { loadMnist, type DigitSet } from '../../src/core/dataset';
import { openModelFile } from '../../src/core/formats/model-file';
import { createPredictor } from '../../src/core/inference';
import { AppService } from '../../src/core/service/app-service';
import { checkH5, VERIFY_FIXTURES } from '../helpers/verify-kit';
import { BUNDLED_SOURCES } from '../helpers/bundled-models';

const BUNDLED = fileURLToPath(new URL('../../resources/models', import.meta.url));
const KERAS_CNN_FILE = `${VERIFY_FIXTURES}keras_reference_cnn.h5`;
const dir = mkdtempSync(join(tmpdir(), 'digit-studio-svc-cnn-'));
const service = new AppService({ version: 'test', shell: 'web', userDir: join(dir, 'user'), bundledModelsDir: BUNDLED });

const TINY_CNN: CnnSettings = { filters: [4], kernelSize: 3, denseUnits: [], dropout: 0, activation: 'relu' };
/** The reference CNN's settings: Conv2D 16 → pool → Conv2D 32 → pool → Flatten → Dropout 0.25 → Dense 10. */
const REFERENCE_CNN: CnnSettings = { filters: [16, 32], kernelSize: 3, denseUnits: [], dropout: 0.25, activation: 'relu' };
const run = (cnn: CnnSettings, more: Partial<TrainConfig> = {}): TrainConfig => ({ ...RECOMMENDED, epochs: 1, limit: 1000, backend: 'engine', cnn, ...more });

async function call<M extends keyof Responses>(method: M, request: unknown): Promise<Responses[M]> {
  return (await service.call(method, request)) as Responses[M];
}

/** Starts a run and resolves with the library entry it saved. */
async function train(config: TrainConfig): Promise<ModelEntry> {
  const before = new Set((await call('listModels', {})).map((m) => m.id));
  const saved = new Promise<void>((resolve) => {
    const stop = service.onEvent((event: ApiEvent) => {
      if (event.type !== 'models-changed') return;
      stop();
      resolve();
    });
  });
  await call('startTraining', config);
  await saved;
  return (await call('listModels', {})).find((m) => !before.has(m.id))!;
}

/** The digits a predictor reads in the first `count` test images. */
function readDigits(predict: (input: ArrayLike<number>) => Float32Array, test: DigitSet, count: number): number[] {
  return Array.from({ length: count }, (_, s) => {
    const p = predict(Float32Array.from(test.pixels.subarray(s * 784, (s + 1) * 784), (v) => v / 255));
    return p.indexOf(Math.max(...p));
  });
}

let test: DigitSet;
beforeAll(async () => {
  test = (await loadMnist()).test;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a CNN trained in the app', () => {
  let entry: ModelEntry;
  let evaluated: Responses['evaluateModel'];

  it('is saved to the library with its settings and listed with Keras’ summary (parameters counted by hand)', async () => {
    entry = await train(run(TINY_CNN));
    // Conv2D: 3×3 kernel × 1 channel × 4 filters + 4 biases; Dense: 13×13×4 inputs × 10 units + 10 biases.
    const conv = 3 * 3 * 1 * 4 + 4;
    const dense = 13 * 13 * 4 * 10 + 10;
    expect(entry).toMatchObject({ source: 'trained', params: conv + dense, config: { cnn: TINY_CNN, limit: 1000 }, backend: 'engine' });
    expect(entry.name).toMatch(/^ADAM CNN 4 · 1 epochs · \d+\.\d\d%$/);
    expect(entry.layers).toBe('Conv2D 4 3×3 relu → MaxPooling2D 2×2 → Flatten → Dense 10 softmax');
    expect(entry.summary).toEqual({
      inputShape: [28, 28, 1],
      layers: [
        { name: 'conv2d', type: 'Conv2D', outputShape: [26, 26, 4], params: conv },
        { name: 'max_pooling2d', type: 'MaxPooling2D', outputShape: [13, 13, 4], params: 0 },
        { name: 'flatten', type: 'Flatten', outputShape: [676], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [10], params: dense },
      ],
      params: conv + dense,
    });
    expect(entry.testAccuracy).toBeGreaterThan(0.2); // one short epoch of 800 images: well above chance (10 %)
  });

  it('evaluates to the accuracy its run measured, and the Draw page’s predictor reads what the evaluation read', async () => {
    evaluated = await call('evaluateModel', { id: entry.id });
    expect(evaluated.confusion.flat().reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(Math.abs(evaluated.accuracy - entry.testAccuracy!)).toBeLessThanOrEqual(0.001);
    const predict = createPredictor(decodeModel(await call('getModel', { id: entry.id })));
    const wrong = new Set(evaluated.misclassified.map((m) => m.index));
    readDigits(predict, test, 200).forEach((digit, i) => expect(digit === test.labels[i]).toBe(!wrong.has(i)));
  });

  it('saves as a Keras .h5 that real Keras 3 loads with compile=True and scores the same', async () => {
    const download = await call('downloadModel', { id: entry.id, format: 'h5' });
    const file = join(dir, download.fileName);
    writeFileSync(file, Buffer.from(download.data, 'base64'));
    const result = checkH5(file, '--strict');
    expect(result.code, `${result.stdout.slice(-3000)}\n${result.stderr.slice(-2000)}`).toBe(0);
    const report = result.report as { load: { ok: boolean }; layers: Array<{ class: string }>; mnist: { accuracy: number } };
    expect(report.load.ok).toBe(true);
    expect(report.layers.map((l) => l.class)).toEqual(['Conv2D', 'MaxPooling2D', 'Flatten', 'Dense']);
    expect(report.mnist.accuracy).toBeCloseTo(evaluated.accuracy * 100, 1);
  });

  it('exports as .tflite that passes the in-app LiteRT check', async () => {
    const result = await call('exportTflite', { id: entry.id, quantize: 'none', labels: 'digits', inputShape: '784' });
    expect(Buffer.from(result.model.data, 'base64').subarray(4, 8).toString()).toBe('TFL3');
    expect(result.verification).toMatchObject({ problem: null });
    expect(result.verification!.agreement).toBeGreaterThanOrEqual(0.999);
    expect(Math.abs(result.verification!.accuracy - evaluated.accuracy)).toBeLessThanOrEqual(0.001);
  });

  it('is deleted', async () => {
    await call('deleteModel', { id: entry.id });
    expect((await call('listModels', {})).map((m) => m.id)).not.toContain(entry.id);
  });
});

describe('a Keras CNN imported into the app', () => {
  let entry: ModelEntry;

  it('is listed with Keras’ summary and evaluates to the 98.51 % Keras measures', async () => {
    entry = await call('importModel', { fileName: 'keras_reference_cnn.h5', data: bytesToBase64(readFileSync(KERAS_CNN_FILE)) });
    expect(entry).toMatchObject({ source: 'imported', name: 'keras_reference_cnn', params: 12_810 });
    expect(entry.layers).toBe('Conv2D 16 3×3 relu → MaxPooling2D 2×2 → Conv2D 32 3×3 relu → MaxPooling2D 2×2 → Flatten → Dropout 0.25 → Dense 10 softmax');
    // Keras' summary of the file (its .structure.txt): 7 layers after the input, conv2d_1 11×11×32 with 4,640 params.
    expect(entry.summary.inputShape).toEqual([28, 28, 1]);
    expect(entry.summary.layers).toHaveLength(7);
    expect(entry.summary.layers[2]).toEqual({ name: 'conv2d_1', type: 'Conv2D', outputShape: [11, 11, 32], params: 4640 });
    expect((await call('evaluateModel', { id: entry.id })).accuracy).toBeCloseTo(0.9851, 4);
  });

  it('reaches the Draw page with the weights of the file', async () => {
    const fromFile = createPredictor(await openModelFile(KERAS_CNN_FILE));
    const drawPage = createPredictor(decodeModel(await call('getModel', { id: entry.id })));
    for (let s = 0; s < 20; s++) {
      const input = Float32Array.from(test.pixels.subarray(s * 784, (s + 1) * 784), (v) => v / 255);
      expect(drawPage(input)).toEqual(fromFile(input));
    }
  });

  it('starts a run with the same layers (fine-tuning), and refuses settings with other layers in one line', async () => {
    await expect(call('startTraining', run(TINY_CNN, { startFrom: entry.id }))).rejects.toThrow(
      /^cannot start from keras_reference_cnn: its layers are Conv2D 16 3×3 relu → .* but the settings ask for Conv2D 4 3×3 relu → MaxPooling2D 2×2 → Flatten → Dense 10 softmax: set its filters, kernel size, dense units, dropout and activation to match the model$/,
    );
    const tuned = await train(run(REFERENCE_CNN, { startFrom: entry.id }));
    expect(tuned).toMatchObject({ params: 12_810, layers: entry.layers, config: { startFrom: entry.id, cnn: REFERENCE_CNN } });
    expect(tuned.name).toMatch(/^ADAM CNN 16-32 · fine-tuned · 1 epochs/);
    expect(tuned.testAccuracy).toBeGreaterThan(0.95); // it started from 98.51 %, not from fresh weights
  });

  it('is deleted', async () => {
    await call('deleteModel', { id: entry.id });
    expect((await call('listModels', {})).map((m) => m.source)).toEqual([...BUNDLED_SOURCES, 'trained']);
  });
});
