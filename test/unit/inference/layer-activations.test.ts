/**
 * Every layer's output for one input (the Network page's view of a drawing): a hand-made CNN whose activations are
 * worked out by hand, and the bundled models, whose last layer must say what their predictor says.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LayerModel, LayerSpec } from '../../../src/core/api/layer-model';
import { openModelFile } from '../../../src/core/formats/model-file';
import { createPredictor } from '../../../src/core/inference/forward';
import { createActivationTracer } from '../../../src/core/inference/layer-activations';

const bundled = (name: string): Promise<LayerModel> => openModelFile(fileURLToPath(new URL(`../../../resources/models/${name}.json`, import.meta.url)));

/** Conv2D 1×1 (×2, bias −0.5, relu) → MaxPooling2D 2×2 → Flatten → Dense 10 softmax with zero weights. */
function handMadeCnn(): LayerModel {
  const layers: LayerSpec[] = [
    { type: 'InputLayer', name: 'input_layer', shape: [28, 28, 1] },
    { type: 'Conv2D', name: 'conv2d', filters: 1, kernelSize: [1, 1], padding: 'valid', activation: 'relu' },
    { type: 'MaxPooling2D', name: 'max_pooling2d', poolSize: [2, 2], strides: [2, 2], padding: 'valid' },
    { type: 'Flatten', name: 'flatten' },
    { type: 'Dropout', name: 'dropout', rate: 0.5 },
    { type: 'Dense', name: 'dense', units: 10, activation: 'softmax' },
  ];
  return { layers, weights: [{ kernel: Float32Array.from([2]), bias: Float32Array.from([-0.5]) }, { kernel: new Float32Array(196 * 10), bias: new Float32Array(10) }] };
}

describe('createActivationTracer', () => {
  it('gives each computing layer its output and shape, and skips the layers that only pass values on', () => {
    const input = new Float32Array(784);
    input[0] = 1; // → relu(2 − 0.5) = 1.5
    input[1] = 0.1; // → relu(0.2 − 0.5) = 0
    input[29 * 2] = 0.5; // pixel (2, 2) → relu(1 − 0.5) = 0.5, pooled into (1, 1)
    const [conv, pool, dense, ...rest] = createActivationTracer(handMadeCnn())(input);
    expect(rest).toEqual([]);
    expect([conv.name, conv.type, conv.shape]).toEqual(['conv2d', 'Conv2D', [28, 28, 1]]);
    expect([conv.values[0], conv.values[1], conv.values[58]]).toEqual([1.5, 0, 0.5]);
    expect(conv.values.reduce((a, b) => a + b, 0)).toBe(2);
    expect([pool.name, pool.shape]).toEqual(['max_pooling2d', [14, 14, 1]]);
    expect([pool.values[0], pool.values[15]]).toEqual([1.5, 0.5]);
    expect(pool.values.reduce((a, b) => a + b, 0)).toBe(2);
    expect([dense.name, dense.shape]).toEqual(['dense', [10]]);
    for (const p of dense.values) expect(p).toBeCloseTo(0.1, 6);
  });

  it("keeps each call's outputs: a second input does not overwrite the first answer", () => {
    const trace = createActivationTracer(handMadeCnn());
    const one = new Float32Array(784).fill(1);
    const first = [...trace(one)];
    const second = [...trace(new Float32Array(784))];
    expect(first[0].values[100]).toBe(1.5);
    expect(second[0].values[100]).toBe(0);
  });

  it("ends, for the bundled MLP and CNN, in their predictor's probabilities", async () => {
    // A plus sign, drawn on the 28×28 grid.
    const input = new Float32Array(784);
    for (let i = 6; i < 22; i++) input[14 * 28 + i] = input[i * 28 + 14] = 1;
    for (const name of ['digit-mlp', 'digit-cnn']) {
      const model = await bundled(name);
      const layers = [...createActivationTracer(model)(input)];
      expect(layers.at(-1)!.values).toEqual(createPredictor(model)(input));
    }
    const mlp = [...createActivationTracer(await bundled('digit-mlp'))(input)];
    expect(mlp.map((layer) => [layer.name, layer.shape])).toEqual([['dense', [256]], ['dense_1', [256]], ['dense_2', [10]]]);
  });
});
