/**
 * The names Digit Studio gives things in the Keras models it builds and the files it writes, in one place so that
 * tfjs models, .h5 files and TF.js model.json files agree: layers are named as Keras names them (dense, dense_1,
 * ...), and a file says who really wrote it (generated_by in .h5, generatedBy in model.json).
 */
export const GENERATED_BY = 'Digit Studio';

/** Keras' name for the index-th Dense layer of a model: dense, dense_1, dense_2, ... */
export function denseLayerName(index: number): string {
  return index === 0 ? 'dense' : `dense_${index}`;
}
