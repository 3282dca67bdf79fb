/**
 * Save and load times of the Keras tutorial network (784-128-128-10, seeded Glorot weights, SGD 0.01) in both model
 * file formats, through the same openModelFile / writeModelFile every part of the app uses. Median of a few rounds;
 * the first round (module initialisation, e.g. h5wasm) is reported apart.
 */
import { denseLayers } from '../../src/core/api/layer-model';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mlpSpec, type TrainedModel } from '../../src/core/api/model-spec';
import { KERAS_TUTORIAL } from '../../src/core/api/train-config';
import { openModelFile, writeModelFile } from '../../src/core/formats/model-file';
import { glorotUniform } from '../../src/core/training/engine/init';
import { compileInfo } from '../../src/core/training/fit-loop';
import { median } from './epochs';

const ROUNDS = 5;

async function seconds(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return (performance.now() - started) / 1000;
}

export async function measureModelIo(): Promise<Record<string, unknown>> {
  const spec = mlpSpec(KERAS_TUTORIAL.hiddenUnits, KERAS_TUTORIAL.activation);
  const model: TrainedModel = { spec, weights: glorotUniform(denseLayers(spec), KERAS_TUTORIAL.seed), compile: compileInfo(KERAS_TUTORIAL) };
  const dir = mkdtempSync(join(tmpdir(), 'digit-studio-bench-io-'));
  try {
    const formats = [];
    for (const [format, file] of [['h5', 'model.h5'], ['tfjs', 'model.json']] as const) {
      // Each format in its own folder: a model.json's weights go to a file beside it, counted in bytes.
      const folder = join(dir, format);
      mkdirSync(folder);
      const path = join(folder, file);
      const save: number[] = [];
      const load: number[] = [];
      for (let round = 0; round <= ROUNDS; round++) {
        save.push(await seconds(() => writeModelFile(model, path)));
        load.push(await seconds(() => openModelFile(path)));
      }
      formats.push({
        format,
        bytes: readdirSync(folder).reduce((sum, name) => sum + statSync(join(folder, name)).size, 0),
        save_seconds: Number(median(save.slice(1)).toFixed(4)),
        load_seconds: Number(median(load.slice(1)).toFixed(4)),
        first_save_seconds: Number(save[0].toFixed(4)),
        first_load_seconds: Number(load[0].toFixed(4)),
      });
    }
    return { model: 'keras-tutorial 784-128-128-10', metric: `median of ${ROUNDS} rounds after a first one (atomic write incl. fsync; read + parse)`, formats };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
