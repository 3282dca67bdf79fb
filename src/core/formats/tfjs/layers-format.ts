/**
 * TF.js layers format (model.json + a .weights.bin file), the format tf.loadLayersModel() and the
 * tensorflowjs converter use. Writing goes through tfjs's own serializer; reading is done by hand, so that any
 * file (ours or the converter's) is checked field by field (model-json.ts) before its weights files are read.
 */
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

function weightsFileName(modelJsonPath: string): string {
  return `${basename(modelJsonPath).replace(/\.json$/i, '')}.weights.bin`;
}

/** Saves atomically: the weights file first, then model.json, each via temp file + rename. */
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
  const weightsName = weightsFileName(path);
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
}

/** model.json holds the topology and the manifest; the weights are in the files it names. */
const MAX_MODEL_JSON_BYTES = 16 * 2 ** 20;

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
