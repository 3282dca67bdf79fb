import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMnist, type DigitSet } from '../../../src/core/dataset';
import { openModelFromH5File } from '../../../src/core/formats/hdf5/read-h5';
import { ModelFileError } from '../../../src/core/formats/model-error';
import { openModelFile } from '../../../src/core/formats/model-file';
import { evaluateModel } from '../../../src/core/inference';
import { denseStackOf, type LayerModel } from '../../../src/core/api/layer-model';
import { KERAS_REFERENCE, makeVariants } from '../../fixtures/hdf5/generate';
import { VERIFY_FIXTURES } from '../../helpers/verify-kit';

/**
 * Reading .h5 files written by others: the kit's files (real Keras 3 and h5py; accuracies from its README) and h5py
 * variants of the Keras file (test/fixtures/hdf5/make_h5_variants.py, the kit's make_broken_h5.py).
 */
const dir = mkdtempSync(join(tmpdir(), 'digit-studio-h5-read-'));
const variant = (name: string): string => join(dir, `${name}.h5`);

async function problem(path: string, timeoutMs?: number): Promise<string> {
  const error = await openModelFromH5File(path, { timeoutMs }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelFileError);
  const message = (error as Error).message;
  expect(message.startsWith(`${path}: `)).toBe(true);
  expect(message).not.toContain('\n');
  return message.slice(path.length + 2);
}

