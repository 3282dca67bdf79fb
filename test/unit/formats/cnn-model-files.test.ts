import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cnnLayers, KERAS_CNN } from '../../../src/core/api/architecture';
import { denseStackOf, layerModelOf, type LayerModel } from '../../../src/core/api/layer-model';
import { mlpSpec, type CompileInfo } from '../../../src/core/api/model-spec';
import { ModelFileError } from '../../../src/core/formats/model-error';
import { openModelFile, writeModelFile } from '../../../src/core/formats/model-file';
import { randomLayerModel } from '../../helpers/layer-models';
import { syntheticCnn } from '../../helpers/synthetic-cnn';
import { VERIFY_FIXTURES } from '../../helpers/verify-kit';

/**
 * CNNs through both writers (.h5 and TF.js model.json) and back through the app's readers: the same layers, the
 * same weights bit for bit and the same compile settings; a model the writers cannot write is refused in one line that names the file, leaving the previous file as it was.
 */
const dir = mkdtempSync(join(tmpdir(), 'digit-studio-cnn-files-'));
const ADAM: CompileInfo = { optimizer: 'adam', learningRate: 0.001, loss: 'categorical_crossentropy' };
const MOMENTUM: CompileInfo = { optimizer: 'momentum', learningRate: 0.02, momentum: 0.8, loss: 'categorical_crossentropy' };
const FORMATS = [
  ['h5', 'cannot build the Keras HDF5 file'],
  ['json', 'cannot build the TF.js model'],
] as const;

const convnet = (): LayerModel => randomLayerModel(cnnLayers(KERAS_CNN), 7, ADAM);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(FORMATS)('CNNs as .%s', (extension, cannotBuild) => {
  it.each<[string, () => LayerModel | Promise<LayerModel>]>([
    ["keras.io's mnist_convnet", convnet],
    ['a CNN with every layer type', () => ({ ...syntheticCnn(), compile: MOMENTUM })],
    ['the Keras 3 fixture with a 28x28 input', () => openModelFile(`${VERIFY_FIXTURES}keras_reference_cnn_input28x28.h5`)],
  ])('%s: save → open gives the same layers, bit-identical weights and the compile settings', async (name, build) => {
    const model = await build();
    const path = join(dir, `${name.replace(/\W+/g, '-')}.${extension}`);
    await writeModelFile(model, path);
    expect(await openModelFile(path)).toEqual(model);
  });

  it('a Dense stack written as a layer list reads back as the same Dense stack', async () => {
    const mlp = randomLayerModel(layerModelOf({ spec: mlpSpec([16]), weights: [] }).layers, 9, ADAM);
    const path = join(dir, `mlp.${extension}`);
    await writeModelFile(mlp, path);
    const model = await openModelFile(path);
    expect(model).toEqual(mlp);
    expect(denseStackOf(model.layers)).toEqual(mlpSpec([16]));
  });

  it.each<[string, (model: LayerModel) => void, string]>([
    ['a kernel of the wrong size', (m) => (m.weights[1].kernel = m.weights[1].kernel.subarray(1)), 'layer conv2d_1: expected kernel 3x3x32x64 and bias 64, got 18431 and 64 values'],
    ['a missing weight set', (m) => m.weights.pop(), 'the model has 3 layers with weights (conv2d, conv2d_1, dense) but 2 weight sets'],
    ['a layer name with a slash', (m) => (m.layers[1].name = 'conv/2d'), `layer name "conv/2d" cannot be written: a Keras layer name is letters, digits, '_', '.' and '-', starting with a letter or digit`],
    ['a layer name with an escape sequence', (m) => (m.layers[1].name = '\u001b[2Jconv'), `layer name "\\u001b[2Jconv" cannot be written: a Keras layer name is letters, digits, '_', '.' and '-', starting with a letter or digit`],
    ['two layers of the same name', (m) => (m.layers[3].name = 'conv2d'), 'two layers are named "conv2d"; Keras needs a different name for each'],
    ['no softmax output', (m) => m.layers.splice(-1, 1, { type: 'Dense', name: 'dense', units: 10, activation: 'relu' }), 'the model must end in 10 softmax outputs for digits; it ends in [10] relu'],
  ])('%s is refused in one line, naming the file; the previous file stays as it was', async (_, damage, problem) => {
    const path = join(dir, `keep.${extension}`);
    await writeModelFile(convnet(), path);
    const before = readFileSync(path);
    const model = convnet();
    damage(model);
    const error = await writeModelFile(model, path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelFileError);
    expect((error as Error).message).toBe(`${path}: ${cannotBuild}: ${problem}`);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a CNN model.json the reader refuses in one line naming the file and the layer', () => {
  interface Json {
    modelTopology: { model_config: { config: { layers: Array<{ config: Record<string, unknown> }> } } };
    weightsManifest: Array<{ weights: Array<{ shape: number[] }> }>;
  }

  it.each<[string, (json: Json) => void, string]>([
    ['a Conv2D without kernel_size', (json) => delete json.modelTopology.model_config.config.layers[1].config.kernel_size, 'layer conv2d is a Conv2D with no kernel_size'],
    ['a Conv2D with 0 filters', (json) => (json.modelTopology.model_config.config.layers[1].config.filters = 0), 'layer conv2d is a Conv2D with an invalid filters: 0'],
    ['a Dropout rate of 2', (json) => (json.modelTopology.model_config.config.layers[6].config.rate = 2), 'layer dropout is a Dropout with an invalid rate: 2'],
    [
      'a kernel stored in another shape of the same size',
      (json) => (json.weightsManifest[0].weights[0].shape = [3, 3, 32, 1]),
      'weights do not match the architecture: weight 1 (conv2d/kernel) has shape [3, 3, 32, 1]; layer conv2d needs [3, 3, 1, 32]',
    ],
  ])('%s', async (_, damage, problem) => {
    const path = join(dir, 'damaged.json');
    await writeModelFile(convnet(), path);
    const json = JSON.parse(readFileSync(path, 'utf8')) as Json;
    damage(json);
    writeFileSync(path, JSON.stringify(json));
    const error = await openModelFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelFileError);
    expect((error as Error).message).toBe(`${path}: ${problem}`);
  });
});
