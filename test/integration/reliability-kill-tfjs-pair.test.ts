/**
 * A TF.js save (model.json + its weights file) that overwrites an existing pair and is killed at any point
 * (SIGKILL: no cleanup code runs) leaves either the old pair or the new one, complete and matching, never new
 * weights under an old model.json or the reverse. The child process overwrites the pair and is stopped for good
 * right after one of the save's two renames: the new weights file's, then model.json's (the commit point).
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { killAfterRename } from '../helpers/kill-after-rename';
import type { LayerModel } from '../../src/core/api/layer-model';
import { openModelFile, writeModelFile } from '../../src/core/formats/model-file';
import { createPredictor } from '../../src/core/inference';
import { rawMnistImage } from '../helpers/mnist-files';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BUNDLED_JSON = join(root, 'resources/models/digit-mlp.json');
const MODEL_FILE_MODULE = join(root, 'src/core/formats/model-file.ts');

/** The new model the child saves: the bundled one with its output layer's biases shifted, so its predictions differ. */
const SHIFT_BIASES = `(model) => ({ ...model, weights: model.weights.map((w, i) => i === model.weights.length - 1 ? { ...w, bias: w.bias.map((b, j) => b + j * 0.5) } : w) })`;
const shiftBiases = new Function(`return ${SHIFT_BIASES}`)() as (model: LayerModel) => LayerModel;

/** The model's outputs for a few MNIST test images, as bytes: equal bytes are identical predictions. */
function predictions(model: LayerModel): Buffer {
  const predict = createPredictor(model);
  const outputs = [0, 1, 2, 90, 1234].map((i) => Float32Array.from(predict(Float32Array.from(rawMnistImage('t10k', i), (v) => v / 255))));
  return Buffer.concat(outputs.map((o) => Buffer.from(o.buffer)));
}

const weightsFiles = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.weights.bin')).sort();

/** Overwrites `target` with the shifted model in a child process that is killed right after renaming onto `pauseAt`. */
function saveKilledAfterRename(target: string, pauseAt: string): Promise<void> {
  return killAfterRename(
    `const { openModelFile, writeModelFile } = await import(${JSON.stringify(MODEL_FILE_MODULE)});
     const model = (${SHIFT_BIASES})(await openModelFile(${JSON.stringify(BUNDLED_JSON)}));
     await writeModelFile(model, ${JSON.stringify(target)});`,
    pauseAt,
    root,
  );
}

describe('a TF.js pair overwritten under SIGKILL', () => {
  it.each([
    ['after the new weights file, before model.json', '^model\\.[0-9a-f]{8}\\.weights\\.bin$', false],
    ['after model.json, before the old weights file is removed', '^model\\.json$', true],
  ])('killed %s: model.json loads the old pair or the new one, complete', async (_when, pauseAt, isNew) => {
    const dir = mkdtempSync(join(tmpdir(), 'digit-studio-kill-pair-'));
    const target = join(dir, 'model.json');
    const bundled = await openModelFile(BUNDLED_JSON);
    await writeModelFile(bundled, target);
    expect(weightsFiles(dir)).toEqual(['model.weights.bin']);
    const oldJson = readFileSync(target);
    const oldWeights = readFileSync(join(dir, 'model.weights.bin'));
    const oldPredictions = predictions(await openModelFile(target));
    const newPredictions = predictions(shiftBiases(bundled));
    expect(newPredictions.equals(oldPredictions)).toBe(false);

    await saveKilledAfterRename(target, pauseAt);

    const after = predictions(await openModelFile(target));
    expect(after.equals(isNew ? newPredictions : oldPredictions)).toBe(true);
    if (!isNew) {
      // The old pair is untouched byte for byte; the new weights file lies beside it, named by nothing.
      expect(readFileSync(target).equals(oldJson)).toBe(true);
      expect(readFileSync(join(dir, 'model.weights.bin')).equals(oldWeights)).toBe(true);
    }
    expect(weightsFiles(dir)).toHaveLength(2);

    // A later save completes normally: the pair it leaves loads, and the weights file the killed pair used is gone.
    await writeModelFile(bundled, target);
    expect(predictions(await openModelFile(target)).equals(oldPredictions)).toBe(true);
    const named = (JSON.parse(readFileSync(target, 'utf8')) as { weightsManifest: Array<{ paths: string[] }> }).weightsManifest[0].paths;
    expect(named).toHaveLength(1);
    expect(weightsFiles(dir)).toContain(named[0].replace(/^\.\//, ''));
  });

  it('a normal overwrite leaves exactly one weights file, the one model.json names, and deletes nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'digit-studio-pair-'));
    const target = join(dir, 'model.json');
    const bundled = await openModelFile(BUNDLED_JSON);
    const shifted = shiftBiases(bundled);
    // Files that are not this pair's: another model's weights, a converter-style shard, a look-alike name.
    const others = { 'other.weights.bin': 'a', 'group1-shard1of1.bin': 'b', 'model.XYZ.weights.bin': 'c', 'model.0123456789.weights.bin': 'd' };
    for (const [name, text] of Object.entries(others)) writeFileSync(join(dir, name), text);
    const ours = (): string[] => weightsFiles(dir).filter((name) => !(name in others));

    for (const [round, model] of [bundled, shifted, bundled, shifted].entries()) {
      await writeModelFile(model, target);
      const named = (JSON.parse(readFileSync(target, 'utf8')) as { weightsManifest: Array<{ paths: string[] }> }).weightsManifest[0].paths;
      expect(named).toHaveLength(1);
      expect(ours()).toEqual([named[0].replace(/^\.\//, '')]);
      expect(ours()[0]).toMatch(round === 0 ? /^model\.weights\.bin$/ : /^model\.([0-9a-f]{8}\.)?weights\.bin$/);
      expect(predictions(await openModelFile(target)).equals(predictions(model))).toBe(true);
    }
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    for (const [name, text] of Object.entries(others)) expect(readFileSync(join(dir, name), 'utf8')).toBe(text);
  });

  it('an old model.json that names a file this writer did not name keeps that file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'digit-studio-pair-'));
    const target = join(dir, 'model.json');
    const json = JSON.parse(readFileSync(BUNDLED_JSON, 'utf8')) as { weightsManifest: Array<{ paths: string[] }> };
    json.weightsManifest[0].paths = ['./group1-shard1of1.bin'];
    writeFileSync(target, JSON.stringify(json));
    writeFileSync(join(dir, 'group1-shard1of1.bin'), readFileSync(join(root, 'resources/models/digit-mlp.weights.bin')));
    await openModelFile(target);

    await writeModelFile(shiftBiases(await openModelFile(BUNDLED_JSON)), target);
    expect(readdirSync(dir).sort()).toEqual(['group1-shard1of1.bin', 'model.json', 'model.weights.bin']);
  });
});
