import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cnnLayers, KERAS_CNN } from '../../../src/core/api/architecture';
import type { LayerModel } from '../../../src/core/api/layer-model';
import { writeModelFile } from '../../../src/core/formats/model-file';
import { randomLayerModel } from '../../helpers/layer-models';

/**
 * The tf.keras 2.x layout of a CNN .h5, read with h5py (libhdf5 in C, independent of h5wasm) the way Keras' legacy
 * loader reads it: every layer but the InputLayer in @layer_names, the weightless ones with an empty @weight_names
 * (an empty float64 array, as Keras writes an empty list), tf.keras 2.x variable names, Keras-layout kernels, and
 * the configs tf.keras 2.15 writes for each layer class.
 */
const H5PY_DUMP = `
import base64, json, sys, h5py
f = h5py.File(sys.argv[1], "r")
def names(obj, name):
    v = obj.attrs[name]
    return {"dtype": str(v.dtype), "value": [x.decode() for x in v]}
weights = f["model_weights"]
layers = {}
for layer in names(weights, "layer_names")["value"]:
    g = weights[layer]
    wn = names(g, "weight_names")
    layers[layer] = {"weight_names": wn, "data": [
        {"shape": list(g[n].shape), "dtype": str(g[n].dtype), "b64": base64.b64encode(g[n][()].tobytes()).decode()} for n in wn["value"]]}
print(json.dumps({"model_config": json.loads(f.attrs["model_config"]), "layer_names": names(weights, "layer_names"), "layers": layers}))
`;

interface Dump {
  model_config: { class_name: string; config: { name: string; layers: Array<{ class_name: string; config: Record<string, unknown> }> } };
  layer_names: { dtype: string; value: string[] };
  layers: Record<string, { weight_names: { dtype: string; value: string[] }; data: Array<{ shape: number[]; dtype: string; b64: string }> }>;
}

const dir = mkdtempSync(join(tmpdir(), 'digit-studio-cnn-h5-layout-'));
const KERNEL_DEFAULTS = {
  use_bias: true,
  kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
  bias_initializer: { class_name: 'Zeros', config: {} },
  kernel_regularizer: null,
  bias_regularizer: null,
  activity_regularizer: null,
  kernel_constraint: null,
  bias_constraint: null,
};
const common = (name: string): Record<string, unknown> => ({ name, trainable: true, dtype: 'float32' });

describe("a CNN .h5 (keras.io's mnist_convnet) as h5py reads it", () => {
  let model: LayerModel;
  let dump: Dump;
  beforeAll(async () => {
    model = randomLayerModel(cnnLayers(KERAS_CNN), 3);
    const path = join(dir, 'convnet.h5');
    await writeModelFile(model, path);
    const result = spawnSync('/usr/bin/python3', ['-c', H5PY_DUMP, path], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    if (result.status !== 0) throw new Error(result.stderr);
    dump = JSON.parse(result.stdout) as Dump;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists every layer but the InputLayer; the weightless ones with an empty float64 weight_names', () => {
    const weightless = ['max_pooling2d', 'max_pooling2d_1', 'flatten', 'dropout'];
    expect(dump.layer_names.value).toEqual(['conv2d', 'max_pooling2d', 'conv2d_1', 'max_pooling2d_1', 'flatten', 'dropout', 'dense']);
    for (const name of weightless) expect(dump.layers[name]).toEqual({ weight_names: { dtype: 'float64', value: [] }, data: [] });
  });

  it('names weights like tf.keras 2.x variables and stores them in the Keras layout, bit for bit', () => {
    const weighted = ['conv2d', 'conv2d_1', 'dense'];
    const shapes = [
      [[3, 3, 1, 32], [32]],
      [[3, 3, 32, 64], [64]],
      [[1600, 10], [10]],
    ];
    weighted.forEach((name, i) => {
      const { weight_names, data } = dump.layers[name];
      expect(weight_names.value).toEqual([`${name}/kernel:0`, `${name}/bias:0`]);
      expect(weight_names.dtype).toMatch(/^\|S\d+$/); // fixed-length ASCII, as h5py 2 wrote them
      expect(data.map((d) => [d.shape, d.dtype])).toEqual(shapes[i].map((shape) => [shape, 'float32']));
      expect(Buffer.from(data[0].b64, 'base64').equals(Buffer.from(model.weights[i].kernel.buffer))).toBe(true);
      expect(Buffer.from(data[1].b64, 'base64').equals(Buffer.from(model.weights[i].bias.buffer))).toBe(true);
    });
  });

  it('writes the model_config tf.keras 2.15 writes: a Sequential from an InputLayer, each layer with its full config', () => {
    expect(dump.model_config.class_name).toBe('Sequential');
    expect(dump.model_config.config.layers).toEqual([
      { class_name: 'InputLayer', config: { batch_input_shape: [null, 28, 28, 1], dtype: 'float32', sparse: false, ragged: false, name: 'input_layer' } },
      {
        class_name: 'Conv2D',
        config: {
          ...common('conv2d'),
          filters: 32,
          kernel_size: [3, 3],
          strides: [1, 1],
          padding: 'valid',
          data_format: 'channels_last',
          dilation_rate: [1, 1],
          groups: 1,
          activation: 'relu',
          ...KERNEL_DEFAULTS,
        },
      },
      { class_name: 'MaxPooling2D', config: { ...common('max_pooling2d'), pool_size: [2, 2], padding: 'valid', strides: [2, 2], data_format: 'channels_last' } },
      expect.objectContaining({ class_name: 'Conv2D' }),
      expect.objectContaining({ class_name: 'MaxPooling2D' }),
      { class_name: 'Flatten', config: { ...common('flatten'), data_format: 'channels_last' } },
      { class_name: 'Dropout', config: { ...common('dropout'), rate: 0.5, noise_shape: null, seed: null } },
      { class_name: 'Dense', config: { ...common('dense'), units: 10, activation: 'softmax', ...KERNEL_DEFAULTS } },
    ]);
  });
});
