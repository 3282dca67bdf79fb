import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cnnLayers, KERAS_CNN } from '../../../src/core/api/architecture';
import { summarizeLayers, type LayerModel } from '../../../src/core/api/layer-model';
import { openModelFile, writeModelFile } from '../../../src/core/formats/model-file';
import { createPredictor } from '../../../src/core/inference';
import { randomLayerModel } from '../../helpers/layer-models';
import { rawMnistImage } from '../../helpers/mnist-files';
import { saveWithTfjs } from '../../helpers/tfjs-save';
import { syntheticCnn } from '../../helpers/synthetic-cnn';
import { VERIFY_FIXTURES } from '../../helpers/verify-kit';

/**
 * CNN model.json files judged by real tfjs-layers 4.22 (cpu backend), not by the app's reader: tf.loadLayersModel
 * loads what the writer wrote (through an IOHandler that reads the files from disk, as tfjs-node's file:// handler
 * does) as the same layers and predicts what the app's forward pass predicts; what tfjs saves of it, the app reads
 * back as the same model; and the configs have the keys tfjs-layers itself writes (the kit's tfjs artifacts).
 */
interface ModelJson {
  modelTopology: { model_config: { config: { layers: Array<{ class_name: string; config: Record<string, unknown> }> } } };
  weightsManifest: Array<{ paths: string[]; weights: tf.io.WeightsManifestEntry[] }>;
}

const dir = mkdtempSync(join(tmpdir(), 'digit-studio-cnn-tfjs-'));
const IMAGES = 50;

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

/** The first MNIST test images, pixels/255, flat. */
function images(count: number): Float32Array {
  const pixels = new Float32Array(count * 784);
  for (let s = 0; s < count; s++) pixels.set(Float32Array.from(rawMnistImage('t10k', s), (v) => v / 255), s * 784);
  return pixels;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each<[string, () => LayerModel | Promise<LayerModel>]>([
  ["keras.io's mnist_convnet", () => randomLayerModel(cnnLayers(KERAS_CNN), 11)],
  ['a CNN with every layer type', syntheticCnn],
  ['the Keras 3 fixture (28x28x1 input)', () => openModelFile(`${VERIFY_FIXTURES}keras_reference_cnn.h5`)],
  ['the Keras 3 fixture (784 input + Reshape)', () => openModelFile(`${VERIFY_FIXTURES}keras_reference_cnn_flat_input.h5`)],
])('%s as a TF.js model.json', (name, build) => {
  let model: LayerModel;
  let path: string;
  let loaded: tf.LayersModel;
  beforeAll(async () => {
    model = await build();
    path = join(dir, `${name.replace(/\W+/g, '-')}.json`);
    await writeModelFile(model, path);
    loaded = await tf.loadLayersModel(fileHandler(path));
  });

  it("tfjs loads it as the same layers, with Keras' output shapes and parameter counts", () => {
    const rows = summarizeLayers(model.layers);
    expect(loaded.inputs[0].shape).toEqual([null, ...rows[0].outputShape]);
    // tfjs lists the InputLayer too; its getClassName() is Keras' class name.
    expect(loaded.layers.map((l) => [l.name, l.getClassName(), l.outputShape, l.countParams()])).toEqual(
      rows.map((row) => [row.layer.name, row.layer.type, [null, ...row.outputShape], row.params]),
    );
  });

  it(`tfjs predicts what the app predicts on ${IMAGES} MNIST test images, within 1e-4`, () => {
    const pixels = images(IMAGES);
    const theirs = tf.tidy(() => (loaded.predict(tf.tensor(pixels, [IMAGES, ...(loaded.inputs[0].shape.slice(1) as number[])])) as tf.Tensor).dataSync());
    const predict = createPredictor(model);
    let worst = 0;
    for (let s = 0; s < IMAGES; s++) predict(pixels.subarray(s * 784, (s + 1) * 784)).forEach((p, d) => (worst = Math.max(worst, Math.abs(p - theirs[s * 10 + d]))));
    console.log(`${name}: max |p_tfjs - p_app| ${worst} on ${IMAGES} images`);
    expect(worst).toBeLessThanOrEqual(1e-4);
  });

  it('what tfjs saves of it (its own serializer) opens as the same layers and weights', async () => {
    const saved = await saveWithTfjs(loaded, dir);
    const { layers, weights } = model;
    expect(await openModelFile(saved)).toEqual({ layers, weights });
  });
});

describe('the configs a model.json holds', () => {
  it("have the keys tfjs-layers 4.22 writes for a Dense layer (the kit's tfjs artifacts, first layer); weights are named <layer>/<variable>", async () => {
    const fixture = JSON.parse(readFileSync(`${VERIFY_FIXTURES}tfjs/modelTopology.json`, 'utf8'));
    // tfjs writes the input shape on the first layer; the writer puts it on an InputLayer, as tf.keras 2.x does.
    const theirs = Object.keys(fixture.config.layers[0].config)
      .filter((key) => key !== 'batch_input_shape')
      .sort();
    const path = join(dir, 'convnet.json');
    await writeModelFile(randomLayerModel(cnnLayers(KERAS_CNN), 1), path);
    const json = JSON.parse(readFileSync(path, 'utf8')) as ModelJson;
    const dense = json.modelTopology.model_config.config.layers.find((l) => l.class_name === 'Dense');
    expect(Object.keys(dense!.config).sort()).toEqual(theirs);
    expect(json.weightsManifest[0].weights.map((w) => w.name)).toEqual(['conv2d/kernel', 'conv2d/bias', 'conv2d_1/kernel', 'conv2d_1/bias', 'dense/kernel', 'dense/bias']);
  });
});
