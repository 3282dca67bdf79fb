import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { denseStackOf, layerModelOf } from '../../../src/core/api/layer-model';
import { layerShapes, mlpSpec, type CompileInfo, type TrainedModel } from '../../../src/core/api/model-spec';
import { openModelFromH5File } from '../../../src/core/formats/hdf5/read-h5';
import { PyFloat, pythonJson } from '../../../src/core/formats/hdf5/python-json';
import { float32Decimal, readTrainingConfig } from '../../../src/core/formats/hdf5/training-config';
import { ModelFileError } from '../../../src/core/formats/model-error';
import { openModelFile, writeModelFile } from '../../../src/core/formats/model-file';

const dir = mkdtempSync(join(tmpdir(), 'digit-studio-h5-write-'));

/** A small 784-16-10 model with deterministic pseudo-random weights. */
function smallModel(compile?: CompileInfo): TrainedModel {
  let seed = 12345;
  const next = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32 - 0.5) / 4;
  const spec = mlpSpec([16]);
  const weights = layerShapes(spec).map(([inputs, units]) => ({ kernel: Float32Array.from({ length: inputs * units }, next), bias: Float32Array.from({ length: units }, next) }));
  return { spec, weights, ...(compile ? { compile } : {}) };
}

/** h5py (libhdf5 in C, independent of h5wasm) reads the file the way Keras' loader does and reports every detail. */
const H5PY_DUMP = `
import base64, json, sys, h5py
f = h5py.File(sys.argv[1], "r")
def attr(obj, name):
    t = h5py.h5a.open(obj.id, name.encode()).get_type()
    v = obj.attrs[name]
    kind = "vlen" if t.is_variable_str() else "fixed" if isinstance(t, h5py.h5t.TypeStringID) else "other"
    ascii = isinstance(t, h5py.h5t.TypeStringID) and t.get_cset() == h5py.h5t.CSET_ASCII
    value = [x.decode() for x in v] if hasattr(v, "__len__") and not isinstance(v, (bytes, str)) else v.decode()
    return {"kind": kind, "ascii": ascii, "value": value}
out = {"root": {k: attr(f, k) for k in f.attrs}, "weights": {k: attr(f["model_weights"], k) for k in f["model_weights"].attrs}, "layers": {}}
for layer in out["weights"]["layer_names"]["value"]:
    g = f["model_weights"][layer]
    names = attr(g, "weight_names")
    out["layers"][layer] = {"weight_names": names, "data": [
        {"shape": list(g[n].shape), "dtype": str(g[n].dtype), "b64": base64.b64encode(g[n][()].tobytes()).decode()} for n in names["value"]]}
print(json.dumps(out))
`;

interface H5pyAttribute {
  kind: 'fixed' | 'vlen' | 'other';
  ascii: boolean;
  value: string | string[];
}

interface H5pyDump {
  root: Record<string, H5pyAttribute>;
  weights: Record<string, H5pyAttribute>;
  layers: Record<string, { weight_names: H5pyAttribute; data: Array<{ shape: number[]; dtype: string; b64: string }> }>;
}

interface KerasConfig {
  class_name: string;
  config: { layers: Array<{ class_name: string; config: Record<string, unknown> }> };
}

