/**
 * Exports a model (a Dense-stack TrainedModel or any LayerModel, CNNs included) as a TFLite file plus its labels
 * file. Everything is checked and built in memory first, so a model the format cannot express leaves no file
 * behind; both files are written atomically.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { InputShape, LabelStyle, Quantization } from '../../api/export-options';
import type { LayerModel, LayerSpec } from '../../api/layer-model';
import type { TrainedModel } from '../../api/model-spec';
import { writeFileAtomic } from '../../fs/atomic-write';
import { ModelFileError } from '../model-error';
import { buildGraph, exportedLayers } from './graph';
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

/** A layer in the file's description, e.g. "Conv2D 32 3x3 valid relu"; null for Dropout, which the file leaves out. */
function layerText(layer: LayerSpec): string | null {
  switch (layer.type) {
    case 'InputLayer':
      return layer.shape.join('x');
    case 'Reshape':
      return `Reshape ${layer.targetShape.join('x')}`;
    case 'Conv2D':
      return `Conv2D ${layer.filters} ${layer.kernelSize.join('x')} ${layer.padding} ${layer.activation}`;
    case 'MaxPooling2D':
    case 'AveragePooling2D':
      return `${layer.type} ${layer.poolSize.join('x')} stride ${layer.strides.join('x')} ${layer.padding}`;
    case 'Flatten':
      return 'Flatten';
    case 'Dropout':
      return null;
    case 'Dense':
      return `Dense ${layer.units} ${layer.activation}`;
    case 'Activation':
      return `Activation ${layer.activation}`;
    case 'BatchNormalization':
      return 'BatchNormalization';
  }
}

/** "Digit Studio MNIST digit classifier: 784 → Dense 128 relu → Dense 10 softmax (float32 weights)" */
function describeModel(layers: readonly LayerSpec[], quantize: Quantization): string {
  return `Digit Studio MNIST digit classifier: ${layers.map(layerText).filter(Boolean).join(' → ')} (${WEIGHTS[quantize]})`;
}

/** The .tflite bytes of a model; throws a plain Error naming what TFLite cannot express. */
export function tfliteBytes(model: TrainedModel | LayerModel, options: Omit<TfliteExportOptions, 'labels'>): Uint8Array {
  const layerModel = exportedLayers(model);
  return serializeGraph(buildGraph(layerModel, options), describeModel(layerModel.layers, options.quantize));
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
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, bytes);
    await writeFileAtomic(labelsFile, labels);
  } catch (error) {
    throw new ModelFileError(path, `cannot write: ${(error as Error).message}`);
  }
  return { file: path, bytes, labelsFile, labelsBytes: Buffer.byteLength(labels), seconds: (performance.now() - started) / 1000 };
}
