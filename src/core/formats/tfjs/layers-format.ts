/**
 * TF.js layers format (model.json + a .weights.bin file), the format tf.loadLayersModel() and the tensorflowjs
 * converter use, for any model of the layer list (api/layer-model.ts), Conv2D networks too. Writing uses the same
 * Keras config and weights as the .h5 writer (hdf5/keras-layout.ts); reading is done by hand, so that any file (ours,
 * tfjs' or the converter's) is checked field by field (model-json.ts) before its weights files are read.
 */
import { randomBytes } from 'node:crypto';
import { lstat, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '../../fs/atomic-write';
import { megabytes, readRegularFile } from '../../fs/regular-file';
import { readSiblingFiles } from '../../fs/sibling-files';
import type { LayerModel, LayerSummary } from '../../api/layer-model';
import type { TrainedModel } from '../../api/model-spec';
import { kerasLayout, type KerasLayout } from '../hdf5/keras-layout';
import { kerasLayerSummary } from '../keras-config';
import { variableShapes, weightsOfVariables } from '../keras-weights';
import { asModelFileError, ModelFileError } from '../model-error';
import { modelJsonText, parseModelJson, WEIGHTS_FILE, type WeightSpec } from './model-json';

/** model.json holds the topology and the manifest; the weights are in the files it names. */
const MAX_MODEL_JSON_BYTES = 16 * 2 ** 20;

/**
 * The weights file's stem: model.json's name without ".json", with what the reading side refuses in a weights
 * name (sibling-files.ts: "%", ":", control characters, "..") replaced, so that what is written can be read.
 */
function weightsStem(modelJsonPath: string): string {
  return basename(modelJsonPath)
    .replace(/\.json$/i, '')
    .replace(/[%:\p{Cc}]/gu, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/\.$/, '');
}

/** The names this writer gives the weights of `<stem>.json`: `<stem>.weights.bin` or `<stem>.<8 hex>.weights.bin`. */
function isOwnWeightsName(stem: string, name: string): boolean {
  const escaped = stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped}(\\.[0-9a-f]{8})?\\.weights\\.bin$`).test(name);
}

/**
 * The weights files the model.json at `path` names now: none if there is no such file, null if it cannot be read
 * or parsed (then which files it needs is unknown, and none of them may be replaced).
 */
async function currentWeightsFiles(path: string): Promise<string[] | null> {
  try {
    const bytes = await readRegularFile(path, { maxBytes: MAX_MODEL_JSON_BYTES, tooLarge: 'too large' });
    return parseModelJson(Buffer.from(bytes).toString('utf8'), path).weightsFiles;
  } catch {
    const missing = await lstat(path).then(
      () => false,
      (error: NodeJS.ErrnoException) => error.code === 'ENOENT',
    );
    return missing ? [] : null;
  }
}

/**
 * Saves the pair so that a kill at any point leaves either the old pair or the new one, each complete: the new
 * weights go (atomically) to a file the current model.json does not name (`<stem>.weights.bin` unless it does,
 * else `<stem>.<8 hex>.weights.bin`); then model.json is renamed over the old one, naming that file: the single
 * commit point. Only then is the weights file the old model.json named removed, if this writer gave it its name;
 * nothing else is ever deleted.
 */
export async function saveModelToTfjsFile(model: LayerModel | TrainedModel, path: string): Promise<void> {
  let layout: KerasLayout;
  try {
    layout = kerasLayout(model);
  } catch (error) {
    throw new ModelFileError(path, `cannot build the TF.js model: ${(error as Error).message}`);
  }
  // tfjs names a weight after its layer and variable ('conv2d/kernel') and stores them back to back in that order.
  const variables = layout.layers.flatMap(({ layer, variables }) => variables.map((v) => ({ ...v, name: `${layer}/${v.name}` })));
  const weightSpecs: WeightSpec[] = variables.map(({ name, shape }) => ({ name, shape, dtype: 'float32' }));
  const weightData = Buffer.concat(variables.map(({ data }) => new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
  const stem = weightsStem(path);
  const oldNames = await currentWeightsFiles(path);
  const plainName = `${stem}.weights.bin`;
  // Compared without case: on a case-insensitive disk "Model.weights.bin" is the file "model.weights.bin". When the
  // current model.json cannot be read, the plain name may be in use: a fresh random name is taken then.
  const inUse = (name: string): boolean => (oldNames ?? [plainName]).some((old) => old.toLowerCase() === name.toLowerCase());
  let weightsName = plainName;
  while (inUse(weightsName)) weightsName = `${stem}.${randomBytes(4).toString('hex')}.weights.bin`;
  try {
    await writeFileAtomic(join(dirname(path), weightsName), weightData);
    await writeFileAtomic(path, modelJsonText(layout.config, weightSpecs, weightsName, model.compile));
  } catch (error) {
    throw new ModelFileError(path, `cannot write: ${(error as Error).message}`);
  }
  // The new pair is complete; the old weights file is no longer named by anything this writer wrote.
  for (const name of oldNames ?? []) {
    if (name.toLowerCase() !== weightsName.toLowerCase() && isOwnWeightsName(stem, name)) await rm(join(dirname(path), name), { force: true }).catch(() => undefined);
  }
}

/** Splits the weights files' bytes into the float32 arrays of the manifest, in order. */
function decodeWeights(path: string, weights: WeightSpec[], parts: Uint8Array[]): Float32Array[] {
  const bytes = Buffer.concat(parts);
  let offset = 0;
  return weights.map((entry) => {
    const length = 4 * entry.shape.reduce((a, b) => a * b, 1);
    if (offset + length > bytes.length) throw new ModelFileError(path, `weights file is too short for ${entry.name} ${JSON.stringify(entry.shape)}`);
    // A copy: a Float32Array needs an aligned offset of its own.
    const array = new Float32Array(bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + length));
    offset += length;
    return array;
  });
}

/** "conv2d/kernel", "sequential/conv2d/kernel:0": the layer and variable a manifest entry names. */
const variableKey = (name: string): string => name.replace(/:0$/, '').split('/').slice(-2).join('/');

/**
 * Each expected variable's manifest entry: the one named <layer>/<variable>, which is how tfjs matches them (tfjs
 * saves every layer's trainable weights first, the BatchNormalization moving statistics after them); when the names
 * do not tell, the manifest order, Keras' own.
 */
function manifestIndices(expected: ReadonlyArray<{ key: string }>, weights: readonly WeightSpec[]): number[] {
  const byName = new Map(weights.map(({ name }, i) => [variableKey(name), i]));
  const named = expected.map(({ key }) => byName.get(key));
  return byName.size === weights.length && named.every((i) => i !== undefined) ? (named as number[]) : expected.map((_, i) => i);
}

/** The manifest's arrays per layer with variables, checked against the layers: the variables of the config's shapes (keras-weights.ts). */
function layerArrays(path: string, rows: LayerSummary[], weights: WeightSpec[], arrays: Float32Array[]): Float32Array[][] {
  const expected = rows.flatMap((row) => variableShapes(row).map((variable) => ({ layer: row.layer, ...variable, key: `${row.layer.name}/${variable.name}` })));
  if (weights.length !== expected.length) {
    throw new ModelFileError(path, `expected ${expected.length} weight arrays (kernel and bias per Conv2D and Dense layer, the statistics of each BatchNormalization), found ${weights.length}`);
  }
  const indices = manifestIndices(expected, weights);
  indices.forEach((i, k) => {
    const [{ name, shape }, { layer, shape: needed }] = [weights[i], expected[k]];
    if (shape.length !== needed.length || shape.some((d, axis) => d !== needed[axis])) {
      throw new ModelFileError(path, `weights do not match the architecture: weight ${i + 1} (${name}) has shape [${shape.join(', ')}]; layer ${layer.name} needs [${needed.join(', ')}]`);
    }
  });
  let next = 0;
  return rows.map((row) => variableShapes(row).map(() => arrays[indices[next++]])).filter((found) => found.length > 0);
}

/** Any model of the layer list (api/layer-model.ts), Conv2D networks too. @throws ModelFileError */
export async function openModelFromTfjsFile(path: string): Promise<LayerModel> {
  const bytes = await asModelFileError(() =>
    readRegularFile(path, { maxBytes: MAX_MODEL_JSON_BYTES, tooLarge: `over ${megabytes(MAX_MODEL_JSON_BYTES)}; a model.json holds no weights and is far smaller` }),
  );
  const json = parseModelJson(Buffer.from(bytes).toString('utf8'), path);
  let rows: LayerSummary[];
  try {
    rows = kerasLayerSummary(json.modelTopology);
  } catch (error) {
    throw new ModelFileError(path, (error as Error).message);
  }
  const parts = await asModelFileError(() => readSiblingFiles(path, json.weightsFiles, WEIGHTS_FILE, json.weightBytes));
  const arrays = decodeWeights(path, json.weights, parts);
  const perLayer = layerArrays(path, rows, json.weights, arrays);
  return { layers: rows.map((row) => row.layer), ...weightsOfVariables(rows, perLayer), ...(json.compile ? { compile: json.compile } : {}) };
}
