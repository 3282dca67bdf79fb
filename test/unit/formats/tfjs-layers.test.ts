import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnist } from '../../../src/core/dataset';
import { ModelFileError } from '../../../src/core/formats/model-error';
import { openModelFile, writeModelFile } from '../../../src/core/formats/model-file';
import { createPredictor, evaluateModel } from '../../../src/core/inference';
import { denseStackOf, type LayerModel } from '../../../src/core/api/layer-model';
import { rawMnistImage } from '../../helpers/mnist-files';

/** Artifacts saved by real tfjs-layers 4.22.0 (shared verify kit): 89.25 % on the MNIST test set. */
const FIXTURE = new URL('../../../../shared/verify/fixtures/tfjs/', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'digit-studio-tfjs-'));

function writeFixtureModelJson(topology: unknown = JSON.parse(readFileSync(new URL('modelTopology.json', FIXTURE), 'utf8'))): string {
  const path = join(dir, 'fixture.json');
  copyFileSync(new URL('weights.bin', FIXTURE), join(dir, 'fixture.bin'));
  const weights = JSON.parse(readFileSync(new URL('weightSpecs.json', FIXTURE), 'utf8'));
  writeFileSync(path, JSON.stringify({ format: 'layers-model', modelTopology: topology, weightsManifest: [{ paths: ['fixture.bin'], weights }] }));
  return path;
}

describe('TF.js layers format', () => {
  let fixtureModel: LayerModel;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    fixtureModel = await openModelFile(writeFixtureModelJson());
  });

  it('reads a model saved by real tfjs-layers and reproduces its 89.25 % MNIST test accuracy', async () => {
    expect(denseStackOf(fixtureModel.layers).layers.map((l) => `${l.units}/${l.activation}`)).toEqual(['128/relu', '128/relu', '10/softmax']);
    const { test } = await loadMnist();
    expect(evaluateModel(fixtureModel, test).accuracy).toBeCloseTo(0.8925, 4);
  });

  it('writes a model.json that tfjs itself loads, with identical predictions', async () => {
    const path = join(dir, 'saved.json');
    await writeModelFile({ ...fixtureModel, compile: { optimizer: 'sgd', learningRate: 0.1, loss: 'categorical_crossentropy' } }, path);
    const json = JSON.parse(readFileSync(path, 'utf8'));
    expect(json.format).toBe('layers-model');
    const weightData = new Uint8Array(readFileSync(join(dir, json.weightsManifest[0].paths[0]))).buffer;
    const loaded = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData }));
    const input = Float32Array.from(rawMnistImage('t10k', 90), (v) => v / 255);
    const theirs = (loaded.predict(tf.tensor2d(input, [1, 784])) as tf.Tensor).dataSync();
    const ours = createPredictor(fixtureModel)(input);
    ours.forEach((p, i) => expect(p).toBeCloseTo(theirs[i], 5));
    expect((await openModelFile(path)).compile).toEqual({ optimizer: 'sgd', learningRate: 0.1, loss: 'categorical_crossentropy' });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses layers it cannot run, naming the layer type', async () => {
    const topology = JSON.parse(readFileSync(new URL('modelTopology.json', FIXTURE), 'utf8'));
    topology.config.layers.splice(1, 0, { class_name: 'LSTM', config: { name: 'lstm', units: 8 } });
    await expect(openModelFile(writeFixtureModelJson(topology))).rejects.toThrow(/: layer lstm is a LSTM, which Digit Studio does not support/);
  });

  it.each([
    ['not-json.json', 'PK\u0003\u0004 zip bytes', /not a TF\.js model\.json/],
    ['no-manifest.json', JSON.stringify({ modelTopology: { class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: { units: 10, activation: 'softmax', batch_input_shape: [null, 784] } }] } } }), /weightsManifest is missing/],
    ['missing-bin.json', JSON.stringify({ modelTopology: { class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: { units: 10, activation: 'softmax', batch_input_shape: [null, 784] } }] } }, weightsManifest: [{ paths: ['nope.bin'], weights: [] }] }), /weights file "nope\.bin": cannot read: ENOENT/],
  ])('%s gives a one-line ModelFileError naming the file', async (name, content, message) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    const error = await openModelFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelFileError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(name);
  });

  it('a truncated weights file is reported, not read past its end', async () => {
    const path = writeFixtureModelJson();
    writeFileSync(join(dir, 'fixture.bin'), readFileSync(join(dir, 'fixture.bin')).subarray(0, 1000));
    await expect(openModelFile(path)).rejects.toThrow(/weights file is too short for/);
  });
});
