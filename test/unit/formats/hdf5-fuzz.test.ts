import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { summarizeLayers, type LayerModel } from '../../../src/core/api/layer-model';
import { layerShapes, mlpSpec } from '../../../src/core/api/model-spec';
import { openModelFromH5File } from '../../../src/core/formats/hdf5/read-h5';
import { kerasVariables } from '../../../src/core/formats/keras-weights';
import { ModelFileError } from '../../../src/core/formats/model-error';
import { writeModelFile } from '../../../src/core/formats/model-file';
import { createPredictor } from '../../../src/core/inference';
import { KERAS_REFERENCE } from '../../fixtures/hdf5/generate';

/**
 * Damaged .h5 files (bit flips in the HDF5 structure, truncations) must give a clean ModelFileError or a model that
 * is complete and runs: never a crash, an uncaught exception or a hang. Sources: a file real Keras 3 wrote
 * (variable-length strings in a global heap) and one Digit Studio wrote (fixed-length strings).
 */
const CASES_PER_SOURCE = 120;
const dir = mkdtempSync(join(tmpdir(), 'digit-studio-h5-fuzz-'));

function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
}

async function ourFile(): Promise<string> {
  const next = random(3);
  const spec = mlpSpec([16]);
  const weights = layerShapes(spec).map(([inputs, units]) => ({ kernel: Float32Array.from({ length: inputs * units }, next), bias: Float32Array.from({ length: units }, next) }));
  const path = join(dir, 'ours.h5');
  await writeModelFile({ spec, weights, compile: { optimizer: 'sgd', learningRate: 0.01, loss: 'categorical_crossentropy' } }, path);
  return path;
}

/** Byte ranges that hold weight values: flipping bits there only changes numbers, so the fuzzer skips them. */
function weightRanges(file: Buffer, model: LayerModel): Array<[number, number]> {
  return model.weights
    .flatMap((w) => [w.kernel, w.bias])
    .map((array) => {
      const start = file.indexOf(Buffer.from(array.buffer, array.byteOffset, array.byteLength));
      expect(start).toBeGreaterThanOrEqual(0);
      return [start, start + array.byteLength];
    });
}

function mutate(good: Buffer, skip: Array<[number, number]>, next: () => number, truncate: boolean): Buffer {
  if (truncate) return good.subarray(0, Math.floor(next() * good.length));
  const bytes = Buffer.from(good);
  for (let flips = 1 + Math.floor(next() * 4); flips > 0; ) {
    const at = Math.floor(next() * bytes.length);
    if (skip.some(([start, end]) => at >= start && at < end)) continue;
    bytes[at] ^= 1 << Math.floor(next() * 8);
    flips--;
  }
  return bytes;
}

describe('Keras HDF5 reader under fuzzing', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`gives a ModelFileError or a runnable model for ${2 * CASES_PER_SOURCE} damaged files, never a crash or a hang`, async () => {
    const outcomes = { model: 0, error: 0 };
    const messages = new Set<string>();
    const path = join(dir, 'case.h5');
    for (const [index, source] of [KERAS_REFERENCE, await ourFile()].entries()) {
      const good = readFileSync(source);
      const skip = weightRanges(good, (await openModelFromH5File(source)).model);
      const next = random(100 + index);
      for (let i = 0; i < CASES_PER_SOURCE; i++) {
        writeFileSync(path, mutate(good, skip, next, i % 4 === 0));
        try {
          const { model } = await openModelFromH5File(path, { timeoutMs: 5000 });
          kerasVariables(summarizeLayers(model.layers), model); // every weight has the size its layer needs
          expect(createPredictor(model)(new Float32Array(784).fill(0.5))).toHaveLength(10);
          outcomes.model++;
        } catch (error) {
          if (!(error instanceof ModelFileError)) throw new Error(`case ${index}-${i}: ${String(error)}`);
          expect(error.message).not.toContain('\n');
          messages.add(error.message.slice(path.length + 2).replace(/\d+/g, 'N'));
          outcomes.error++;
        }
      }
    }
    // Both outcomes occur, and the errors say different, specific things (not one catch-all message).
    expect(outcomes.model).toBeGreaterThan(0);
    expect(outcomes.error).toBeGreaterThan(0);
    expect(messages.size).toBeGreaterThan(5);
  }, 600_000);
});
