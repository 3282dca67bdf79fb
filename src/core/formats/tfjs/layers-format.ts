/**
 * TF.js layers format (model.json + a .weights.bin file), the format tf.loadLayersModel() and the
 * tensorflowjs converter use. Writing goes through tfjs's own serializer; reading is done by hand, so that any
 * file (ours or the converter's) is checked field by field (model-json.ts) before its weights files are read.
 */
import { randomBytes } from 'node:crypto';
import { lstat, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { io } from '@tensorflow/tfjs';
import { writeFileAtomic } from '../../fs/atomic-write';
import { megabytes, readRegularFile } from '../../fs/regular-file';
import { readSiblingFiles } from '../../fs/sibling-files';
import { GENERATED_BY } from '../../api/keras-names';
import { checkWeights, type DenseLayerSpec, type DenseWeights, type TrainedModel } from '../../api/model-spec';
import { toTfModel } from '../../tfjs/model';
import { loadBackend } from '../../tfjs/load';
import { asModelFileError, ModelFileError } from '../model-error';
import { denseLayersFromKerasConfig } from '../keras-config';
import { parseModelJson, WEIGHTS_FILE, type WeightSpec } from './model-json';

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
export async function saveModelToTfjsFile(model: TrainedModel, path: string): Promise<void> {
  const { tf } = await loadBackend('cpu');
  const tfModel = toTfModel(tf, model);
  let artifacts: io.ModelArtifacts | undefined;
  await tfModel.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  tfModel.dispose();
  if (!artifacts?.weightSpecs || !artifacts.weightData) throw new ModelFileError(path, 'tfjs produced no weights');
  const stem = weightsStem(path);
  const oldNames = await currentWeightsFiles(path);
  const plainName = `${stem}.weights.bin`;
  // Compared without case: on a case-insensitive disk "Model.weights.bin" is the file "model.weights.bin". When the
  // current model.json cannot be read, the plain name may be in use: a fresh random name is taken then.
  const inUse = (name: string): boolean => (oldNames ?? [plainName]).some((old) => old.toLowerCase() === name.toLowerCase());
  let weightsName = plainName;
  while (inUse(weightsName)) weightsName = `${stem}.${randomBytes(4).toString('hex')}.weights.bin`;
  const weightData = tf.io.CompositeArrayBuffer.join(artifacts.weightData);
  const modelJson = {
    format: 'layers-model',
    generatedBy: GENERATED_BY,
    convertedBy: null,
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: [`./${weightsName}`], weights: artifacts.weightSpecs }],
    userDefinedMetadata: model.compile ? { compile: model.compile } : undefined,
  };
  try {
    await writeFileAtomic(join(dirname(path), weightsName), new Uint8Array(weightData));
    await writeFileAtomic(path, JSON.stringify(modelJson));
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

export async function loadModelFromTfjsFile(path: string): Promise<TrainedModel> {
  const bytes = await asModelFileError(() =>
    readRegularFile(path, { maxBytes: MAX_MODEL_JSON_BYTES, tooLarge: `over ${megabytes(MAX_MODEL_JSON_BYTES)}; a model.json holds no weights and is far smaller` }),
  );
  const json = parseModelJson(Buffer.from(bytes).toString('utf8'), path);
  let layers: DenseLayerSpec[];
  let inputSize: number;
  try {
    ({ layers, inputSize } = denseLayersFromKerasConfig(json.modelTopology));
  } catch (error) {
    throw new ModelFileError(path, (error as Error).message);
  }
  const parts = await asModelFileError(() => readSiblingFiles(path, json.weightsFiles, WEIGHTS_FILE, json.weightBytes));
  const arrays = decodeWeights(path, json.weights, parts);
  if (arrays.length !== layers.length * 2) throw new ModelFileError(path, `expected ${layers.length * 2} weight arrays (kernel and bias per Dense layer), found ${arrays.length}`);
  const weights: DenseWeights[] = layers.map((_, i) => ({ kernel: arrays[2 * i], bias: arrays[2 * i + 1] }));
  const spec = { inputSize, layers };
  try {
    checkWeights(spec, weights);
  } catch (error) {
    throw new ModelFileError(path, `weights do not match the architecture: ${(error as Error).message}`);
  }
  return { spec, weights, ...(json.compile ? { compile: json.compile } : {}) };
}
