// Digit Studio training engine: one exported call per training step or evaluation chunk, over memory laid
// out by ../layout.ts. Pointers arrive as arguments or descriptor fields, never as constants.
import { backInput, loadOptimizer, storeGradients, update, updateLayer } from './backward';
import { convEvaluate, convTrain } from './cnn';
import { activate, dense } from './forward';
import { softmaxLoss } from './loss';
import {
  A, ACT, B, COL_COUNTS, COL_LISTS, COLS, D, GRADS, IN, KIND, KIND_CONV, LAYERS, OUT, ROW_COUNTS, ROW_LISTS, ROWS, SRC,
  SRC_STRIDE, W, i32At, layer, ptrAt,
} from './net';
import { gatherSparse, sparseForward, sparseUpdate } from './sparse';

/** First byte the host may use. */
export function heapBase(): usize {
  return __heap_base;
}

/** Gathers the samples order[0..n) and runs every layer; returns the even row count computed. */
function forward(net: usize, pixels: usize, order: usize, n: i32): i32 {
  const rows = (n + 1) & ~1;
  const layers = i32At(net, LAYERS);
  const first = layer(net, 0);
  const inputs = i32At(first, IN);
  gatherSparse(pixels, inputs, order, n, rows, ptrAt(net, ROW_LISTS), ptrAt(net, ROW_COUNTS), ptrAt(net, COL_LISTS), ptrAt(net, COL_COUNTS), i32At(net, ROWS));
  for (let l = 0; l < layers; l++) {
    const rec = layer(net, l);
    const cols = i32At(rec, COLS);
    if (l === 0) sparseForward(ptrAt(net, ROW_LISTS), ptrAt(net, ROW_COUNTS), inputs, ptrAt(rec, W), ptrAt(rec, B), cols, ptrAt(rec, A), rows);
    else dense(ptrAt(rec, SRC), i32At(rec, SRC_STRIDE), i32At(rec, IN), ptrAt(rec, W), ptrAt(rec, B), cols, ptrAt(rec, A), rows);
    if (l < layers - 1) activate(ptrAt(rec, A), rows * cols, i32At(rec, ACT));
  }
  return rows;
}

/** One training step on the samples order[0..n): forward, loss (into the header), backward, optimizer update. */
export function trainStep(net: usize, pixels: usize, labels: usize, order: usize, n: i32): void {
  loadOptimizer(net);
  if (i32At(net, KIND) === KIND_CONV) {
    convTrain(net, pixels, labels, order, n, n);
    return;
  }
  const rows = forward(net, pixels, order, n);
  backward(net, labels, order, n, n, rows);
}

/**
 * One worker's part of a step two workers split: the samples order[0..n) of a batch of `batch`, forward, loss,
 * backward, with the parameters' gradients stored in this worker's buffer (descriptor GRADS), not applied.
 */
export function gradientStep(net: usize, pixels: usize, labels: usize, order: usize, n: i32, batch: i32): void {
  storeGradients(net);
  if (i32At(net, KIND) === KIND_CONV) {
    convTrain(net, pixels, labels, order, n, batch);
    return;
  }
  const rows = forward(net, pixels, order, n);
  backward(net, labels, order, n, batch, rows);
}

/**
 * The optimizer step on the parameters in [start, end) (16-byte aligned) with the sum of both workers'
 * gradients, own + partner's, and this descriptor's optimizer settings.
 */
export function applyGradients(net: usize, partner: usize, start: usize, end: usize): void {
  loadOptimizer(net);
  const own = <usize>i32At(net, GRADS);
  const other = <usize>i32At(partner, GRADS);
  for (let p = start; p < end; p += 16) update(p, f32x4.add(v128.load(p + own), v128.load(p + other)));
}

/** Loss of the forward pass's rows, then every layer's gradients, each handed to update() as it completes. */
function backward(net: usize, labels: usize, order: usize, n: i32, batch: i32, rows: i32): void {
  const layers = i32At(net, LAYERS);
  const top = layer(net, layers - 1);
  softmaxLoss(net, ptrAt(top, A), i32At(top, COLS), i32At(top, OUT), labels, order, n, batch, ptrAt(top, D), rows);
  for (let l = layers - 1; l >= 0; l--) {
    const rec = layer(net, l);
    const cols = i32At(rec, COLS);
    if (l > 0) {
      const below = layer(net, l - 1);
      backInput(ptrAt(rec, D), cols, ptrAt(rec, W), i32At(rec, SRC_STRIDE), ptrAt(below, A), ptrAt(below, D), i32At(below, ACT), rows);
    }
    if (l === 0) sparseUpdate(ptrAt(net, COL_LISTS), ptrAt(net, COL_COUNTS), i32At(net, ROWS), i32At(rec, IN), ptrAt(rec, D), cols, ptrAt(rec, W), ptrAt(rec, B), rows);
    else updateLayer(ptrAt(rec, SRC), i32At(rec, SRC_STRIDE), i32At(rec, IN), ptrAt(rec, D), cols, ptrAt(rec, W), ptrAt(rec, B), rows);
  }
}

/** Loss and hits (into the header) of the samples order[0..n), without training. */
export function evaluate(net: usize, pixels: usize, labels: usize, order: usize, n: i32): void {
  if (i32At(net, KIND) === KIND_CONV) {
    convEvaluate(net, pixels, labels, order, n);
    return;
  }
  const rows = forward(net, pixels, order, n);
  const top = layer(net, i32At(net, LAYERS) - 1);
  softmaxLoss(net, ptrAt(top, A), i32At(top, COLS), i32At(top, OUT), labels, order, n, n, 0, rows);
}
