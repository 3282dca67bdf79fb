/**
 * TF.js layers format (model.json + a .weights.bin file), the format tf.loadLayersModel() and the
 * tensorflowjs converter use. Writing goes through tfjs's own serializer; reading is done here, by hand,
 * so that any file (ours or the converter's) is checked field by field before use.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { io } from '@tensorflow/tfjs';
import { writeFileAtomic } from '../../fs/atomic-write';
import { checkWeights, type CompileInfo, type DenseLayerSpec, type DenseWeights, type TrainedModel } from '../../model/spec';
import { toTfModel } from '../../model/tfjs';
import { loadBackend } from '../../training/backend';
import { ModelFileError } from '../model-error';
import { denseLayersFromKerasConfig } from '../keras-config';

const GENERATED_BY = 'Digit Studio';

function weightsFileName(modelJsonPath: string): string {
  return `${basename(modelJsonPath).replace(/\.json$/i, '')}.weights.bin`;
}

/** Saves atomically: the weights file first, then model.json, each via temp file + rename. */
export async function saveTfjsModel(model: TrainedModel, path: string): Promise<void> {
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

interface WeightEntry {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: unknown;
}

function parseJson(text: string, path: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new ModelFileError(path, 'not a TF.js model.json (not a JSON object)');
}

async function readWeightBytes(path: string, manifest: unknown): Promise<{ entries: WeightEntry[]; bytes: Uint8Array }> {
  if (!Array.isArray(manifest) || manifest.length === 0) throw new ModelFileError(path, 'weightsManifest is missing');
  const entries: WeightEntry[] = [];
  const parts: Uint8Array[] = [];
  for (const group of manifest as Array<{ paths?: unknown; weights?: unknown }>) {
    if (!Array.isArray(group.paths) || !Array.isArray(group.weights)) throw new ModelFileError(path, 'weightsManifest entry without paths or weights');
    entries.push(...(group.weights as WeightEntry[]));
    for (const shard of group.paths) {
      const shardPath = join(dirname(path), String(shard));
      try {
        parts.push(await readFile(shardPath));
      } catch (error) {
        throw new ModelFileError(path, `cannot read weights file ${shardPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    }
  }
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return { entries, bytes };
}

/** Reads the float32 weight arrays in manifest order, checking every size against the file. */
function decodeWeights(path: string, entries: WeightEntry[], bytes: Uint8Array): Float32Array[] {
  const arrays: Float32Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    if (entry.dtype !== 'float32' || entry.quantization) {
      throw new ModelFileError(path, `weight ${entry.name} is ${entry.quantization ? 'quantized' : entry.dtype}; only float32 weights are supported`);
    }
    const count = entry.shape.reduce((a, b) => a * b, 1);
    if (!Number.isSafeInteger(count) || offset + count * 4 > bytes.length) {
      throw new ModelFileError(path, `weights file is too short for ${entry.name} ${JSON.stringify(entry.shape)}`);
    }
    arrays.push(new Float32Array(bytes.slice(offset, offset + count * 4).buffer));
    offset += count * 4;
  }
  if (offset !== bytes.length) throw new ModelFileError(path, `weights file has ${bytes.length - offset} unexpected extra bytes`);
  return arrays;
}

export async function loadTfjsModel(path: string): Promise<TrainedModel> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ModelFileError(path, `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const json = parseJson(text, path);
  let layers: DenseLayerSpec[];
  let inputSize: number;
  try {
    ({ layers, inputSize } = denseLayersFromKerasConfig(json.modelTopology));
  } catch (error) {
    throw new ModelFileError(path, (error as Error).message);
  }
  const { entries, bytes } = await readWeightBytes(path, json.weightsManifest);
  const arrays = decodeWeights(path, entries, bytes);
  if (arrays.length !== layers.length * 2) throw new ModelFileError(path, `expected ${layers.length * 2} weight arrays (kernel and bias per Dense layer), found ${arrays.length}`);
  const weights: DenseWeights[] = layers.map((_, i) => ({ kernel: arrays[2 * i], bias: arrays[2 * i + 1] }));
  const spec = { inputSize, layers };
  try {
    checkWeights(spec, weights);
  } catch (error) {
    throw new ModelFileError(path, `weights do not match the architecture: ${(error as Error).message}`);
  }
  const metadata = json.userDefinedMetadata as { compile?: CompileInfo } | undefined;
  return { spec, weights, compile: metadata?.compile };
}
