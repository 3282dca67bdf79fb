/**
 * A model as a list of Keras layers with shapes: what Digit Studio opens and runs for inference (Conv2D networks
 * as well as Dense stacks). It sits beside the Dense-stack ModelSpec (model-spec.ts), which training and the file
 * writers still use: a TrainedModel becomes a LayerModel with layerModelOf, and denseStackOf gives the ModelSpec of a
 * LayerModel that is a Dense stack.
 *
 * Shapes leave out the batch dimension and are channels_last ([height, width, channels]), as Keras' are. Weights
 * use the Keras layout: a Conv2D kernel is [kh, kw, in, out] row-major, a Dense kernel [inputs, units]; a Dense
 * layer after Flatten reads its inputs in [height, width, channels] order. A BatchNormalization layer is read, run
 * and exported with its moving statistics (inference), never trained.
 */
import { denseLayerName } from './keras-names';
import { INPUT_SIZE, NUM_CLASSES, type Activation, type CompileInfo, type DenseLayerSpec, type DenseWeights, type ModelSpec, type TrainedModel } from './model-spec';

export type Padding = 'valid' | 'same';
export type Shape = readonly number[];

interface Named {
  name: string;
}

export type InputLayerSpec = Named & { type: 'InputLayer'; shape: Shape };
export type ReshapeLayerSpec = Named & { type: 'Reshape'; targetShape: Shape };
/** useBias false: Keras' use_bias=False, no bias in the files or the parameter count; the layer's bias weights are zeros. */
type Bias = { useBias?: boolean };
export type Conv2DLayerSpec = Named & Bias & { type: 'Conv2D'; filters: number; kernelSize: [number, number]; padding: Padding; activation: Activation };
export type PoolingLayerSpec = Named & { type: 'MaxPooling2D' | 'AveragePooling2D'; poolSize: [number, number]; strides: [number, number]; padding: Padding };
export type FlattenLayerSpec = Named & { type: 'Flatten' };
/** Identity at inference. */
export type DropoutLayerSpec = Named & { type: 'Dropout'; rate: number };
export type DenseListLayerSpec = Named & Bias & { type: 'Dense' } & DenseLayerSpec;
export type ActivationLayerSpec = Named & { type: 'Activation'; activation: Activation };
/**
 * Keras' BatchNormalization at inference, per channel of the last axis (axis -1, or its index counting the batch
 * dimension): gamma * (x - moving_mean) / sqrt(moving_variance + epsilon) + beta. Without `scale` there is no gamma
 * (1), without `center` no beta (0).
 */
export type BatchNormLayerSpec = Named & { type: 'BatchNormalization'; axis: number; epsilon: number; center: boolean; scale: boolean };

export type LayerSpec =
  | InputLayerSpec
  | ReshapeLayerSpec
  | Conv2DLayerSpec
  | PoolingLayerSpec
  | FlattenLayerSpec
  | DropoutLayerSpec
  | DenseListLayerSpec
  | ActivationLayerSpec
  | BatchNormLayerSpec;

export const LAYER_TYPES: ReadonlyArray<LayerSpec['type']> = ['InputLayer', 'Reshape', 'Conv2D', 'MaxPooling2D', 'AveragePooling2D', 'Flatten', 'Dropout', 'Dense', 'Activation', 'BatchNormalization'];

/** A BatchNormalization layer's weights, one value per channel; gamma is ones without `scale`, beta zeros without `center`. */
export interface BatchNormWeights {
  gamma: Float32Array;
  beta: Float32Array;
  movingMean: Float32Array;
  movingVariance: Float32Array;
}

export interface LayerModel {
  /** Starts with the InputLayer. */
  layers: LayerSpec[];
  /** One kernel + bias per Conv2D or Dense layer, in layer order (Keras' get_weights order without BatchNormalization). */
  weights: DenseWeights[];
  /** One set per BatchNormalization layer, in layer order; absent when the model has none. */
  batchNorm?: BatchNormWeights[];
  compile?: CompileInfo;
}

/** A layer as Keras' model.summary() shows it: output shape (no batch dimension) and parameter count. */
export interface LayerSummary {
  layer: LayerSpec;
  inputShape: Shape;
  outputShape: Shape;
  /** [kh, kw, in, out] or [inputs, units] for Conv2D and Dense; null for layers without weights. */
  kernelShape: number[] | null;
  params: number;
}

const size = (shape: Shape): number => shape.reduce((a, b) => a * b, 1);
const shapeText = (shape: Shape): string => `[${shape.join(', ')}]`;
const biasParams = (layer: Bias, units: number): number => (layer.useBias === false ? 0 : units);

/** The weights Keras keeps for a BatchNormalization layer, in its order (gamma and beta only with scale and center). */
export function batchNormVariables(layer: BatchNormLayerSpec): Array<keyof BatchNormWeights> {
  return [...(layer.scale ? (['gamma'] as const) : []), ...(layer.center ? (['beta'] as const) : []), 'movingMean', 'movingVariance'];
}

