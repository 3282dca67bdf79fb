/**
 * MNIST .tflite files made by the TensorFlow converters in other people's projects (test/fixtures/converter-tflite:
 * TOCO and MLIR, float32 and full-integer uint8, static and dynamic batch, a CNN giving logits, an unquantized uint8
 * input): `evaluate` must score what was measured for each without the app (that folder's README), and the Draw
 * page's reader must read a test digit with each.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../src/core/api/base64';
import type { Responses } from '../../src/core/api/contract';
import { loadMnist, type DigitSet } from '../../src/core/dataset';
import { evaluateTflite } from '../../src/core/formats/tflite/evaluate-tflite';
import { AppService } from '../../src/core/service/app-service';
import { MNIST_DIR } from '../helpers/mnist-files';

const FIXTURES = new URL('../fixtures/converter-tflite/', import.meta.url);
const bytesOf = (name: string): Buffer => readFileSync(new URL(`${name}.tflite`, FIXTURES));

/** [file, accuracy (%) measured without the app, the input form evaluate must report]. */
const FILES: Array<[string, number, string]> = [
  ['chaquopy_cnn_float', 98.23, 'float32 [1,28,28], (pixel − 0) / 255'],
  ['laazy_mnist', 97.67, 'float32 [1,28,28], (pixel − 0) / 255'],
  ['gay00ung_mnistscan', 97.68, 'float32 [1,28,28], (pixel − 0) / 255'],
  ['meingast_uint8', 98.82, 'uint8 [1,28,28,1], raw pixels 0–255'],
  ['tfliters_mnistnet_uint8', 98.46, 'uint8 [1,28,28,1], raw pixels 0–255'],
  ['tfliters_mnistnet_v2_uint8', 98.75, 'uint8 [1,28,28,1], raw pixels 0–255'],
  ['alankrantas_autokeras', 98.97, 'uint8 [1,28,28], raw pixels 0–255'],
];

const service = new AppService({
  version: 'test',
  shell: 'web',
  userDir: mkdtempSync(join(tmpdir(), 'digit-studio-converter-files-')),
  bundledModelsDir: fileURLToPath(new URL('../../resources/models', import.meta.url)),
});

let test: DigitSet;
beforeAll(async () => {
  test = (await loadMnist(MNIST_DIR)).test;
});

describe('converter-made MNIST .tflite files', () => {
  it.each(FILES)('%s: evaluate scores the %s % measured without the app', async (name, accuracy, input) => {
    const result = await evaluateTflite(bytesOf(name), test);
    // The same runtime family on the same pixels: at most one image of 10,000 apart (Python and JS LiteRT builds).
    expect(Math.abs(result.accuracy * 100 - accuracy)).toBeLessThanOrEqual(0.01 + 1e-9);
    expect(result.input).toBe(input);
  }, 120_000);

  it.each(FILES)('%s: read on the Draw page, the first 20 test digits come out as their labels (at most one miss)', async (name) => {
    const opened = (await service.call('openTfliteForDrawing', { fileName: `${name}.tflite`, data: bytesToBase64(bytesOf(name)) })) as Responses['openTfliteForDrawing'];
    let right = 0;
    for (let i = 0; i < 20; i++) {
      const input = Array.from(test.pixels.subarray(i * 784, (i + 1) * 784), (p) => p / 255);
      const { probabilities } = (await service.call('predictTflite', { id: opened.id, input })) as Responses['predictTflite'];
      // A uint8 output holds probabilities in steps of 1/256: they add up to 1 within a few steps.
      expect(Math.abs(probabilities.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(0.02);
      if (probabilities.indexOf(Math.max(...probabilities)) === test.labels[i]) right++;
    }
    expect(right).toBeGreaterThanOrEqual(19);
  }, 60_000);
});
