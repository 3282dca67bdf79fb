/**
 * 300 mutated model.json, .h5, .tflite, IDX and PNG inputs (60 of each) through the CLI commands and the import
 * API, every 10th also as a real digit-studio process: each ends in a valid result or one of the app's one-line
 * errors; none crashes, hangs past 30 s, grows the process past 1 GB, prints terminal escapes or a stack trace,
 * or reads the secret file beside its folder. `npm run fuzz` runs the same with 5,000 cases.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelFileError } from '../../src/core/formats/model-error';
import { openModelFile } from '../../src/core/formats/model-file';
import { decodePng, ImageDecodeError } from '../../src/core/preprocess/png';
import { runFuzz } from '../fuzz/fuzz';
import { fixPngCrcs } from '../fuzz/mutate';
import { FORMATS } from '../fuzz/run-case';

describe('fuzzed inputs', () => {
  it('300 mutated files end in a valid result or a clean one-line error', async () => {
    const summary = await runFuzz({ cases: 300, seed: 1, spawnEvery: 10 });
    expect(summary.findings).toEqual([]);
    // Both outcomes occur for every format: the mutations reach past the first check.
    for (const format of FORMATS) {
      expect(summary.byFormat[format].accepted, format).toBeGreaterThan(0);
      expect(summary.byFormat[format].refused, format).toBeGreaterThan(0);
    }
  }, 300_000);

  // Found by `npm run fuzz`: pngjs allocates per row, so a PNG 0 pixels wide and 51 million rows high passed the
  // pixel limit and exhausted the memory.
  it.each([
    [0, 51_380_280, /the image is 0x51380280: it has no pixels/],
    [1, 20_000_000, /image too large \(1x20000000, limit 40000000 pixels and 16384 on a side\)/],
  ])('refuses a %ix%i PNG before decoding it', (width, height, problem) => {
    const png = Buffer.from('89504e470d0a1a0a0000000d494844520000000000000000080600000000000000', 'hex');
    png.writeUInt32BE(width, 16);
    png.writeUInt32BE(height, 20);
    expect(() => decodePng(fixPngCrcs(png), 'tall.png')).toThrow(ImageDecodeError);
    expect(() => decodePng(fixPngCrcs(png), 'tall.png')).toThrow(problem);
  });

  // Found by `npm run fuzz -- --seed 2` and by hand: model configs the layer reader walked into a TypeError or a
  // stack overflow, reported in internal wording.
  it.each([
    ['a null layer', '"layers":[', '"layers":[null,', /entry 1 of the model config's layers is not a layer \(null\)/],
    ['inbound_nodes nested 200,000 deep', '"class_name":"Dense"', `"inbound_nodes":${'['.repeat(200_000)}${']'.repeat(200_000)},"class_name":"Dense"`, /inbound_nodes nest more than 32 levels deep/],
  ])('a model.json with %s is refused in plain words', async (_, text, replacement, problem) => {
    const dir = mkdtempSync(join(tmpdir(), 'digit-studio-fuzz-found-'));
    const bundled = new URL('../../resources/models/', import.meta.url);
    writeFileSync(join(dir, 'model.json'), readFileSync(new URL('digit-mlp.json', bundled), 'utf8').replace(text, replacement));
    writeFileSync(join(dir, 'digit-mlp.weights.bin'), readFileSync(new URL('digit-mlp.weights.bin', bundled)));
    const error = await openModelFile(join(dir, 'model.json')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelFileError);
    expect((error as Error).message).toMatch(problem);
  });
});
