import type { LayersModel, Sequential } from '@tensorflow/tfjs';
import { denseLayerName } from '../api/keras-names';
import { checkWeights, layerShapes, type DenseWeights, type ModelSpec, type TrainedModel } from '../api/model-spec';
import type { Tf } from './load';

/**
 * Builds the spec as a tfjs Sequential with Keras defaults: glorot_uniform kernels (seeded per layer so the
 * same seed gives the same start), zero biases. With `logits`, the final softmax is left out so training can
 * compute softmax cross-entropy from the logits, as TF Keras does for a softmax output (no probability
 * clipping, so the gradient never vanishes and a diverging run overflows instead of stalling).
 */
export function buildTfModel(tf: Tf, spec: ModelSpec, seed: number, logits = false): Sequential {
  const model = tf.sequential();
  const last = spec.layers.length - 1;
  spec.layers.forEach((layer, i) => {
    model.add(
      tf.layers.dense({
        units: layer.units,
        activation: logits && i === last ? 'linear' : layer.activation,
        inputShape: i === 0 ? [spec.inputSize] : undefined,
        kernelInitializer: tf.initializers.glorotUniform({ seed: seed + i }),
        biasInitializer: 'zeros',
        name: denseLayerName(i),
      }),
    );
  });
  return model;
}

/** Copies the weights out of a tfjs model (Keras layout: kernel [in, out], bias [out]). */
export function readTfWeights(model: LayersModel): DenseWeights[] {
  const weights: DenseWeights[] = [];
  for (const layer of model.layers) {
    const [kernel, bias] = layer.getWeights();
    weights.push({ kernel: kernel.dataSync() as Float32Array, bias: bias.dataSync() as Float32Array });
  }
  return weights;
}

export function writeTfWeights(tf: Tf, model: LayersModel, spec: ModelSpec, weights: readonly DenseWeights[]): void {
  const shapes = layerShapes(spec);
  model.layers.forEach((layer, i) => {
    const kernel = tf.tensor2d(weights[i].kernel, shapes[i]);
    const bias = tf.tensor1d(weights[i].bias);
    layer.setWeights([kernel, bias]);
    kernel.dispose();
    bias.dispose();
  });
}

/** A tfjs model holding a trained model's weights, for evaluation or saving. */
export function toTfModel(tf: Tf, trained: TrainedModel): Sequential {
  checkWeights(trained.spec, trained.weights);
  const model = buildTfModel(tf, trained.spec, 0);
  writeTfWeights(tf, model, trained.spec, trained.weights);
  return model;
}
