/**
 * Saves a TrainedModel as a Keras legacy HDF5 file (model.save('x.h5')): h5wasm builds the whole file in memory,
 * then it goes to disk in one atomic write, so an interrupted save leaves the previous file untouched.
 *
 * Layout (see keras-layout.ts for the choices):
 *   /                         @keras_version @backend @generated_by @model_config (JSON) @training_config (JSON)
 *   /model_weights            @layer_names = [dense, dense_1, ...] @keras_version @backend
 *   /model_weights/dense      @weight_names = [dense/kernel:0, dense/bias:0]
 *   /model_weights/dense/dense/kernel:0  float32 [inputs, units]   .../bias:0  float32 [units]
 * Strings are fixed-length ASCII, as tf.keras wrote them with h5py 2: every h5py version reads them as bytes,
 * which is what old loaders call .decode() on, and Keras 3 accepts them. Superblock version 0 ('earliest'), as h5py writes.
 */
import { denseLayerName, GENERATED_BY } from '../../api/keras-names';
import { checkWeights, type TrainedModel } from '../../api/model-spec';
import { writeFileAtomic } from '../../fs/atomic-write';
import { ModelFileError } from '../model-error';
import { loadH5wasm, takeHdf5Error, withMemoryFile, type H5 } from './h5wasm-runtime';
import { denseWeightNames, KERAS_BACKEND, KERAS_VERSION, kerasModelConfig } from './keras-layout';
import { kerasTrainingConfig } from './training-config';

type Group = InstanceType<H5['lib']['Group']>;

/** A scalar or 1-D array of fixed-length, NUL-terminated ASCII strings (h5wasm's 'A<size>' type). */
function writeStrings(target: Group, name: string, value: string | string[]): void {
  const values = Array.isArray(value) ? value : [value];
  if (values.some((v) => /[^\x20-\x7e]/.test(v))) throw new Error(`attribute ${name} must be printable ASCII`);
  const size = Math.max(...values.map((v) => v.length)) + 1;
  target.create_attribute(name, value, Array.isArray(value) ? [value.length] : [], `A${size}`);
}

function writeVersion(target: Group): void {
  writeStrings(target, 'keras_version', KERAS_VERSION);
  writeStrings(target, 'backend', KERAS_BACKEND);
}

function buildFile(h5: H5, model: TrainedModel, path: string): void {
  const file = new h5.lib.File(path, 'w', { libver: ['earliest', 'v110'] });
  try {
    writeVersion(file);
    writeStrings(file, 'generated_by', GENERATED_BY);
    writeStrings(file, 'model_config', kerasModelConfig(model.spec));
    if (model.compile) writeStrings(file, 'training_config', kerasTrainingConfig(model.compile));
    const weights = file.create_group('model_weights');
    const names = model.spec.layers.map((_, i) => denseLayerName(i));
    writeStrings(weights, 'layer_names', names);
    writeVersion(weights);
    let inputs = model.spec.inputSize;
    names.forEach((name, i) => {
      const layer = weights.create_group(name);
      const [kernelName, biasName] = denseWeightNames(name);
      writeStrings(layer, 'weight_names', [kernelName, biasName]);
      // 'dense/kernel:0' inside group 'dense' is the dataset dense/kernel:0 of subgroup dense.
      const variables = layer.create_group(name);
      const units = model.spec.layers[i].units;
      variables.create_dataset({ name: kernelName.split('/')[1], data: model.weights[i].kernel, shape: [inputs, units], dtype: '<f' });
      variables.create_dataset({ name: biasName.split('/')[1], data: model.weights[i].bias, shape: [units], dtype: '<f' });
      inputs = units;
    });
  } finally {
    file.close();
  }
}

/** The complete .h5 file as bytes. */
export async function saveModelToH5Bytes(model: TrainedModel): Promise<Uint8Array> {
  checkWeights(model.spec, model.weights);
  const h5 = await loadH5wasm();
  takeHdf5Error(); // start from a clean diagnostics buffer
  return withMemoryFile(h5, null, (path) => {
    try {
      buildFile(h5, model, path);
    } catch (error) {
      throw new Error(takeHdf5Error() ?? (error instanceof Error ? error.message : String(error)));
    }
    return h5.fs.readFile(path);
  });
}

export async function saveModelToH5File(model: TrainedModel, path: string): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = await saveModelToH5Bytes(model);
  } catch (error) {
    throw new ModelFileError(path, `cannot build the Keras HDF5 file: ${(error as Error).message}`);
  }
  try {
    await writeFileAtomic(path, bytes);
  } catch (error) {
    throw new ModelFileError(path, `cannot write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
