/**
 * Exports a trained model as a TFLite file plus its labels file. Everything is checked and built in memory
 * first, so a model the format cannot express leaves no file behind; both files are written atomically.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { InputShape, LabelStyle, Quantization } from '../../api/export-options';
import { layerShapes, type TrainedModel } from '../../api/model-spec';
import { writeFileAtomic } from '../../fs/atomic-write';
import { ModelFileError } from '../model-error';
import { buildGraph } from './graph';
import { labelsPathFor, labelsText } from './labels';
import { serializeGraph } from './serialize';

export interface TfliteExportOptions {
  quantize: Quantization;
  inputShape: InputShape;
  labels: LabelStyle;
}

export interface TfliteExport {
  file: string;
  bytes: Uint8Array;
  labelsFile: string;
  labelsBytes: number;
  seconds: number;
}

const WEIGHTS: Record<Quantization, string> = { none: 'float32 weights', float16: 'float16 weights', int8: 'int8 dynamic-range weights' };

function describeModel(model: TrainedModel, quantize: Quantization): string {
  const layers = layerShapes(model.spec).map(([, units], i) => `${units} ${model.spec.layers[i].activation}`);
  return `Digit Studio MNIST digit classifier: ${model.spec.inputSize} → Dense ${layers.join(' → Dense ')} (${WEIGHTS[quantize]})`;
}

/** The .tflite bytes of a model; throws a plain Error naming what TFLite cannot express. */
export function tfliteBytes(model: TrainedModel, options: Omit<TfliteExportOptions, 'labels'>): Uint8Array {
  return serializeGraph(buildGraph(model, options), describeModel(model, options.quantize));
}

export async function exportTflite(model: TrainedModel, path: string, options: TfliteExportOptions): Promise<TfliteExport> {
  const started = performance.now();
  let bytes: Uint8Array;
  try {
    bytes = tfliteBytes(model, options);
  } catch (error) {
    throw new ModelFileError(path, (error as Error).message);
  }
  const labelsFile = labelsPathFor(path);
  const labels = labelsText(options.labels);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, bytes);
    await writeFileAtomic(labelsFile, labels);
  } catch (error) {
    throw new ModelFileError(path, `cannot write: ${(error as Error).message}`);
  }
  return { file: path, bytes, labelsFile, labelsBytes: Buffer.byteLength(labels), seconds: (performance.now() - started) / 1000 };
}