describe('Keras HDF5 reader', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  let test: DigitSet;
  let reference: LayerModel;
  beforeAll(async () => {
    makeVariants(dir);
    test = (await loadMnist()).test;
    reference = await openModelFile(KERAS_REFERENCE);
  });

  it('opens the file real Keras 3 wrote and reproduces its 96.75 % MNIST test accuracy', async () => {
    const { model, info } = await openModelFromH5File(KERAS_REFERENCE);
    expect(denseStackOf(model.layers).layers.map((l) => `${l.units}/${l.activation}`)).toEqual(['128/relu', '128/relu', '10/softmax']);
    expect(evaluateModel(model, test).accuracy).toBeCloseTo(0.9675, 4);
    expect(info).toEqual({ kerasVersion: '3.15.1', backend: 'numpy', generatedBy: null, optimizer: { className: 'SGD', learningRate: 0.01, momentum: 0, nesterov: false }, loss: 'categorical_crossentropy' });
    expect(model.compile).toEqual({ optimizer: 'sgd', learningRate: 0.01, loss: 'categorical_crossentropy' });
  });

  it.each(['keras_from_tfjs_weights.h5', 'h5py_tfjs_style_loadable.h5'])('opens the kit file %s: 89.25 % like TF.js', async (name) => {
    const model = await openModelFile(`${VERIFY_FIXTURES}${name}`);
    expect(evaluateModel(model, test).accuracy).toBeCloseTo(0.8925, 4);
  });

  it.each([
    ['tf2_fixed_strings', '2.4.0', 'tf.keras 2 layout: InputLayer, dense/kernel:0 names, fixed-length strings'],
    ['tf1_vlen_dense_batch_input_shape', '2.2.4-tf', 'no InputLayer, batch_input_shape on the first Dense, vlen UTF-8 strings'],
    ['keras20_bare_layer_list', '2.0.8', 'Keras 2.0 Sequential config as a bare list of layers'],
    ['keras2_functional', '2.3.1', 'Keras 2 Functional: Input(28, 28), Flatten, Dropout, Dense linear + Activation softmax'],
  ])('reads %s (Keras %s: %s) with the reference weights', async (name, version) => {
    const { model, info } = await openModelFromH5File(variant(name));
    expect(info.kerasVersion).toBe(version);
    expect(denseStackOf(model.layers)).toEqual(denseStackOf(reference.layers));
    expect(model.weights).toEqual(reference.weights);
  });

  it('reads the real optimizer settings of a tf.keras 2 file (float32 values shown as written)', async () => {
    const { model, info } = await openModelFromH5File(variant('tf2_fixed_strings'));
    expect(info.optimizer).toEqual({ className: 'SGD', learningRate: 0.05, momentum: 0.9, nesterov: false });
    expect(model.compile).toEqual({ optimizer: 'momentum', learningRate: 0.05, momentum: 0.9, loss: 'categorical_crossentropy' });
  });

  it("reads 'Custom>SGD' (tf.keras >= 2.11) with its real learning rate, where Keras 3 silently uses 0.01", async () => {
    const { model, info } = await openModelFromH5File(variant('optimizer_Custom_SGD'));
    expect(info.optimizer).toEqual({ className: 'SGD', learningRate: 0.1 });
    expect(model.compile).toEqual({ optimizer: 'sgd', learningRate: 0.1, loss: 'categorical_crossentropy' });
  });

  const sgd = { optimizer: 'sgd', learningRate: 0.01, loss: 'categorical_crossentropy' };
  it.each([
    ['no_training_config', undefined],
    ['training_config_camelCase', undefined],
    ['no_inputlayer_batch_input_shape_on_dense', sgd],
    ['no_input_shape_anywhere', sgd],
  ])('still runs %s (Keras 3 cannot compile or predict it, but the architecture and weights are all there)', async (name, compile) => {
    const { model } = await openModelFromH5File(variant(name));
    expect(model.weights).toEqual(reference.weights);
    expect(model.compile).toEqual(compile);
  });

  it.each([
    ['weights_only', /^holds only weights \(written by save_weights\), no model architecture/],
    ['plain_hdf5', /^an HDF5 file without a Keras model \(no model_config attribute\)$/],
    ['not_hdf5', /^not an HDF5 file \(no HDF5 signature\)/],
    ['truncated', /^HDF5 cannot open the file: truncated file: eof = 247984, .*stored_eof = 495968$/],
    ['conv2d', /^layer conv2d: a Conv2D needs a \[height, width, channels\] input; it gets \[784\] \(add a Reshape\)$/],
    ['elu_activation', /^layer dense: activation "elu" is not supported/],
    ['branching_functional', /^layer dense_2 takes its input from dense; Digit Studio runs a single chain of layers/],
    ['bad_json', /^attribute model_config is not valid JSON$/],
    ['no_model_weights', /^has a model_config but no model_weights group/],
    ['layer_names_scalar_string', /^model_weights\/@layer_names is a single string, not a list of names/],
    ['layer_count_mismatch', /^the model_config has 3 Dense layers but model_weights holds weights for 2 \(dense, dense_1\)$/],
    ['missing_kernel', /^the kernel of layer dense_1 \(model_weights\/dense_1\/sequential\/dense_1\/kernel\) is missing$/],
    ['kernel_wrong_shape', /^the kernel of layer dense \(.*\) has shape \[100, 128\]; the model_config needs \[784, 128\]$/],
    ['weight_names_bias_first', /^the kernel of layer dense \(model_weights\/dense\/sequential\/dense\/bias\) has shape \[128\]; the model_config needs \[784, 128\]$/],
    ['int_weights', /^the bias of layer dense_2 \(.*\) is stored as non-float data; Keras weights are float32$/],
    ['huge_dataset', /^the kernel of layer dense_2 \(.*\) has shape \[128, 1099511627776\]; the model_config needs \[128, 10\]$/],
    ['huge_units', /^the model_config describes 3647760010 parameters, more than the 67108864 Digit Studio can hold$/],
  ])('%s gives a one-line ModelFileError naming the file and the problem', async (name, message) => {
    expect(await problem(variant(name))).toMatch(message);
  });

  it('gives up on a file HDF5 would read forever, then reads the next file normally', async () => {
    const started = Date.now();
    expect(await problem(variant('heap_loop'), 2000)).toBe("the HDF5 reader gave up after 2 s: the file's HDF5 structure is probably corrupt");
    expect(Date.now() - started).toBeLessThan(30_000);
    expect((await openModelFromH5File(KERAS_REFERENCE)).model.weights).toEqual(reference.weights);
  });

  it('checks the size before reading: an empty file, a 300 MB file, a missing file', async () => {
    writeFileSync(variant('empty'), '');
    expect(await problem(variant('empty'))).toBe('the file is empty');
    const huge = variant('sparse_300mb');
    writeFileSync(huge, readFileSync(KERAS_REFERENCE).subarray(0, 1024));
    truncateSync(huge, 300 * 2 ** 20); // sparse: takes no disk space
    expect(await problem(huge)).toBe('over 256 MB; a Keras digit model is far smaller');
    expect(await problem(variant('does_not_exist'))).toBe('cannot read: ENOENT: no such file or directory');
  });
});