/** Output length of one spatial axis, with Keras' (TensorFlow's) valid/same rules. */
function outputLength(input: number, window: number, stride: number, padding: Padding): number {
  return padding === 'same' ? Math.ceil(input / stride) : Math.floor((input - window) / stride) + 1;
}

/** Padding before the first element of one axis for 'same' (the smaller half goes first), 0 for 'valid'. */
export function paddingBefore(input: number, window: number, stride: number, padding: Padding): number {
  if (padding === 'valid') return 0;
  return Math.floor(Math.max((outputLength(input, window, stride, 'same') - 1) * stride + window - input, 0) / 2);
}

function spatial(layer: LayerSpec, input: Shape): [number, number, number] {
  if (input.length !== 3) throw new Error(`layer ${layer.name}: a ${layer.type} needs a [height, width, channels] input; it gets ${shapeText(input)} (add a Reshape)`);
  return [input[0], input[1], input[2]];
}

function summarize(layer: LayerSpec, input: Shape): Omit<LayerSummary, 'layer' | 'inputShape'> {
  const none = { kernelShape: null, params: 0 };
  switch (layer.type) {
    case 'InputLayer':
      return { outputShape: layer.shape, ...none };
    case 'Reshape':
      if (size(layer.targetShape) !== size(input)) throw new Error(`layer ${layer.name}: cannot reshape ${shapeText(input)} to ${shapeText(layer.targetShape)}`);
      return { outputShape: layer.targetShape, ...none };
    case 'Conv2D': {
      const [h, w, c] = spatial(layer, input);
      const [kh, kw] = layer.kernelSize;
      const outputShape = [outputLength(h, kh, 1, layer.padding), outputLength(w, kw, 1, layer.padding), layer.filters];
      if (outputShape[0] < 1 || outputShape[1] < 1) throw new Error(`layer ${layer.name}: a ${kh}x${kw} kernel does not fit its ${shapeText(input)} input`);
      return { outputShape, kernelShape: [kh, kw, c, layer.filters], params: kh * kw * c * layer.filters + biasParams(layer, layer.filters) };
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const [h, w, c] = spatial(layer, input);
      const outputShape = [0, 1].map((axis) => outputLength([h, w][axis], layer.poolSize[axis], layer.strides[axis], layer.padding));
      if (outputShape.some((d) => d < 1)) throw new Error(`layer ${layer.name}: a ${layer.poolSize.join('x')} pool does not fit its ${shapeText(input)} input`);
      return { outputShape: [...outputShape, c], ...none };
    }
    case 'Flatten':
      return { outputShape: [size(input)], ...none };
    case 'Dropout':
    case 'Activation':
      return { outputShape: input, ...none };
    case 'Dense':
      if (input.length !== 1) throw new Error(`layer ${layer.name}: a Dense layer on a ${shapeText(input)} input is not supported (add a Flatten before it)`);
      return { outputShape: [layer.units], kernelShape: [input[0], layer.units], params: input[0] * layer.units + biasParams(layer, layer.units) };
    case 'BatchNormalization':
      if (layer.axis !== -1 && layer.axis !== input.length) throw new Error(`layer ${layer.name}: BatchNormalization over axis ${layer.axis} is not supported (only the last axis, -1)`);
      return { outputShape: input, ...none, params: batchNormVariables(layer).length * input[input.length - 1] };
  }
}

/** The activation the model's output goes through: the last Dense or Conv2D's, unless an Activation layer follows it. */
function outputActivation(layers: readonly LayerSpec[]): Activation | null {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i];
    if (layer.type === 'Activation' || layer.type === 'Dense' || layer.type === 'Conv2D') return layer.activation;
    if (layer.type !== 'Dropout' && layer.type !== 'Flatten' && layer.type !== 'Reshape') return null;
  }
  return null;
}

/** Every layer with its input and output shapes and parameter count, for a layer list of any input and output size. */
export function layerSummaries(layers: readonly LayerSpec[]): LayerSummary[] {
  if (layers[0]?.type !== 'InputLayer') throw new Error('the model has no input layer');
  let shape: Shape = [];
  return layers.map((layer, i) => {
    if (i > 0 && layer.type === 'InputLayer') throw new Error(`layer ${layer.name}: an InputLayer is only allowed first`);
    const row = { layer, inputShape: shape, ...summarize(layer, shape) };
    shape = row.outputShape;
    return row;
  });
}

/** The parameters of the layers summed, as Keras' "Total params". */
export function totalParams(rows: readonly LayerSummary[]): number {
  return rows.reduce((sum, row) => sum + row.params, 0);
}

/**
 * Every layer with its input and output shapes and parameter count, checked as a digit model: an InputLayer of 784
 * values (784, 28x28 or 28x28x1) first, 10 softmax outputs last.
 */
export function summarizeLayers(layers: readonly LayerSpec[]): LayerSummary[] {
  const input = layers[0];
  if (input?.type === 'InputLayer' && (size(input.shape) !== INPUT_SIZE || input.shape.length > 3)) throw new Error(`the model takes ${shapeText(input.shape)} inputs; a digit model takes 784 (28x28)`);
  const summary = layerSummaries(layers);
  const shape = summary[summary.length - 1].outputShape;
  const activation = outputActivation(layers);
  if (shape.length !== 1 || shape[0] !== NUM_CLASSES || activation !== 'softmax') {
    throw new Error(`the model must end in 10 softmax outputs for digits; it ends in ${shapeText(shape)}${activation ? ` ${activation}` : ''}`);
  }
  return summary;
}

