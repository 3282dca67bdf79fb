/**
 * A small CNN with deterministic weights that uses every layer and option the TFLite export writes: 28x28 input →
 * Reshape → Conv2D 5x5 same tanh → AveragePooling2D 3x3/2 same → Conv2D 3x3 valid sigmoid → MaxPooling2D 3x3/3 →
 * Conv2D 3x3 same linear (2,592 weights: int8 in the int8 variant) → Activation relu → MaxPooling2D 2x2/1 same →
 * Flatten → Dropout → Dense 32 relu → Dense 10 linear → Activation softmax.
 */
import type { LayerModel, LayerSpec } from '../../src/core/api/layer-model';
import { randomLayerModel } from './layer-models';

export const SYNTHETIC_CNN_LAYERS: LayerSpec[] = [
  { type: 'InputLayer', name: 'input_layer', shape: [28, 28] },
  { type: 'Reshape', name: 'reshape', targetShape: [28, 28, 1] },
  { type: 'Conv2D', name: 'conv2d', filters: 4, kernelSize: [5, 5], padding: 'same', activation: 'tanh' },
  { type: 'AveragePooling2D', name: 'average_pooling2d', poolSize: [3, 3], strides: [2, 2], padding: 'same' },
  { type: 'Conv2D', name: 'conv2d_1', filters: 6, kernelSize: [3, 3], padding: 'valid', activation: 'sigmoid' },
  { type: 'MaxPooling2D', name: 'max_pooling2d', poolSize: [3, 3], strides: [3, 3], padding: 'valid' },
  { type: 'Conv2D', name: 'conv2d_2', filters: 48, kernelSize: [3, 3], padding: 'same', activation: 'linear' },
  { type: 'Activation', name: 'activation', activation: 'relu' },
  { type: 'MaxPooling2D', name: 'max_pooling2d_1', poolSize: [2, 2], strides: [1, 1], padding: 'same' },
  { type: 'Flatten', name: 'flatten' },
  { type: 'Dropout', name: 'dropout', rate: 0.5 },
  { type: 'Dense', name: 'dense', units: 32, activation: 'relu' },
  { type: 'Dense', name: 'dense_1', units: 10, activation: 'linear' },
  { type: 'Activation', name: 'activation_1', activation: 'softmax' },
];

/** The layers above with seeded glorot-uniform weights. */
export const syntheticCnn = (): LayerModel => randomLayerModel(SYNTHETIC_CNN_LAYERS, 17);
