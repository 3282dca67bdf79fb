/**
 * The input window of every pooling output, for the forward pass and the saliency's backward pass alike: rows
 * [y0[oy], y1[oy]) and columns [x0[ox], x1[ox]), clipped to the input, so that a window cut by 'same' padding holds
 * only the inputs inside it (what Keras averages over).
 */
import { paddingBefore, type LayerSummary, type PoolingLayerSpec } from '../api/layer-model';

export interface PoolWindows {
  y0: Int32Array;
  y1: Int32Array;
  x0: Int32Array;
  x1: Int32Array;
}

/** [start, end) along one axis of `size` inputs for each of `outputs` windows. */
function axisWindows(size: number, outputs: number, pool: number, stride: number, padding: PoolingLayerSpec['padding']): [Int32Array, Int32Array] {
  const before = paddingBefore(size, pool, stride, padding);
  const start = new Int32Array(outputs);
  const end = new Int32Array(outputs);
  for (let o = 0; o < outputs; o++) {
    start[o] = Math.max(o * stride - before, 0);
    end[o] = Math.min(o * stride - before + pool, size);
  }
  return [start, end];
}

export function poolWindows({ inputShape: [h, w], outputShape: [oh, ow] }: LayerSummary, { poolSize, strides, padding }: PoolingLayerSpec): PoolWindows {
  const [y0, y1] = axisWindows(h, oh, poolSize[0], strides[0], padding);
  const [x0, x1] = axisWindows(w, ow, poolSize[1], strides[1], padding);
  return { y0, y1, x0, x1 };
}

/**
 * How many rows and columns of its input, from the top-left, a pooling's windows read: where its last window ends.
 * 2×2 windows at stride 2 ('valid') read 10 of 11 rows, so a Conv2D before them need not compute its last row and
 * column (the Draw page's predictor and the engine's training both skip them).
 */
export function poolingReach(row: LayerSummary, layer: PoolingLayerSpec): { rows: number; cols: number } {
  const { y1, x1 } = poolWindows(row, layer);
  return { rows: y1[y1.length - 1], cols: x1[x1.length - 1] };
}
