/**
 * A BatchNormalization layer at inference is a per-channel affine map: y = x * scale + shift, with
 * scale = gamma / sqrt(moving_variance + epsilon) and shift = beta - moving_mean * scale, computed the way Keras does
 * (keras.ops.batch_normalization). The forward pass applies it; the TFLite export folds it into the layer before it
 * or writes it as MUL + ADD.
 */
import type { BatchNormWeights } from '../api/layer-model';

export interface ChannelAffine {
  scale: Float32Array;
  shift: Float32Array;
}

export function batchNormAffine({ gamma, beta, movingMean, movingVariance }: BatchNormWeights, epsilon: number): ChannelAffine {
  const scale = movingVariance.map((variance, c) => gamma[c] / Math.sqrt(variance + epsilon));
  return { scale, shift: movingMean.map((mean, c) => beta[c] - mean * scale[c]) };
}
