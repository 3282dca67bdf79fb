/**
 * The Draw page's live reading with an opened .tflite file (issue 18): the service keeps the file compiled in
 * LiteRT.js and reads one drawing's 784 model-input values per call. Judged against the true labels of MNIST test
 * digits: the verify kit's independently written CNN and the app's own full-integer export must read most of them
 * right, whatever their input form; bad requests are refused in one line and lose nothing.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../src/core/api/base64';
import type { Responses } from '../../src/core/api/contract';
import { loadMnist, type DigitSet } from '../../src/core/dataset';
import { AppService } from '../../src/core/service/app-service';
import { VERIFY_FIXTURES } from '../helpers/verify-kit';

const REFERENCE_CNN = readFileSync(`${VERIFY_FIXTURES}reference_cnn.tflite`);
const DIGITS = 100;

const service = new AppService({
  version: 'test',
  shell: 'web',
  userDir: mkdtempSync(join(tmpdir(), 'digit-studio-svc-')),
  bundledModelsDir: fileURLToPath(new URL('../../resources/models', import.meta.url)),
});
const open = (fileName: string, bytes: Uint8Array) =>
  service.call('openTfliteForDrawing', { fileName, data: bytesToBase64(bytes) }) as Promise<Responses['openTfliteForDrawing']>;
const predict = (id: string, input: unknown) => service.call('predictTflite', { id, input }) as Promise<Responses['predictTflite']>;

let test: DigitSet;
/** MNIST test digit `index` as the Draw page hands it over: 784 values, pixel / 255. */
const drawing = (index: number): number[] => Array.from(test.pixels.subarray(index * 784, (index + 1) * 784), (v) => v / 255);
const argMax = (values: number[]): number => values.indexOf(Math.max(...values));

/** How many of the first DIGITS test digits the open file reads as their true label, each answer a distribution. */
async function correctReadings(id: string): Promise<number> {
  let correct = 0;
  for (let i = 0; i < DIGITS; i++) {
    const { probabilities } = await predict(id, drawing(i));
    expect(probabilities).toHaveLength(10);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 1);
    if (argMax(probabilities) === test.labels[i]) correct++;
  }
  return correct;
}

beforeAll(async () => {
  test = (await loadMnist()).test;
});

describe('reading drawings with an opened .tflite file', () => {
  it('the verify kit’s CNN (float32 [1,28,28,1], 98.51 % in Keras) reads the first 100 MNIST test digits as their labels', async () => {
    const model = await open('reference_cnn.tflite', REFERENCE_CNN);
    expect(model.fileName).toBe('reference_cnn.tflite');
    expect(model.runtime).toMatch(/^LiteRT\.js \d/);
    expect(model.input).toMatch(/^float32 \[1,28,28,1\], \(pixel − 0\) \/ 255$/);
    expect(await correctReadings(model.id)).toBeGreaterThanOrEqual(97);
  }, 60_000);

  it('the app’s own full-integer export with an int8 RGB input (int8 [1,28,28,3]) reads them too, through its quantization', async () => {
    const exported = (await service.call('exportTflite', { id: 'bundled-digit-mlp', quantize: 'int8-full', labels: 'digits', inputShape: '28x28x3', inputType: 'int8' })) as Responses['exportTflite'];
    const model = await open(exported.model.fileName, base64ToBytes(exported.model.data));
    expect(model.input).toMatch(/^int8 \[1,28,28,3\], R=G=B, pixels − 128 \(scale/);
    expect(await correctReadings(model.id)).toBeGreaterThanOrEqual(95);
  }, 180_000);

  it('opening another file replaces the open one: the old id is refused, the new one reads', async () => {
    const first = await open('a.tflite', REFERENCE_CNN);
    const second = await open('b.tflite', REFERENCE_CNN);
    expect(second.id).not.toBe(first.id);
    await expect(predict(first.id, drawing(0))).rejects.toThrow(/^no \.tflite file with that id is open for drawing/);
    expect(argMax((await predict(second.id, drawing(0))).probabilities)).toBe(test.labels[0]);
  }, 60_000);

  it('answers predictions already asked for before a replacement comes into effect, never a freed model', async () => {
    const { id } = await open('a.tflite', REFERENCE_CNN);
    const asked = [1, 2, 3].map((i) => predict(id, drawing(i)));
    const replaced = open('b.tflite', REFERENCE_CNN);
    const answers = await Promise.all(asked);
    expect(answers.map((a) => argMax(a.probabilities))).toEqual([1, 2, 3].map((i) => test.labels[i]));
    await replaced;
    await expect(predict(id, drawing(4))).rejects.toThrow(/no \.tflite file with that id/);
  }, 60_000);

  it('refuses a file that is not a digit classifier in one line and keeps the open one', async () => {
    const { id } = await open('cnn.tflite', REFERENCE_CNN);
    await expect(open('junk.tflite', new TextEncoder().encode('not a model'))).rejects.toThrow(/not a TFLite file/);
    expect(argMax((await predict(id, drawing(0))).probabilities)).toBe(test.labels[0]);
  }, 60_000);

  it.each([
    ['an id never opened', { id: 'tflite-never-opened', input: new Array(784).fill(0) }, /^no \.tflite file with that id is open for drawing/],
    ['an id that is not one', { id: '../model', input: new Array(784).fill(0) }, /^invalid predictTflite request: id: not a model id$/],
    ['783 values', { input: new Array(783).fill(0) }, /^invalid predictTflite request: input: /],
    ['785 values', { input: new Array(785).fill(0) }, /^invalid predictTflite request: input: /],
    ['a NaN', { input: new Array(784).fill(0).map((v, i) => (i === 400 ? Number.NaN : v)) }, /^invalid predictTflite request: input\.400: /],
    ['a value above 1 (0–255 pixels instead of 0–1)', { input: new Array(784).fill(255) }, /^invalid predictTflite request: input\.0: /],
    ['text', { input: 'x'.repeat(784) }, /^invalid predictTflite request: input: /],
  ])('refuses %s in one line', async (_, request, problem) => {
    const { id } = await open('cnn.tflite', REFERENCE_CNN);
    await expect(service.call('predictTflite', { id, ...request })).rejects.toThrow(problem);
    expect(argMax((await predict(id, drawing(0))).probabilities)).toBe(test.labels[0]);
  }, 60_000);

  it('refuses an open request without data or with a folder-less name spoiled by control characters', async () => {
    await expect(service.call('openTfliteForDrawing', { fileName: 'x.tflite' })).rejects.toThrow(/^invalid openTfliteForDrawing request: data/);
    await expect(service.call('openTfliteForDrawing', { fileName: 'x\n.tflite', data: bytesToBase64(REFERENCE_CNN) })).rejects.toThrow(/file name has control characters/);
  });
});