/** A Dense stack as a layer list: InputLayer(784) → Dense → ... (named dense, dense_1, ... as Keras names them). */
export function layerModelOf(model: TrainedModel): LayerModel {
  const layers: LayerSpec[] = [
    { type: 'InputLayer', name: 'input_layer', shape: [model.spec.inputSize] },
    ...model.spec.layers.map((layer, i): LayerSpec => ({ type: 'Dense', name: denseLayerName(i), units: layer.units, activation: layer.activation })),
  ];
  return { layers, weights: model.weights, ...(model.compile ? { compile: model.compile } : {}) };
}

/** The layer list of a Dense stack. */
export function denseLayers(spec: ModelSpec): LayerSpec[] {
  return layerModelOf({ spec, weights: [] }).layers;
}

/** What the parts that run Dense stacks only accept (see denseStackOf). */
export const DENSE_STACK_TYPES: ReadonlyArray<LayerSpec['type']> = ['InputLayer', 'Flatten', 'Dense', 'Activation', 'Dropout'];

/**
 * The Dense stack a layer list describes, of any input and output size: InputLayer, Flatten, Dropout, Dense, and an
 * Activation after a linear Dense. Anything else is refused by name. denseStackOf adds the digit-model checks.
 */
export function denseStackShape(layers: readonly LayerSpec[]): ModelSpec {
  const dense: DenseLayerSpec[] = [];
  let inputSize: number = INPUT_SIZE;
  for (const layer of layers) {
    switch (layer.type) {
      case 'InputLayer':
        inputSize = size(layer.shape);
        continue;
      case 'Flatten':
      case 'Dropout':
        continue;
      case 'Activation':
        if (dense.length === 0) throw new Error(`layer ${layer.name}: an Activation layer before the first Dense layer is not supported`);
        if (dense[dense.length - 1].activation !== 'linear') throw new Error(`layer ${layer.name}: two activations in a row are not supported`);
        dense[dense.length - 1].activation = layer.activation;
        continue;
      case 'Dense':
        if (layer.useBias === false) throw notTrainable(layer);
        dense.push({ units: layer.units, activation: layer.activation });
        continue;
      default:
        throw new Error(`layer ${layer.name} is a ${layer.type}; a Dense stack has only ${DENSE_STACK_TYPES.join(', ')}`);
    }
  }
  if (dense.length === 0) throw new Error('the model has no Dense layers');
  return { inputSize, layers: dense };
}

/**
 * The Dense stack a layer list describes (denseStackShape), for the parts that run Dense stacks only, checked as a
 * digit model: 784 inputs, Dense(10, softmax) last.
 */
export function denseStackOf(layers: readonly LayerSpec[]): ModelSpec {
  const { inputSize, layers: dense } = denseStackShape(layers);
  if (inputSize !== INPUT_SIZE) throw new Error(`the model takes ${inputSize} inputs; a digit model takes 784 (28x28)`);
  const last = dense[dense.length - 1];
  if (last.units !== NUM_CLASSES || last.activation !== 'softmax') {
    throw new Error(`the last layer must be Dense(10, softmax) for digits; found Dense(${last.units}, ${last.activation})`);
  }
  return { inputSize, layers: dense };
}

/** The one-line refusal of a layer no trainer trains (the engine, tfjs); see refuseUntrainable. */
export function notTrainable(layer: LayerSpec): Error {
  const what = layer.type === 'BatchNormalization' ? 'a BatchNormalization' : `a ${layer.type} without bias`;
  return new Error(`layer ${layer.name} is ${what}; Digit Studio runs and exports it but does not train it`);
}

/** Refuses what no trainer trains: a BatchNormalization layer (inference only), a Conv2D or Dense layer without bias. */
export function refuseUntrainable(layers: readonly LayerSpec[]): void {
  const layer = layers.find((l) => l.type === 'BatchNormalization' || ('useBias' in l && l.useBias === false));
  if (layer) throw notTrainable(layer);
}

/** The one-line refusal of BatchNormalization weights that do not fit the model's BatchNormalization layers. */
export function checkBatchNorm(rows: readonly LayerSummary[], batchNorm: readonly BatchNormWeights[] = []): void {
  const layers = rows.filter((row) => row.layer.type === 'BatchNormalization');
  if (batchNorm.length !== layers.length) throw new Error(`the model has ${layers.length} BatchNormalization layers but ${batchNorm.length} sets of their weights`);
  layers.forEach(({ layer, outputShape }, i) => {
    const channels = outputShape[outputShape.length - 1];
    if (Object.values(batchNorm[i]).some((values: Float32Array) => values.length !== channels)) throw new Error(`layer ${layer.name}: expected ${channels} values of gamma, beta, moving mean and moving variance`);
  });
}
