/**
 * Exports a model (a Dense-stack TrainedModel or any LayerModel, CNNs included) as a TFLite file plus its labels
 * file. The .tflite carries TFLite Model Metadata (metadata.ts) and, appended as a stored zip, the same labels
 * (stored-zip.ts), so that mobile consumers find the labels inside the model; the plain labels file next to it
 * stays for apps that load it from their assets, and a README beside them says how to feed the model
 * (model-readme.ts), and on request a TensorFlow Lite for Microcontrollers C array of the same bytes (c-array.ts).
 * Everything is checked and built in memory first, so a model the format cannot express leaves no file behind;
 * each file is written atomically.
 */
import { mkdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { defaultInputType, LABEL_STYLES, type InputType, type LabelStyle } from '../../api/export-options';
import type { LayerModel } from '../../api/layer-model';
import { NUM_CLASSES, type TrainedModel } from '../../api/model-spec';
import { writeFileAtomic } from '../../fs/atomic-write';
import { ModelFileError } from '../model-error';
import { cArrayFiles } from './c-array';
import { buildGraph, exportedLayers, type GraphOptions } from './graph';
import { labelNames, labelsPathFor, labelsText } from './labels';
import { LABELS_FILE, modelMetadataBytes } from './metadata';
import { describeForMetadata, describeModel, type ModelFacts } from './model-description';
import { modelReadme, readmePathFor } from './model-readme';
import { serializeGraph } from './serialize';
import { appendStoredZip } from './stored-zip';

/** A file variant: weights, input form, the labels it embeds (default words) and what is known about the model. */
export interface TfliteVariant extends GraphOptions {
  labels?: LabelStyle;
  about?: ModelFacts;
}

export interface TfliteExportOptions extends TfliteVariant {
  labels: LabelStyle;
  /** Also write <name>.cc and <name>.h (TensorFlow Lite for Microcontrollers). */
  cArray?: boolean;
}

export interface TfliteExport {
  file: string;
  bytes: Uint8Array;
  labelsFile: string;
  labelsBytes: number;
  readmeFile: string;
  /** The .cc and .h, when asked for. */
  cArrayFiles: string[];
  seconds: number;
}

const METADATA_VERSION = '1';

/** The .tflite bytes of a model, metadata and labels zip included; throws a plain Error naming what TFLite cannot express. */
export function tfliteBytes(model: TrainedModel | LayerModel, chosen: TfliteVariant): Uint8Array {
  const layerModel = exportedLayers(model);
  const variant = { ...chosen, inputType: inputTypeOf(chosen) };
  const { quantize, about = {} } = variant;
  const metadata = modelMetadataBytes({
    name: about.name ?? 'MNIST digit classifier',
    description: describeForMetadata(layerModel.layers, quantize, variant, model.compile, about),
    version: METADATA_VERSION,
    input: variant,
    classes: NUM_CLASSES,
  });
  const flatbuffer = serializeGraph(buildGraph(layerModel, variant), describeModel(layerModel.layers, quantize), metadata);
  const labels = new TextEncoder().encode(labelsText(variant.labels ?? LABEL_STYLES[0]));
  return appendStoredZip(flatbuffer, [{ name: LABELS_FILE, data: labels }]);
}

/** The input tensor's type: the chosen one, or the quantization's default. */
function inputTypeOf({ inputType, quantize }: GraphOptions): InputType {
  return inputType ?? defaultInputType(quantize);
}

/** The README that goes with the file `modelFile` and its labels file `labelsFile` (names as the user gets them). */
export function tfliteReadme(model: TrainedModel | LayerModel, files: { modelFile: string; labelsFile: string }, options: TfliteExportOptions): string {
  const description = describeModel(exportedLayers(model).layers, options.quantize);
  const inputType = inputTypeOf(options);
  // A full-integer file's output has its input's type; every other file gives float32 probabilities.
  const outputType = options.quantize === 'int8-full' ? inputType : 'float32';
  return modelReadme({ ...files, labels: labelNames(options.labels), description, input: { ...options, inputType }, outputType });
}

export async function exportTflite(model: TrainedModel | LayerModel, path: string, options: TfliteExportOptions): Promise<TfliteExport> {
  const started = performance.now();
  let bytes: Uint8Array;
  try {
    bytes = tfliteBytes(model, options);
  } catch (error) {
    throw new ModelFileError(path, (error as Error).message);
  }
  const labelsFile = labelsPathFor(path);
  const labels = labelsText(options.labels);
  const readmeFile = readmePathFor(path);
  const readme = tfliteReadme(model, { modelFile: basename(path), labelsFile: basename(labelsFile) }, options);
  const cArray = options.cArray ? cArrayFiles(bytes, path) : null;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, bytes);
    await writeFileAtomic(labelsFile, labels);
    await writeFileAtomic(readmeFile, readme);
    if (cArray) {
      await writeFileAtomic(cArray.headerFile, cArray.header);
      await writeFileAtomic(cArray.sourceFile, cArray.source);
    }
  } catch (error) {
    throw new ModelFileError(path, `cannot write: ${(error as Error).message}`);
  }
  const cFiles = cArray ? [cArray.sourceFile, cArray.headerFile] : [];
  return { file: path, bytes, labelsFile, labelsBytes: Buffer.byteLength(labels), readmeFile, cArrayFiles: cFiles, seconds: (performance.now() - started) / 1000 };
}
