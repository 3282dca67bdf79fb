/**
 * A model's layers as the app shows them: one line ("784 → 128 relu → 10 softmax" for a Dense stack, "Conv2D 32 3×3
 * relu → MaxPooling2D 2×2 → … → Dense 10 softmax" otherwise) and the rows of Keras' model.summary(). The one line
 * is also what a start model must share with a run's settings (training/fine-tune.ts, the Train page), so it leaves
 * out what does not change the weights: the input layer and a Reshape to the 28×28×1 image, which only lay out the
 * same 784 values.
 */
import { DENSE_STACK_TYPES, denseStackOf, summarizeLayers, totalParams, type LayerSpec, type Shape } from './layer-model';
import { describeLayers } from './model-spec';

/** One row of Keras' model.summary(). */
export interface LayerRow {
  name: string;
  type: LayerSpec['type'];
  /** Without the batch dimension: [26, 26, 32], [10]. */
  outputShape: number[];
  params: number;
}

/** What Keras' model.summary() shows: the input shape, then every layer after the input layer. */
export interface ModelSummary {
  inputShape: number[];
  layers: LayerRow[];
  /** Total params. */
  params: number;
}

const dims = (shape: Shape): string => shape.join('×');
const isImage = (shape: Shape): boolean => dims(shape) === '28×28×1';
const noBias = (layer: { useBias?: boolean }): string => (layer.useBias === false ? ' no bias' : '');

/** A layer in the one line, or null for one that only lays out the input. */
function layerText(layer: LayerSpec): string | null {
  switch (layer.type) {
    case 'InputLayer':
      return null;
    case 'Reshape':
      return isImage(layer.targetShape) ? null : `Reshape ${dims(layer.targetShape)}`;
    case 'Conv2D':
      return `Conv2D ${layer.filters} ${dims(layer.kernelSize)}${layer.padding === 'same' ? ' same' : ''} ${layer.activation}${noBias(layer)}`;
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const stride = dims(layer.strides) === dims(layer.poolSize) ? '' : ` stride ${dims(layer.strides)}`;
      return `${layer.type} ${dims(layer.poolSize)}${stride}${layer.padding === 'same' ? ' same' : ''}`;
    }
    case 'Flatten':
      return 'Flatten';
    case 'Dropout':
      return `Dropout ${layer.rate}`;
    case 'Dense':
      return `Dense ${layer.units} ${layer.activation}${noBias(layer)}`;
    case 'Activation':
      return `Activation ${layer.activation}`;
    case 'BatchNormalization':
      return 'BatchNormalization';
  }
}

/** A Dense stack (Flatten and Dropout aside) in the words the app always used for it; null for other layer lists. */
function denseStackText(layers: readonly LayerSpec[]): string | null {
  if (!layers.every((layer) => DENSE_STACK_TYPES.includes(layer.type))) return null;
  try {
    return describeLayers(denseStackOf(layers));
  } catch {
    return null; // such as an Activation after a relu Dense: listed layer by layer
  }
}

/** The layers in one line. */
export function describeModel(layers: readonly LayerSpec[]): string {
  return denseStackText(layers) ?? layers.map(layerText).filter((text) => text !== null).join(' → ');
}

/** Keras' model.summary() of a digit model; throws a one-line error for a layer list that is not one. */
export function modelSummary(layers: readonly LayerSpec[]): ModelSummary {
  const [input, ...rows] = summarizeLayers(layers);
  return {
    inputShape: [...input.outputShape],
    layers: rows.map(({ layer, outputShape, params }) => ({ name: layer.name, type: layer.type, outputShape: [...outputShape], params })),
    params: totalParams(rows),
  };
}
