/**
 * Plain-JavaScript forward pass over a layer list (api/layer-model.ts: Conv2D, pooling, Dense, ...) or a Dense-stack
 * TrainedModel. Independent of any training backend, so a model behaves the same wherever it is loaded (CLI, app,
 * browser renderer). Tensors are flat Float32Arrays in Keras' channels_last order, so Reshape, Flatten and Dropout
 * (identity at inference) leave the values as they are, and BatchNormalization scales and shifts each channel by its
 * moving statistics.
 */
import { checkBatchNorm, layerModelOf, paddingBefore, summarizeLayers, type LayerModel, type LayerSummary, type Padding } from '../api/layer-model';
import { INPUT_SIZE, type Activation, type DenseWeights, type TrainedModel } from '../api/model-spec';
import { batchNormAffine, type ChannelAffine } from './batch-norm';
import { conv2dForward, type ComputedOutputs } from './conv2d';
import { poolingReach } from './pool-windows';
import { poolForward } from './pooling';

function activate(values: Float32Array, activation: Activation): void {
  switch (activation) {
    case 'relu':
      for (let i = 0; i < values.length; i++) if (values[i] < 0) values[i] = 0;
      return;
    case 'sigmoid':
      for (let i = 0; i < values.length; i++) values[i] = 1 / (1 + Math.exp(-values[i]));
      return;
    case 'tanh':
      for (let i = 0; i < values.length; i++) values[i] = Math.tanh(values[i]);
      return;
    case 'linear':
      return;
    case 'softmax': {
      let max = -Infinity;
      for (const v of values) max = Math.max(max, v);
      let sum = 0;
      for (let i = 0; i < values.length; i++) {
        values[i] = Math.exp(values[i] - max);
        sum += values[i];
      }
      for (let i = 0; i < values.length; i++) values[i] /= sum;
      return;
    }
  }
}

type Step = (input: Float32Array) => Float32Array;

/**
 * Sums in double precision: over a long input (1,352 values after a small CNN's Flatten) with large logits, float32
 * sums drift ~1e-5 in probability from Keras' (BLAS) and TFLite's, more than the app's LiteRT check allows.
 */
function denseStep(inputs: number, units: number, { kernel, bias }: DenseWeights, activation: Activation): Step {
  const sums = new Float64Array(units);
  const out = new Float32Array(units);
  return (input) => {
    sums.set(bias);
    for (let i = 0; i < inputs; i++) {
      const v = input[i];
      if (v === 0) continue;
      const row = i * units;
      for (let j = 0; j < units; j++) sums[j] += v * kernel[row + j];
    }
    out.set(sums);
    activate(out, activation);
    return out;
  };
}

/** Stride-1 convolution, kernel [kh, kw, in, out], 'valid' or 'same' zero padding (conv2d.ts), then its activation. */
function conv2dStep({ inputShape, outputShape, kernelShape }: LayerSummary, weights: DenseWeights, activation: Activation, padding: Padding, computed?: ComputedOutputs): Step {
  const [kh, kw] = kernelShape ?? [];
  const top = paddingBefore(inputShape[0], kh, 1, padding);
  const left = paddingBefore(inputShape[1], kw, 1, padding);
  const convolve = conv2dForward({ inputShape, outputShape, kernelShape: kernelShape ?? [], padding, top, left }, weights, computed);
  return (input) => {
    const out = convolve(input);
    activate(out, activation);
    return out;
  };
}

function activationStep(values: number, activation: Activation): Step {
  const out = new Float32Array(values);
  return (input) => {
    out.set(input);
    activate(out, activation);
    return out;
  };
}

/** y = x * scale + shift per channel (the last axis). */
function affineStep(values: number, { scale, shift }: ChannelAffine): Step {
  const out = new Float32Array(values);
  const channels = scale.length;
  return (input) => {
    for (let i = 0; i < values; i++) out[i] = input[i] * scale[i % channels] + shift[i % channels];
    return out;
  };
}

/** A layer that computes (not InputLayer, Reshape, Flatten or Dropout): its summary row and its step. */
export interface LayerStep {
  row: LayerSummary;
  /** Returns a buffer the next call overwrites. */
  run: Step;
}

export interface LayerStepOptions {
  /**
   * Compute only the outputs the next computing layer reads, for a prediction: a Conv2D before a 'valid' pooling
   * whose windows leave its last rows or columns out (the bundled CNN's 11×11 map under 2×2 pooling) skips them, and
   * they hold stale values. Off for views that show whole feature maps.
   */
  onlyWhatIsRead?: boolean;
}

const passesValuesOn = (row: LayerSummary): boolean => ['InputLayer', 'Reshape', 'Flatten', 'Dropout'].includes(row.layer.type);

/** The output rows and columns of the layer at `index` that the next computing layer reads, if a pooling layer. */
function readByNextPooling(summary: LayerSummary[], index: number): ComputedOutputs | undefined {
  const next = summary.slice(index + 1).find((row) => !passesValuesOn(row));
  if (next?.layer.type !== 'MaxPooling2D' && next?.layer.type !== 'AveragePooling2D') return undefined;
  return poolingReach(next, next.layer);
}

/** The model's computing layers in order, each with its step: checks the layers and allocates the buffers once. */
export function createLayerSteps(model: TrainedModel | LayerModel, { onlyWhatIsRead = false }: LayerStepOptions = {}): LayerStep[] {
  const { layers, weights, batchNorm = [] } = 'spec' in model ? layerModelOf(model) : model;
  const summary = summarizeLayers(layers);
  const weightedLayers = summary.filter((row) => row.kernelShape !== null).length;
  if (weights.length !== weightedLayers) throw new Error(`the model has ${weightedLayers} layers with weights but ${weights.length} weight sets`);
  checkBatchNorm(summary, batchNorm);
  let weighted = 0;
  let normalized = 0;
  return summary.flatMap((row, index): LayerStep[] => {
    const { layer, inputShape, outputShape } = row;
    const step = (run: Step): LayerStep[] => [{ row, run }];
    switch (layer.type) {
      case 'Conv2D':
        return step(conv2dStep(row, weights[weighted++], layer.activation, layer.padding, onlyWhatIsRead ? readByNextPooling(summary, index) : undefined));
      case 'Dense':
        return step(denseStep(inputShape[0], layer.units, weights[weighted++], layer.activation));
      case 'MaxPooling2D':
      case 'AveragePooling2D':
        return step(poolForward(row, layer));
      case 'Activation':
        return step(activationStep(outputShape.reduce((a, b) => a * b, 1), layer.activation));
      case 'BatchNormalization':
        return step(affineStep(outputShape.reduce((a, b) => a * b, 1), batchNormAffine(batchNorm[normalized++], layer.epsilon)));
      default:
        return []; // InputLayer, Reshape, Flatten, Dropout: the same values
    }
  });
}

/** Reusable predictor: checks the layers and allocates its buffers once. Input: the 784 pixels/255. */
export function createPredictor(model: TrainedModel | LayerModel): (input: ArrayLike<number>) => Float32Array {
  const steps = createLayerSteps(model, { onlyWhatIsRead: true }).map((step) => step.run);
  const input = new Float32Array(INPUT_SIZE);
  return (values) => {
    input.set(values);
    return Float32Array.from(steps.reduce<Float32Array>((current, step) => step(current), input));
  };
}

export function argMax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}
