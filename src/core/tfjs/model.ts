/**
 * A layer list (api/layer-model.ts) as a tfjs-layers Sequential, so that every tfjs backend trains the same model the
 * engine trains and the files describe, and its weights in the Keras layout (a tfjs Conv2D kernel is already
 * [kh, kw, in, out], channels_last, a Dense kernel [inputs, units]).
 */
import type { LayersModel, Sequential, Tensor, layers } from '@tensorflow/tfjs';
import { refuseUntrainable, summarizeLayers, type DropoutLayerSpec, type LayerSpec } from '../api/layer-model';
import { INPUT_SIZE, type DenseWeights } from '../api/model-spec';
import type { Tf } from './load';

type Layer = layers.Layer;

export interface BuildOptions {
  /** Keras' glorot_uniform kernels, seeded per layer: the k-th layer with weights (Conv2D or Dense) gets seed + k. */
  seed: number;
  /**
   * Leave the final softmax out, so that training computes softmax cross-entropy from the logits, as TF Keras does
   * for a softmax output (no probability clipping, so the gradient never vanishes and a diverging run overflows
   * instead of stalling).
   */
  logits?: boolean;
  /**
   * A fresh seed for each training batch's dropout masks, so that a run's seed fixes them. (tfjs' own Dropout takes
   * one seed and then draws the same mask for every batch; without seeds it draws from Math.random.)
   */
  dropoutSeeds?: () => number;
}

/** Dropout as Keras' (inverted scaling, training only) with a new seed from `seeds` for every batch. */
function seededDropout(tf: Tf, spec: DropoutLayerSpec, seeds: () => number, inputShape: number[] | undefined): Layer {
  class SeededDropout extends tf.layers.Layer {
    static readonly className = 'SeededDropout';

    override call(inputs: Tensor | Tensor[], kwargs: { training?: boolean }): Tensor {
      const input = Array.isArray(inputs) ? inputs[0] : inputs;
      return kwargs.training === true ? tf.dropout(input, spec.rate, undefined, seeds()) : input;
    }
  }
  return new SeededDropout({ name: spec.name, inputShape });
}

/** The index of the layer whose activation is the model's output activation (the softmax). */
function outputActivationIndex(layers: readonly LayerSpec[]): number {
  return layers.findLastIndex((layer) => layer.type === 'Dense' || layer.type === 'Conv2D' || layer.type === 'Activation');
}

/**
 * Builds the layers as a tfjs Sequential with Keras defaults (glorot_uniform kernels, zero biases, stride-1
 * convolutions, channels_last). The InputLayer's shape becomes the model's input shape: feed it with inputBatch.
 */
export function buildTfModel(tf: Tf, layers: readonly LayerSpec[], options: BuildOptions): Sequential {
  summarizeLayers(layers); // refuses a list that is not a digit model, with the layer's name
  refuseUntrainable(layers);
  const softmax = options.logits ? outputActivationIndex(layers) : -1;
  const model = tf.sequential();
  let inputShape: number[] | undefined;
  let weighted = 0;
  const kernel = () => ({ kernelInitializer: tf.initializers.glorotUniform({ seed: options.seed + weighted++ }), biasInitializer: 'zeros' as const });
  layers.forEach((layer, i) => {
    if (layer.type === 'InputLayer') {
      inputShape = [...layer.shape];
      return;
    }
    const common = { name: layer.name, inputShape };
    inputShape = undefined; // only the first layer takes it
    const activation = i === softmax ? 'linear' : 'activation' in layer ? layer.activation : 'linear';
    switch (layer.type) {
      case 'Reshape':
        return model.add(tf.layers.reshape({ ...common, targetShape: [...layer.targetShape] }));
      case 'Conv2D':
        return model.add(tf.layers.conv2d({ ...common, filters: layer.filters, kernelSize: layer.kernelSize, strides: 1, padding: layer.padding, activation, ...kernel() }));
      case 'MaxPooling2D':
      case 'AveragePooling2D': {
        const pool = { ...common, poolSize: layer.poolSize, strides: layer.strides, padding: layer.padding };
        return model.add(layer.type === 'MaxPooling2D' ? tf.layers.maxPooling2d(pool) : tf.layers.averagePooling2d(pool));
      }
      case 'Flatten':
        return model.add(tf.layers.flatten(common));
      case 'Dropout':
        return model.add(options.dropoutSeeds ? seededDropout(tf, layer, options.dropoutSeeds, common.inputShape) : tf.layers.dropout({ ...common, rate: layer.rate }));
      case 'Dense':
        return model.add(tf.layers.dense({ ...common, units: layer.units, activation, ...kernel() }));
      case 'Activation':
        return model.add(tf.layers.activation({ ...common, activation }));
    }
  });
  return model;
}

/** A batch of n images (n × 784 values, row-major) as the model's input: [n, 784], [n, 28, 28] or [n, 28, 28, 1]. */
export function inputBatch(tf: Tf, model: LayersModel, values: Float32Array, n: number): Tensor {
  const shape = model.inputs[0].shape.slice(1) as number[];
  return tf.tensor(values.subarray(0, n * INPUT_SIZE), [n, ...shape]);
}

/** The layers that hold a kernel and a bias (Conv2D, Dense), in order. */
const weightedLayers = (model: LayersModel): Layer[] => model.layers.filter((layer) => layer.weights.length > 0);

/** Copies the weights out of a tfjs model: kernel + bias per Conv2D or Dense layer, Keras layout. */
export function readTfWeights(model: LayersModel): DenseWeights[] {
  return weightedLayers(model).map((layer) => {
    const [kernel, bias] = layer.getWeights();
    return { kernel: kernel.dataSync() as Float32Array, bias: bias.dataSync() as Float32Array };
  });
}

export function writeTfWeights(tf: Tf, model: LayersModel, weights: readonly DenseWeights[]): void {
  const targets = weightedLayers(model);
  if (weights.length !== targets.length) throw new Error(`the model has ${targets.length} layers with weights but ${weights.length} weight sets`);
  targets.forEach((layer, i) => {
    const [kernelShape, biasShape] = layer.weights.map((weight) => weight.shape as number[]);
    const { kernel, bias } = weights[i];
    if (kernel.length !== kernelShape.reduce((a, b) => a * b, 1) || bias.length !== biasShape[0]) {
      throw new Error(`layer ${layer.name}: expected kernel ${kernelShape.join('x')} and bias ${biasShape[0]}, got ${kernel.length} and ${bias.length} values`);
    }
    const tensors = [tf.tensor(kernel, kernelShape), tf.tensor(bias, biasShape)];
    layer.setWeights(tensors);
    tf.dispose(tensors);
  });
}
