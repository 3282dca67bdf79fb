import { summarizeLayers, type LayerModel, type LayerSpec } from '../../src/core/api/layer-model';
import type { CompileInfo } from '../../src/core/api/model-spec';
import { createRng } from '../../src/core/training/rng';

/**
 * The layers with seeded Keras glorot_uniform kernels (uniform in ±sqrt(6 / (fan_in + fan_out)), a Conv2D's fans
 * counting its kernel window) and small random biases: not zero, so that a bias written to the wrong place shows.
 */
export function randomLayerModel(layers: LayerSpec[], seed: number, compile?: CompileInfo): LayerModel {
  const random = createRng(seed);
  const weights = summarizeLayers(layers).flatMap(({ kernelShape }) => {
    if (!kernelShape) return [];
    const [inputs, units] = kernelShape.slice(-2);
    const size = kernelShape.reduce((a, b) => a * b, 1);
    const limit = Math.sqrt(6 / (size / units + size / inputs)); // fan_in = size / units, fan_out = size / inputs
    return [{ kernel: Float32Array.from({ length: size }, () => (2 * random() - 1) * limit), bias: Float32Array.from({ length: units }, () => (random() - 0.5) * 0.2) }];
  });
  return { layers, weights, ...(compile ? { compile } : {}) };
}
