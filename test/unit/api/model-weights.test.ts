/** A model on its way to the renderer (getModel): JSON-safe, and the same model again once decoded. */
import { describe, expect, it } from 'vitest';
import type { LayerModel } from '../../../src/core/api/layer-model';
import { decodeModel, encodeModel } from '../../../src/core/api/model-weights';
import { syntheticCnn } from '../../helpers/synthetic-cnn';

describe('encodeModel / decodeModel', () => {
  it('carries the layer list and every weight through JSON unchanged', () => {
    const model = syntheticCnn();
    const wire = JSON.parse(JSON.stringify(encodeModel('run-x', model)));
    expect(wire.id).toBe('run-x');
    expect(decodeModel(wire)).toEqual({ layers: model.layers, weights: model.weights });
  });

  it("carries a BatchNormalization layer's statistics, and none when the model has none", () => {
    const stats = (v: number) => Float32Array.from([v, v + 1]);
    const model: LayerModel = { ...syntheticCnn(), batchNorm: [{ gamma: stats(1), beta: stats(2), movingMean: stats(3), movingVariance: stats(4) }] };
    expect(decodeModel(JSON.parse(JSON.stringify(encodeModel('m', model)))).batchNorm).toEqual(model.batchNorm);
    expect(encodeModel('m', syntheticCnn())).not.toHaveProperty('batchNorm');
  });
});
