/** How the app words a model's layers (the model cards, the start-model check) and Keras' summary of them. */
import { describe, expect, it } from 'vitest';
import { cnnLayers, KERAS_CNN } from '../../../src/core/api/architecture';
import { denseLayers, type LayerSpec } from '../../../src/core/api/layer-model';
import { mlpSpec } from '../../../src/core/api/model-spec';
import { describeModel, modelSummary } from '../../../src/core/api/model-summary';
import { SYNTHETIC_CNN_LAYERS } from '../../helpers/synthetic-cnn';

const input = (shape: number[]): LayerSpec => ({ type: 'InputLayer', name: 'input', shape });
const dense = (name: string, units: number, activation: 'relu' | 'softmax' | 'linear'): LayerSpec => ({ type: 'Dense', name, units, activation });

describe('describeModel', () => {
  it('words a Dense stack as the app always did, whatever its input layout, Flatten and Dropout', () => {
    expect(describeModel(denseLayers(mlpSpec([128, 128])))).toBe('784 → 128 relu → 128 relu → 10 softmax');
    const keras: LayerSpec[] = [input([28, 28]), { type: 'Flatten', name: 'flatten' }, dense('dense', 128, 'relu'), { type: 'Dropout', name: 'dropout', rate: 0.2 }, dense('dense_1', 10, 'softmax')];
    expect(describeModel(keras)).toBe('784 → 128 relu → 10 softmax');
  });

  it('lists a Dense stack layer by layer where the Dense-only words cannot say it (an Activation after a relu Dense)', () => {
    const layers = [input([784]), dense('dense', 128, 'relu'), { type: 'Activation', name: 'activation', activation: 'relu' } as const, dense('dense_1', 10, 'softmax')];
    expect(describeModel(layers)).toBe('Dense 128 relu → Activation relu → Dense 10 softmax');
  });

  it("words keras.io's CNN, and every layer option, leaving out the layers that only lay out the 784 inputs", () => {
    expect(describeModel(cnnLayers(KERAS_CNN))).toBe('Conv2D 32 3×3 relu → MaxPooling2D 2×2 → Conv2D 64 3×3 relu → MaxPooling2D 2×2 → Flatten → Dropout 0.5 → Dense 10 softmax');
    expect(describeModel(SYNTHETIC_CNN_LAYERS)).toBe(
      'Conv2D 4 5×5 same tanh → AveragePooling2D 3×3 stride 2×2 same → Conv2D 6 3×3 sigmoid → MaxPooling2D 3×3 → Conv2D 48 3×3 same linear → ' +
        'Activation relu → MaxPooling2D 2×2 stride 1×1 same → Flatten → Dropout 0.5 → Dense 32 relu → Dense 10 linear → Activation softmax',
    );
    expect(describeModel([input([28, 28, 1]), { type: 'Reshape', name: 'reshape', targetShape: [784] }, dense('dense', 10, 'softmax')])).toBe('Reshape 784 → Dense 10 softmax');
  });

  it('names a layer without bias and a BatchNormalization layer (Keras models the app runs but does not train)', () => {
    const layers: LayerSpec[] = [
      input([28, 28, 1]),
      { type: 'Conv2D', name: 'conv2d', filters: 8, kernelSize: [3, 3], padding: 'valid', activation: 'linear', useBias: false },
      { type: 'BatchNormalization', name: 'batch_normalization', axis: -1, epsilon: 0.001, center: true, scale: true },
      { type: 'Flatten', name: 'flatten' },
      dense('dense', 10, 'softmax'),
    ];
    expect(describeModel(layers)).toBe('Conv2D 8 3×3 linear no bias → BatchNormalization → Flatten → Dense 10 softmax');
    expect(describeModel([input([784]), { type: 'Dense', name: 'dense', units: 10, activation: 'softmax', useBias: false }])).toBe('Dense 10 softmax no bias');
  });
});

describe('modelSummary', () => {
  it("gives Keras' model.summary(): the input shape, every layer after it with output shape and params, the total", () => {
    const summary = modelSummary(SYNTHETIC_CNN_LAYERS);
    expect(summary.inputShape).toEqual([28, 28]);
    expect(summary.layers.map((row) => row.type)).toEqual(SYNTHETIC_CNN_LAYERS.slice(1).map((layer) => layer.type));
    expect(summary.layers[0]).toEqual({ name: 'reshape', type: 'Reshape', outputShape: [28, 28, 1], params: 0 });
    // 5×5×1×4 + 4 = 104 weights in the first Conv2D, 27,904 in all (as real Keras counts them: cnn-h5-keras.test.ts).
    expect(summary.layers[1]).toEqual({ name: 'conv2d', type: 'Conv2D', outputShape: [28, 28, 4], params: 104 });
    expect(summary.params).toBe(27_904);
  });

  it('refuses a layer list that is not a digit model, in one line', () => {
    expect(() => modelSummary([input([784]), dense('dense', 5, 'softmax')])).toThrow(/^the model must end in 10 softmax outputs for digits; it ends in \[5\] softmax$/);
  });
});
