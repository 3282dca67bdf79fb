/**
 * A model as getModel carries it to the renderer: its Keras layer list as is, and its weights (each Conv2D or Dense
 * layer's kernel and bias, each BatchNormalization layer's statistics) as base64 float32, since JSON over the web
 * mode's WebSocket has no binary. The service encodes, the renderer decodes, both here, so the two cannot drift apart.
 */
import { base64ToFloats, floatsToBase64 } from './base64';
import type { ModelWeights } from './contract';
import type { BatchNormWeights, LayerModel } from './layer-model';

/** Applies `convert` to every array of an object of arrays: { kernel, bias } or { gamma, beta, movingMean, movingVariance }. */
function mapArrays<K extends string, A, B>(arrays: Record<K, A>, convert: (array: A) => B): Record<K, B> {
  return Object.fromEntries(Object.entries<A>(arrays).map(([key, array]) => [key, convert(array)])) as Record<K, B>;
}

export function encodeModel(id: string, { layers, weights, batchNorm }: LayerModel): ModelWeights {
  const encoded: ModelWeights = { id, layers, weights: weights.map((w) => mapArrays(w, floatsToBase64)) };
  if (batchNorm) encoded.batchNorm = batchNorm.map((b) => mapArrays(b, floatsToBase64));
  return encoded;
}

/** The model to run (core/inference createPredictor) from what getModel returned. */
export function decodeModel({ layers, weights, batchNorm }: ModelWeights): LayerModel {
  const model: LayerModel = { layers, weights: weights.map((w) => mapArrays(w, base64ToFloats)) };
  if (batchNorm) model.batchNorm = batchNorm.map((b): BatchNormWeights => mapArrays(b, base64ToFloats));
  return model;
}
