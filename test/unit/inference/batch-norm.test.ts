/**
 * BatchNormalization for inference (issue 17): the Keras-written fixtures (test/fixtures/hdf5, real Keras 3.15.1)
 * open with Keras' output shapes and parameter counts, and the app's forward pass predicts what Keras predicted; the
 * tf.keras 2.x layout of the same network is the same model; settings the app cannot run are refused in one line, and
 * so is training such a model.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { layerSummaries, summarizeLayers, type LayerModel, type LayerSpec } from '../../../src/core/api/layer-model';
import { kerasLayerList } from '../../../src/core/formats/keras-config';
import { openModelFile } from '../../../src/core/formats/model-file';
import * as tf from '@tensorflow/tfjs';
import { loadBackend } from '../../../src/core/tfjs/load';
import { buildTfModel } from '../../../src/core/tfjs/model';
import { planNetwork } from '../../../src/core/training/engine/plan';
import { appProbs, BATCHNORM_FIXTURES, fixturePath, kerasProbs, largestDifference, TFKERAS2_CNN, UNFOLDABLE_LAYERS } from '../../helpers/batchnorm-models';

const models = new Map<string, LayerModel>();
beforeAll(async () => {
  for (const name of [...BATCHNORM_FIXTURES, TFKERAS2_CNN]) models.set(name, await openModelFile(fixturePath(name)));
});

describe('the Keras-written BatchNormalization models', () => {
  it.each(BATCHNORM_FIXTURES)("%s.h5: the app's forward pass predicts Keras' probabilities on 200 MNIST test images within 1e-5", (name) => {
    const difference = largestDifference(appProbs(models.get(name)!), kerasProbs(name));
    console.log(`${name}: max |p_app - p_keras| ${difference}`);
    expect(difference).toBeLessThanOrEqual(1e-5);
  });

  it("open with Keras' output shapes and parameter counts (all four statistics count; without scale or center three)", () => {
    const rows = (name: string) => summarizeLayers(models.get(name)!.layers).map((r) => [r.layer.name, r.layer.type, r.outputShape, r.params]);
    expect(rows('batchnorm_cnn')).toEqual([
      ['input_layer', 'InputLayer', [28, 28, 1], 0],
      ['conv2d', 'Conv2D', [26, 26, 8], 72],
      ['batch_normalization', 'BatchNormalization', [26, 26, 8], 32],
      ['activation', 'Activation', [26, 26, 8], 0],
      ['max_pooling2d', 'MaxPooling2D', [13, 13, 8], 0],
      ['flatten', 'Flatten', [1352], 0],
      ['dense', 'Dense', [10], 13_530],
    ]);
    expect(rows('batchnorm_dense')).toEqual([
      ['input_layer', 'InputLayer', [784], 0],
      ['dense', 'Dense', [32], 25_120],
      ['batch_normalization', 'BatchNormalization', [32], 96],
      ['activation', 'Activation', [32], 0],
      ['dense_1', 'Dense', [10], 330],
      ['batch_normalization_1', 'BatchNormalization', [10], 30],
      ['activation_1', 'Activation', [10], 0],
    ]);
  });

  it('read the settings and weights: no bias on the Conv2D (zeros), gamma ones without scale, beta zeros without center', () => {
    const cnn = models.get('batchnorm_cnn')!;
    expect(cnn.layers[1]).toMatchObject({ type: 'Conv2D', useBias: false });
    expect(cnn.weights[0].bias).toEqual(new Float32Array(8));
    expect(cnn.layers[2]).toEqual({ type: 'BatchNormalization', name: 'batch_normalization', axis: -1, epsilon: 0.001, center: true, scale: true });
    const dense = models.get('batchnorm_dense')!;
    expect(dense.layers.filter((l) => l.type === 'BatchNormalization')).toMatchObject([{ epsilon: 0.01, center: true, scale: false }, { epsilon: 0.001, center: false, scale: true }]);
    const [first, second] = dense.batchNorm!;
    expect([first.gamma, second.beta]).toEqual([new Float32Array(32).fill(1), new Float32Array(10)]);
    expect(second.gamma.some((g) => g < 0)).toBe(true);
  });

  it('the tf.keras 2.x layout (axis [3], conv2d/kernel:0, batch_normalization/gamma:0, ...) is the same model', () => {
    const keras3 = models.get('batchnorm_cnn')!;
    const tf2 = models.get(TFKERAS2_CNN)!;
    expect(tf2.layers.slice(1)).toEqual(keras3.layers.slice(1).map((layer) => (layer.type === 'BatchNormalization' ? { ...layer, axis: 3 } : layer)));
    expect([tf2.weights, tf2.batchNorm]).toEqual([keras3.weights, keras3.batchNorm]);
  });
});

describe('what is refused in one line', () => {
  const config = (bn: Record<string, unknown>, shape = [null, 28, 28, 1]) => ({
    class_name: 'Sequential',
    config: { layers: [{ class_name: 'InputLayer', config: { batch_shape: shape, name: 'input_layer' } }, { class_name: 'BatchNormalization', config: { name: 'bn', ...bn } }] },
  });
  const summaryOf = (bn: Record<string, unknown>, shape?: Array<number | null>) => () => layerSummaries(kerasLayerList(config(bn, shape)));

  it.each<[string, Record<string, unknown>, Array<number | null> | undefined, RegExp]>([
    ['a normalization over another axis', { axis: 1 }, undefined, /^layer bn: BatchNormalization over axis 1 is not supported \(only the last axis, -1\)$/],
    ['axis 3 of a flat input', { axis: [3] }, [null, 784], /^layer bn: BatchNormalization over axis 3 is not supported/],
    ['batch renormalization', { renorm: true }, undefined, /^layer bn: BatchNormalization with renorm is not supported$/],
    ['an epsilon that is not a number', { epsilon: 'small' }, undefined, /^layer bn is a BatchNormalization with an invalid epsilon: "small"$/],
    ['a center flag that is not a boolean', { center: 1 }, undefined, /^layer bn is a BatchNormalization with an invalid center: 1$/],
  ])('%s', (_, bn, shape, message) => {
    expect(summaryOf(bn, shape)).toThrow(message);
  });

  it('accepts axis -1, [-1] and the last axis counted with the batch dimension', () => {
    for (const axis of [-1, [-1], 3, [3]]) expect(summaryOf({ axis })).not.toThrow();
  });

  it('weights that do not fit the BatchNormalization layers', async () => {
    const model = models.get('batchnorm_cnn')!;
    const short = { ...model.batchNorm![0], movingMean: model.batchNorm![0].movingMean.subarray(1) };
    expect(() => appProbs({ ...model, batchNorm: [short] }, 1)).toThrow(/^layer batch_normalization: expected 8 values of gamma, beta, moving mean and moving variance$/);
    expect(() => appProbs({ ...model, batchNorm: [] }, 1)).toThrow(/^the model has 1 BatchNormalization layers but 0 sets of their weights$/);
  });
});

describe('the trainers refuse to fine-tune such a model', () => {
  beforeAll(async () => {
    await loadBackend('cpu');
  });
  const BN_REFUSAL = /^layer batch_normalization is a BatchNormalization; Digit Studio runs and exports it but does not train it$/;
  const NO_BIAS: LayerSpec[] = [
    { type: 'InputLayer', name: 'input_layer', shape: [784] },
    { type: 'Dense', name: 'dense', units: 10, activation: 'softmax', useBias: false },
  ];

  it('the engine, in one line naming the layer', () => {
    expect(() => planNetwork(UNFOLDABLE_LAYERS, 32, 'adam', [64], 0)).toThrow(BN_REFUSAL);
    expect(() => planNetwork(models.get('batchnorm_dense')!.layers, 32, 'adam', [64], 0)).toThrow(BN_REFUSAL);
    expect(() => planNetwork(models.get('batchnorm_cnn')!.layers, 32, 'adam', [64], 0)).toThrow(/^layer conv2d is a Conv2D without bias; Digit Studio runs and exports it but does not train it$/);
    expect(() => planNetwork(NO_BIAS, 32, 'sgd', [64], 0)).toThrow(/^layer dense is a Dense without bias; Digit Studio runs and exports it but does not train it$/);
  });

  it('tfjs-layers, in the same line', () => {
    expect(() => buildTfModel(tf, UNFOLDABLE_LAYERS, { seed: 1 })).toThrow(BN_REFUSAL);
    expect(() => buildTfModel(tf, models.get('batchnorm_cnn')!.layers, { seed: 1 })).toThrow(/^layer conv2d is a Conv2D without bias; Digit Studio runs and exports it but does not train it$/);
  });
});
