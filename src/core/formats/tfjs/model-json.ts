/**
 * A TF.js model.json both ways. Reading checks the parts Digit Studio uses before anything is done with them: the
 * weights manifest (one group, plain file names next to the model.json, float32 weights whose total size is known
 * before any weights file is opened) and Digit Studio's own compile metadata, which is validated because it is later
 * written into every .h5 download of the model. Writing puts the Keras config in modelTopology the way the
 * tensorflowjs converter does for a Keras model ({keras_version, backend, model_config}), which tf.loadLayersModel
 * reads like its own.
 */
import { z } from 'zod';
import { megabytes } from '../../fs/regular-file';
import { siblingFileName } from '../../fs/sibling-files';
import { GENERATED_BY } from '../../api/keras-names';
import { OPTIMIZERS, type CompileInfo } from '../../api/model-spec';
import { KERAS_BACKEND, KERAS_VERSION } from '../hdf5/keras-layout';
import type { ModelSerialization, ModelTopology } from '../keras-format';
import { asModelFileError, ModelFileError } from '../model-error';

/** 64 M float32 parameters: far beyond any digit model, the same bound as the .h5 reader's. */
const MAX_WEIGHT_BYTES = 256 * 2 ** 20;
/** The tensorflowjs converter splits weights into 4 MB shards: 64 of them already hold the limit above. */
const MAX_WEIGHTS_FILES = 64;
const MAX_RANK = 8;

export const WEIGHTS_FILE = 'weights file';

const weightSpecSchema = z.object({
  name: z.string().max(1000),
  shape: z.array(z.number().int().nonnegative()).max(MAX_RANK),
  dtype: z.string(),
  quantization: z.unknown().optional(),
});

const manifestGroupSchema = z.object({
  paths: z.array(z.unknown()).min(1).max(MAX_WEIGHTS_FILES),
  weights: z.array(weightSpecSchema),
});

/** The compile settings Digit Studio writes; the bounds are those of a training run's settings (api/train-config). */
const compileSchema = z.object({
  optimizer: z.enum(OPTIMIZERS),
  learningRate: z.number().positive().max(1e9),
  momentum: z.number().min(0).lt(1).optional(),
  loss: z.literal('categorical_crossentropy'),
}) satisfies z.ZodType<CompileInfo>;

/** Other tools' metadata is left alone; only the compile entry is read. */
const userMetadataSchema = z.object({ compile: compileSchema.optional() }).optional();

export type WeightSpec = z.infer<typeof weightSpecSchema>;

export interface ModelJson {
  modelTopology: unknown;
  weights: WeightSpec[];
  /** The weights files' plain names, in manifest order. */
  weightsFiles: string[];
  /** What the weights files hold together: 4 bytes per float32 value. */
  weightBytes: number;
  compile?: CompileInfo;
}

function jsonObject(text: string, file: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new ModelFileError(file, 'not a TF.js model.json (not a JSON object)');
}

/** The value, or a one-line ModelFileError naming the first field that does not fit. */
function checked<T>(schema: z.ZodType<T>, value: unknown, field: string, file: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ModelFileError(file, `${[field, ...issue.path].join('.')}: ${issue.message}`);
}

function weightBytes(file: string, weights: WeightSpec[]): number {
  let total = 0;
  for (const { name, shape, dtype, quantization } of weights) {
    if (dtype !== 'float32' || quantization) throw new ModelFileError(file, `weight ${name} is ${quantization ? 'quantized' : dtype}; only float32 weights are supported`);
    total += 4 * shape.reduce((a, b) => a * b, 1);
    if (total > MAX_WEIGHT_BYTES) throw new ModelFileError(file, `the weights manifest declares more than ${megabytes(MAX_WEIGHT_BYTES)} of weights, more than Digit Studio can hold`);
  }
  return total;
}

/** Parses and checks a model.json's text; `file` names it in errors. @throws ModelFileError */
export function parseModelJson(text: string, file: string): ModelJson {
  const json = jsonObject(text, file);
  const manifest = json.weightsManifest;
  if (!Array.isArray(manifest) || manifest.length === 0) throw new ModelFileError(file, 'weightsManifest is missing');
  if (manifest.length > 1) {
    throw new ModelFileError(file, `weightsManifest has ${manifest.length} groups; Digit Studio reads one (as tfjs and the tensorflowjs converter write it)`);
  }
  const group = checked(manifestGroupSchema, manifest[0], 'weightsManifest.0', file);
  const weightsFiles = asModelFileError(() => group.paths.map((name) => siblingFileName(file, name, WEIGHTS_FILE)));
  const metadata = checked(userMetadataSchema, json.userDefinedMetadata, 'userDefinedMetadata', file);
  return {
    modelTopology: json.modelTopology,
    weights: group.weights,
    weightsFiles,
    weightBytes: weightBytes(file, group.weights),
    ...(metadata?.compile ? { compile: metadata.compile } : {}),
  };
}

/** The text of a model.json whose weights, in manifest order, are all in the file `weightsFile` beside it. */
export function modelJsonText(config: ModelSerialization, weights: WeightSpec[], weightsFile: string, compile?: CompileInfo): string {
  const modelTopology: ModelTopology = { keras_version: KERAS_VERSION, backend: KERAS_BACKEND, model_config: config };
  return JSON.stringify({
    format: 'layers-model',
    generatedBy: GENERATED_BY,
    convertedBy: null,
    modelTopology,
    weightsManifest: [{ paths: [`./${weightsFile}`], weights }],
    userDefinedMetadata: compile ? { compile } : undefined,
  });
}
