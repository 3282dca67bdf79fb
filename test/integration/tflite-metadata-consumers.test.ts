/**
 * The bundled models exported for phone apps, judged by ../shared/verify/metadata/check-tflite-metadata: it decodes
 * the TFLite Model Metadata with flatc and the official schemas, reads the labels zip with two parsers, and runs the
 * file in two real consumers in Chromium, MediaPipe Tasks' ImageClassifier and the TFLite Task Library's (the C++
 * behind Android's), which must read the category names "0".."9" from the embedded labels and classify MNIST digits
 * as the source model does. The app's own LiteRT check (verify.ts) runs on every file too, fed as a phone app feeds
 * it (R=G=B, uint8 0–255 or float32 pixels/255, dark on light for an inverting file). .ci/run installs the judge
 * with ../shared/verify/metadata/setup.sh.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputType, Quantization } from '../../src/core/api/export-options';
import type { LayerModel } from '../../src/core/api/layer-model';
import { loadMnist, type DigitSet } from '../../src/core/dataset';
import { openModelFile } from '../../src/core/formats/model-file';
import { tfliteBytes } from '../../src/core/formats/tflite/export';
import { verificationProblem, verifyTflite } from '../../src/core/formats/tflite/verify';
import { argMax, createPredictor } from '../../src/core/inference';
import { MNIST_DIR } from '../helpers/mnist-files';
import { checkTflite, VERIFY_DIR } from '../helpers/verify-kit';

const CHECKER = `${VERIFY_DIR}metadata/check-tflite-metadata`;
const MODELS = fileURLToPath(new URL('../../resources/models/', import.meta.url));
const LIMIT = 1000;
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const dir = mkdtempSync(join(tmpdir(), 'digit-studio-tflite-metadata-'));

interface Consumer {
  created: boolean;
  accuracy: number;
  error: string | null;
  category_names?: Record<string, string>;
}
interface Verdict {
  code: number | null;
  output: string;
  report: { ok: boolean; errors: Array<{ msg: string }>; labels: string[]; metadata: Record<string, unknown>; mediapipe?: Consumer; tasklib?: Consumer; zip: { entries: Array<{ name: string; method: number; ok: boolean }> } };
}

function checkMetadata(file: string, ...flags: string[]): Verdict {
  const result = spawnSync(CHECKER, [file, '--mnist', MNIST_DIR, '--limit', String(LIMIT), '--expect-labels', 'digits', '--quiet', ...flags], { encoding: 'utf8', timeout: 5 * 60_000, maxBuffer: 64 * 1024 * 1024 });
  const marker = 'CHECK_TFLITE_METADATA_JSON ';
  const line = result.stdout.split('\n').find((l) => l.startsWith(marker));
  expect(line, result.stdout + result.stderr).toBeDefined();
  return { code: result.status, output: result.stdout + result.stderr, report: JSON.parse(line!.slice(marker.length)) as Verdict['report'] };
}

/** Percent of the first `count` test digits the source model (the app's forward pass) gets right. */
function sourceAccuracy(model: LayerModel, set: DigitSet, count: number): number {
  const predict = createPredictor(model);
  const pixels = new Float32Array(784);
  let correct = 0;
  for (let s = 0; s < count; s++) {
    for (let p = 0; p < 784; p++) pixels[p] = set.pixels[s * 784 + p] / 255;
    if (argMax(predict(pixels)) === set.labels[s]) correct++;
  }
  return (100 * correct) / count;
}

let test: DigitSet;
const models: Record<'mlp' | 'cnn', LayerModel> = {} as Record<'mlp' | 'cnn', LayerModel>;
beforeAll(async () => {
  test = (await loadMnist()).test;
  models.mlp = await openModelFile(`${MODELS}digit-mlp.json`);
  models.cnn = await openModelFile(`${MODELS}digit-cnn.json`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Each family with each input type, the MLP inverted, one float16 and one int8 file, each in MediaPipe and in the Task
 * Library build the judge runs (tfjs-tflite 0.0.1-alpha.10, 2022, the C++ of that time's Android Task Library). That
 * build predates FULLY_CONNECTED v12, so int8 files must keep Dense kernels per-tensor (hybrid v9) for it to run them.
 */
const VARIANTS: Array<{ family: 'mlp' | 'cnn'; inputType: InputType; quantize: Quantization; invert: boolean }> = [
  { family: 'cnn', inputType: 'float32', quantize: 'none', invert: false },
  { family: 'mlp', inputType: 'uint8', quantize: 'float16', invert: true },
  { family: 'cnn', inputType: 'uint8', quantize: 'int8', invert: false },
];

describe.each(VARIANTS)('$family [1,28,28,3] $inputType, $quantize weights, inverted: $invert', ({ family, inputType, quantize, invert }) => {
  const file = (): string => join(dir, `${family}-${inputType}-${quantize}${invert ? '-inverted' : ''}.tflite`);

  it("the app's LiteRT check accepts it on the 10,000 test digits, fed as a phone app feeds it", async () => {
    const bytes = tfliteBytes(models[family], { quantize, inputShape: '28x28x3', inputType, invert, labels: 'digits' });
    writeFileSync(file(), bytes);
    const verification = await verifyTflite(bytes, models[family], test, { invert });
    expect(verificationProblem(quantize, verification)).toBeNull();
  });

  it(`MediaPipe and the Task Library read the labels from the file and classify the first ${LIMIT} digits as the source model does`, () => {
    const { code, output, report } = checkMetadata(file(), ...(invert ? ['--invert'] : []));
    expect(code, output).toBe(0);
    const source = sourceAccuracy(models[family], test, LIMIT);
    for (const consumer of [report.mediapipe!, report.tasklib!]) expect(Math.abs(consumer.accuracy - source), output).toBeLessThanOrEqual(quantize === 'int8' ? 0.5 : 0.1);
    expect(Object.values(report.mediapipe!.category_names!)).toEqual(DIGITS);
    expect(report.labels).toEqual(DIGITS);
  });
});

describe('the flat [1,784] file', () => {
  it('still runs in LiteRT (check-tflite) and carries the same metadata and labels, though the image classifiers refuse its input', () => {
    const file = join(dir, 'mlp-784.tflite');
    writeFileSync(file, tfliteBytes(models.mlp, { quantize: 'none', inputShape: '784', labels: 'digits' }));
    const litert = checkTflite(file, '--expect-accuracy', '98');
    expect(litert.code, litert.stdout + litert.stderr).toBe(0);
    const { code, output, report } = checkMetadata(file, '--no-tasklib');
    expect(code, output).toBe(2); // structure: input not [1,H,W,3]
    expect(report.errors.map((e) => e.msg).join('\n')).toMatch(/input/i);
    expect(report.metadata).toMatchObject({ author: 'Digit Studio', min_parser_version: '1.0.0' });
    expect(report.zip.entries).toEqual([expect.objectContaining({ name: 'labels.txt', method: 0, ok: true })]);
    expect(report.labels).toEqual(DIGITS);
  });
});
