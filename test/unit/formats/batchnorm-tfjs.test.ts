import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeLayers, type LayerModel } from '../../../src/core/api/layer-model';
import { openModelFile, writeModelFile } from '../../../src/core/formats/model-file';
import { appProbs, BATCHNORM_FIXTURES, fixturePath, KERAS_SAMPLES, largestDifference, unfoldableModel } from '../../helpers/batchnorm-models';
import { rawMnistImage } from '../../helpers/mnist-files';
import { saveWithTfjs } from '../../helpers/tfjs-save';

/**
 * BatchNormalization in TF.js model.json files, judged by real tfjs-layers 4.22 (cpu backend): what the writer
 * writes, tf.loadLayersModel loads as the same layers (Keras' parameter counts) and predicts what the app predicts;
 * what tfjs saves of it (its own serializer: axis -1, weights <layer>/gamma, .../moving_variance) the app reads back
 * as the same model.
 */
const dir = mkdtempSync(join(tmpdir(), 'digit-studio-bn-tfjs-'));

/** tf.io.IOHandler reading model.json and the weights file it names from disk. */
function fileHandler(path: string): tf.io.IOHandler {
  return {
    load: async () => {
      const json = JSON.parse(readFileSync(path, 'utf8'));
      const [group] = json.weightsManifest;
      const bytes = readFileSync(join(dirname(path), group.paths[0]));
      return { modelTopology: json.modelTopology, weightSpecs: group.weights, weightData: new Uint8Array(bytes).buffer };
    },
  };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each<[string, () => Promise<LayerModel> | LayerModel]>([
  ...BATCHNORM_FIXTURES.map((name): [string, () => Promise<LayerModel>] => [`Keras' ${name}.h5`, () => openModelFile(fixturePath(name))]),
  ['a CNN with BatchNormalization after relu, after pooling and after a Dense layer', unfoldableModel],
])('%s as a TF.js model.json', (name, build) => {
  let model: LayerModel;
  let loaded: tf.LayersModel;
  beforeAll(async () => {
    model = await build();
    const path = join(dir, `${name.replace(/\W+/g, '-')}.json`);
    await writeModelFile(model, path);
    loaded = await tf.loadLayersModel(fileHandler(path));
  });

  it("tfjs loads it as the same layers, with Keras' output shapes and parameter counts", () => {
    const rows = summarizeLayers(model.layers);
    expect(loaded.layers.map((l) => [l.name, l.getClassName(), l.outputShape, l.countParams()])).toEqual(rows.map((row) => [row.layer.name, row.layer.type, [null, ...row.outputShape], row.params]));
  });

  it(`tfjs predicts what the app predicts on ${KERAS_SAMPLES} MNIST test images, within 1e-5`, () => {
    const pixels = new Float32Array(KERAS_SAMPLES * 784);
    for (let s = 0; s < KERAS_SAMPLES; s++) pixels.set(Float32Array.from(rawMnistImage('t10k', s), (v) => v / 255), s * 784);
    const theirs = tf.tidy(() => (loaded.predict(tf.tensor(pixels, [KERAS_SAMPLES, ...(loaded.inputs[0].shape.slice(1) as number[])])) as tf.Tensor).dataSync());
    const difference = largestDifference(appProbs(model), theirs);
    console.log(`${name}: max |p_tfjs - p_app| ${difference}`);
    expect(difference).toBeLessThanOrEqual(1e-5);
  });

  it('what tfjs saves of it opens as the same layers and weights', async () => {
    const saved = await saveWithTfjs(loaded, dir);
    const { layers, weights, batchNorm } = model;
    expect(await openModelFile(saved)).toEqual({ layers, weights, batchNorm });
  });
});
