/**
 * Saves a model (any layer list, Conv2D networks too) as a Keras legacy HDF5 file (model.save('x.h5')): h5wasm
 * builds the whole file in memory, then it goes to disk in one atomic write, so an interrupted save leaves the
 * previous file untouched.
 *
 * Layout (see keras-layout.ts for the choices):
 *   /                         @keras_version @backend @generated_by @model_config (JSON) @training_config (JSON)
 *   /model_weights            @layer_names = [conv2d, max_pooling2d, ..., dense] @keras_version @backend
 *   /model_weights/conv2d     @weight_names = [conv2d/kernel:0, conv2d/bias:0]
 *   /model_weights/conv2d/conv2d/kernel:0  float32 [kh, kw, in, out]   .../bias:0  float32 [out]
 *   /model_weights/max_pooling2d           @weight_names = [] (an empty float64 array, as Keras writes an empty list)
 * Strings are fixed-length ASCII, as tf.keras wrote them with h5py 2: every h5py version reads them as bytes,
 * which is what old loaders call .decode() on, and Keras 3 accepts them. Superblock version 0 ('earliest'), as h5py writes.
 */
import { GENERATED_BY } from '../../api/keras-names';
import type { LayerModel } from '../../api/layer-model';
import type { CompileInfo, TrainedModel } from '../../api/model-spec';
import { writeFileAtomic } from '../../fs/atomic-write';
import { ModelFileError } from '../model-error';
import { loadH5wasm, takeHdf5Error, withMemoryFile, type H5 } from './h5wasm-runtime';
import { KERAS_BACKEND, KERAS_VERSION, kerasLayout, type KerasLayout } from './keras-layout';
import { pythonJson } from './python-json';
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

/** A 1-D string list; an empty one as Keras writes it (numpy's empty array, float64), which its loader reads as []. */
function writeNames(target: Group, name: string, values: string[]): void {
  if (values.length > 0) writeStrings(target, name, values);
  else target.create_attribute(name, new Float64Array(0), [0], '<d');
}

function buildFile(h5: H5, { config, layers }: KerasLayout, compile: CompileInfo | undefined, path: string): void {
  const file = new h5.lib.File(path, 'w', { libver: ['earliest', 'v110'] });
  try {
    writeVersion(file);
    writeStrings(file, 'generated_by', GENERATED_BY);
    writeStrings(file, 'model_config', pythonJson(config));
    if (compile) writeStrings(file, 'training_config', kerasTrainingConfig(compile));
    const weights = file.create_group('model_weights');
    writeNames(weights, 'layer_names', layers.map((l) => l.layer));
    writeVersion(weights);
    for (const { layer, variables } of layers) {
      const group = weights.create_group(layer);
      // tf.keras 2.x variable names: 'dense/kernel:0' inside group 'dense' is the dataset kernel:0 of subgroup dense.
      writeNames(group, 'weight_names', variables.map((v) => `${layer}/${v.name}:0`));
      if (variables.length === 0) continue;
      const scope = group.create_group(layer);
      for (const { name, shape, data } of variables) scope.create_dataset({ name: `${name}:0`, data, shape, dtype: '<f' });
    }
  } finally {
    file.close();
  }
}

/** The complete .h5 file as bytes, of a layer list or a Dense-stack TrainedModel. @throws Error when the model cannot be written */
export async function saveModelToH5Bytes(model: LayerModel | TrainedModel): Promise<Uint8Array> {
  const layout = kerasLayout(model);
  const h5 = await loadH5wasm();
  takeHdf5Error(); // start from a clean diagnostics buffer
  return withMemoryFile(h5, null, (path) => {
    try {
      buildFile(h5, layout, model.compile, path);
    } catch (error) {
      throw new Error(takeHdf5Error() ?? (error instanceof Error ? error.message : String(error)));
    }
    return h5.fs.readFile(path);
  });
}

/** Writes the .h5 atomically. @throws ModelFileError naming the file and the problem in one line */
export async function saveModelToH5File(model: LayerModel | TrainedModel, path: string): Promise<void> {
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