function h5pyDump(path: string): H5pyDump {
  const result = spawnSync('/usr/bin/python3', ['-c', H5PY_DUMP, path], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as H5pyDump;
}

const tempFiles = (folder: string): string[] => readdirSync(folder).filter((f) => f.endsWith('.tmp'));

describe('Keras HDF5 writer', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the tf.keras 2.x layout with fixed-length ASCII strings (read back with h5py)', async () => {
    const model = smallModel({ optimizer: 'momentum', learningRate: 0.05, momentum: 0.9, loss: 'categorical_crossentropy' });
    const path = join(dir, 'layout.h5');
    await writeModelFile(model, path);
    const dump = h5pyDump(path);
    const fixedAscii = (value: string | string[]): H5pyAttribute => ({ kind: 'fixed', ascii: true, value });
    expect(Object.keys(dump.root).sort()).toEqual(['backend', 'generated_by', 'keras_version', 'model_config', 'training_config']);
    expect(dump.root.keras_version).toEqual(fixedAscii('2.15.0'));
    expect(dump.root.backend).toEqual(fixedAscii('tensorflow'));
    expect(dump.root.generated_by).toEqual(fixedAscii('Digit Studio'));
    const config = JSON.parse(String(dump.root.model_config.value)) as KerasConfig;
    expect(config.class_name).toBe('Sequential');
    expect(config.config.layers.map((l) => l.class_name)).toEqual(['InputLayer', 'Dense', 'Dense']);
    expect(config.config.layers[0].config).toMatchObject({ batch_input_shape: [null, 784], dtype: 'float32' });
    expect(config.config.layers.slice(1).map((l) => [l.config.name, l.config.units, l.config.activation, l.config.use_bias])).toEqual([
      ['dense', 16, 'relu', true],
      ['dense_1', 10, 'softmax', true],
    ]);
    expect(JSON.parse(String(dump.root.training_config.value))).toEqual({
      loss: 'categorical_crossentropy',
      metrics: ['accuracy'],
      weighted_metrics: null,
      loss_weights: null,
      optimizer_config: { class_name: 'SGD', config: { name: 'SGD', learning_rate: 0.05000000074505806, momentum: 0.9, nesterov: false } },
    });
    expect(dump.weights).toEqual({ layer_names: fixedAscii(['dense', 'dense_1']), keras_version: fixedAscii('2.15.0'), backend: fixedAscii('tensorflow') });
    model.weights.forEach((w, i) => {
      const layer = dump.layers[i === 0 ? 'dense' : 'dense_1'];
      const name = i === 0 ? 'dense' : 'dense_1';
      expect(layer.weight_names).toEqual(fixedAscii([`${name}/kernel:0`, `${name}/bias:0`]));
      expect(layer.data.map((d) => [d.shape, d.dtype])).toEqual([
        [[i === 0 ? 784 : 16, i === 0 ? 16 : 10], 'float32'],
        [[i === 0 ? 16 : 10], 'float32'],
      ]);
      expect(Buffer.from(layer.data[0].b64, 'base64').equals(Buffer.from(w.kernel.buffer))).toBe(true);
      expect(Buffer.from(layer.data[1].b64, 'base64').equals(Buffer.from(w.bias.buffer))).toBe(true);
    });
  });

  it.each<[string, CompileInfo | undefined]>([
    ['sgd', { optimizer: 'sgd', learningRate: 0.01, loss: 'categorical_crossentropy' }],
    ['momentum', { optimizer: 'momentum', learningRate: 0.3, momentum: 0.95, loss: 'categorical_crossentropy' }],
    ['adam', { optimizer: 'adam', learningRate: 0.001, loss: 'categorical_crossentropy' }],
    ['uncompiled', undefined],
  ])('round trip (%s): save → open gives the same layers, bit-identical weights and the compile settings', async (name, compile) => {
    const model = smallModel(compile);
    const path = join(dir, `roundtrip-${name}.h5`);
    await writeModelFile(model, path);
    const { model: read, info } = await openModelFromH5File(path);
    expect(read).toEqual(layerModelOf(model));
    expect(info).toMatchObject({ kerasVersion: '2.15.0', backend: 'tensorflow', generatedBy: 'Digit Studio' });
  });

  it('refuses weights that do not fit the architecture and leaves the previous file as it was', async () => {
    const path = join(dir, 'keep.h5');
    await writeModelFile(smallModel(), path);
    const before = readFileSync(path);
    const broken = smallModel();
    broken.weights[0].kernel = broken.weights[0].kernel.subarray(1);
    const error = await writeModelFile(broken, path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelFileError);
    expect((error as Error).message).toBe(`${path}: cannot build the Keras HDF5 file: layer 1: expected kernel 784x16 and bias 16`);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(tempFiles(dir)).toEqual([]);
  });

  it('a save whose final rename fails (target is a non-empty folder) reports it, changes nothing and leaves no temp file', async () => {
    const parent = join(dir, 'rename-fails');
    const target = join(parent, 'model.h5');
    mkdirSync(target, { recursive: true });
    writeFileSync(join(target, 'precious.txt'), 'keep me');
    const error = await writeModelFile(smallModel(), target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelFileError);
    expect((error as Error).message).toMatch(new RegExp(`^${target}: cannot write: (EISDIR|ENOTEMPTY|EEXIST)$`));
    expect(readdirSync(parent)).toEqual(['model.h5']);
    expect(readFileSync(join(target, 'precious.txt'), 'utf8')).toBe('keep me');
  });

  it('creates missing folders, like the .json branch', async () => {
    const path = join(dir, 'new', 'folder', 'model.h5');
    await writeModelFile(smallModel(), path);
    expect(denseStackOf((await openModelFile(path)).layers)).toEqual(mlpSpec([16]));
  });
});

describe('training_config', () => {
  const read = (optimizer: unknown, loss: unknown = 'categorical_crossentropy'): ReturnType<typeof readTrainingConfig> =>
    readTrainingConfig({ loss, optimizer_config: optimizer });

  it('writes hyper-parameters as Python floats: Keras 3 rejects SGD(momentum=0) with an int 0', () => {
    expect(pythonJson({ momentum: new PyFloat(0), units: 10, epsilon: new PyFloat(1e-7), shape: [null, 784] })).toBe('{"momentum": 0.0, "units": 10, "epsilon": 1e-7, "shape": [null, 784]}');
  });

  it('shows float32 learning rates as the decimal that was meant', () => {
    expect([0.009999999776482582, 0.05000000074505806, 0.0010000000474974513, 0.1, 1e-7].map(float32Decimal)).toEqual([0.01, 0.05, 0.001, 0.1, 1e-7]);
  });

  it('keeps what the app cannot train with out of compile, but still describes it', () => {
    expect(read({ class_name: 'SGD', config: { learning_rate: 0.01, momentum: 0.9, nesterov: true } })).toEqual({
      optimizer: { className: 'SGD', learningRate: 0.01, momentum: 0.9, nesterov: true },
      loss: 'categorical_crossentropy',
    });
    expect(read({ class_name: 'Adam', config: { learning_rate: { class_name: 'ExponentialDecay', config: {} } } }).optimizer).toEqual({ className: 'Adam', learningRate: null });
    expect(read({ class_name: 'Adam', config: { learning_rate: 0.001, beta_1: 0.5 } }).compile).toBeUndefined();
    expect(read({ class_name: 'RMSprop', config: { learning_rate: 0.001 } }).compile).toBeUndefined();
    expect(read({ class_name: 'SGD', config: { learning_rate: 0.01 } }, 'sparse_categorical_crossentropy').compile).toBeUndefined();
  });

  it('understands the names older Keras versions used', () => {
    expect(read({ class_name: 'Custom>Adam', config: { lr: 0.002 } }, { class_name: 'CategoricalCrossentropy', config: {} })).toEqual({
      optimizer: { className: 'Adam', learningRate: 0.002 },
      loss: 'CategoricalCrossentropy',
      compile: { optimizer: 'adam', learningRate: 0.002, loss: 'categorical_crossentropy' },
    });
    expect(readTrainingConfig(null)).toEqual({ optimizer: null, loss: null });
  });
});
