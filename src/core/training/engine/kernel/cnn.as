// A convolutional network's training step and evaluation: the descriptor's operations in order (forward), the
// softmax loss, then the operations in reverse (backward), each weight gradient handed to update() as it
// completes, exactly as for a Dense stack. A Conv2D runs as im2col + the GEMM tiles on its kernel repacked; its
// backward products skip the output gradient's zeros (conv-sparse.as; a first layer's narrow patches go through
// the dense tiles): the input gradient goes through the transposed kernel into patch gradients and back with
// col2im (skipped for the first layer).
import { applyDerivative, backInput, updateLayer, updateTallLayer } from './backward';
import { sparseConvBackward } from './conv-sparse';
import { col2im, dropout, flatten, im2col, multiply } from './conv';
import { activate, dense, gemm } from './forward';
import { packColumns, packTransposed } from './pack';
import { softmaxLoss } from './loss';
import { averagePool, maxPool, maxPoolBack, maxPoolBackTiled } from './pool';
import {
  ACT_LINEAR, ACT_RELU, GRAD_ACC, IN_C, IN_CS, IN_H, IN_W, INPUT, KERNEL_PACKED, LAYERS, MASK, NONZEROS, OP, OP_A, OP_ACT, OP_AVERAGE_POOL, OP_B, OP_CONV, OP_D,
  OP_DENSE, OP_DROPOUT, OP_FLATTEN, OP_MAX_POOL, OP_SRC, OP_SRC_D, OP_W, OUT_C, OUT_CS, OUT_H, OUT_W, PAD_LEFT,
  PAD_TOP, PATCH, PATCH_D, PATCH_K, PATCH_KS, RATE, SEED, STRIDE_H, STRIDE_W, WIN_H, WIN_W, i32At, op, ptrAt,
} from './net';

const IMAGE = 784;

/** The samples order[0..n) as pixel / 255 into the INPUT tensor, padding rows up to `rows` zero. */
function gatherImages(net: usize, pixels: usize, order: usize, n: i32, rows: i32): void {
  const input = ptrAt(net, INPUT);
  const scale: f32 = 1 / 255;
  for (let r = 0; r < n; r++) {
    const src = pixels + <usize>load<u32>(order + (<usize>r << 2)) * IMAGE;
    const dst = input + (<usize>r * IMAGE << 2);
    for (let k = 0; k < IMAGE; k++) store<f32>(dst + (<usize>k << 2), <f32>load<u8>(src + k) * scale);
  }
  memory.fill(input + (<usize>n * IMAGE << 2), 0, <usize>(rows - n) * IMAGE << 2);
}

/** Cells (positions) of an operation's output per sample. */
@inline function outCells(rec: usize): i32 {
  return i32At(rec, OUT_H) * i32At(rec, OUT_W);
}

function forwardOp(net: usize, rec: usize, rows: i32, last: bool, training: bool): void {
  const kind = i32At(rec, OP);
  const src = ptrAt(rec, OP_SRC);
  const out = ptrAt(rec, OP_A);
  const h = i32At(rec, IN_H), w = i32At(rec, IN_W), cs = i32At(rec, IN_CS), c = i32At(rec, IN_C);
  const oh = i32At(rec, OUT_H), ow = i32At(rec, OUT_W), outCs = i32At(rec, OUT_CS);
  if (kind === OP_CONV || kind === OP_DENSE) {
    const count = kind === OP_CONV ? rows * oh * ow : rows;
    const act = last ? ACT_LINEAR : i32At(rec, OP_ACT);
    if (kind === OP_CONV) {
      const ks = i32At(rec, PATCH_KS);
      const packed = ptrAt(rec, KERNEL_PACKED);
      im2col(src, rows, h, w, cs, c, i32At(rec, WIN_H), i32At(rec, WIN_W), i32At(rec, PAD_TOP), i32At(rec, PAD_LEFT), oh, ow, ptrAt(rec, PATCH), ks);
      packColumns(ptrAt(rec, OP_W), ks, outCs, packed);
      gemm(ptrAt(rec, PATCH), ks, i32At(rec, PATCH_K), packed, 64, <usize>ks << 6, ptrAt(rec, OP_B), outCs, out, count, act === ACT_RELU);
    } else {
      dense(src, cs, c, ptrAt(rec, OP_W), ptrAt(rec, OP_B), outCs, out, count, act === ACT_RELU);
    }
    if (act !== ACT_RELU) activate(out, count * outCs, act);
    return;
  }
  const ph = i32At(rec, WIN_H), pw = i32At(rec, WIN_W), sy = i32At(rec, STRIDE_H), sx = i32At(rec, STRIDE_W);
  const top = i32At(rec, PAD_TOP), left = i32At(rec, PAD_LEFT);
  if (kind === OP_MAX_POOL) maxPool(src, rows, h, w, cs, c, ph, pw, sy, sx, top, left, oh, ow, outCs, out, ptrAt(rec, MASK));
  else if (kind === OP_AVERAGE_POOL) averagePool(src, rows, h, w, cs, c, ph, pw, sy, sx, top, left, oh, ow, out, false);
  else if (kind === OP_FLATTEN) flatten(src, rows, h * w, cs, c, out, outCs, false);
  else if (training) dropout(src, out, ptrAt(rec, MASK), rows * outCells(rec) * outCs, load<f32>(rec + RATE), net + SEED);
  else memory.copy(out, src, <usize>rows * outCells(rec) * outCs << 2);
}

/**
 * A relu layer whose output goes straight into max pooling: the pooling's backward pass applies relu's derivative
 * (the pooled value is the winner's relu output), and the layer skips its own pass over its whole output.
 */
function reluIntoMaxPool(layer: usize, next: usize): bool {
  const kind = i32At(layer, OP);
  return (kind === OP_CONV || kind === OP_DENSE) && i32At(layer, OP_ACT) === ACT_RELU && i32At(next, OP) === OP_MAX_POOL;
}

/**
 * Input gradient (when the operation has one) and weight update of one operation, given its output gradient;
 * before and after are the neighbouring operations' records (0 at either end).
 */
function backwardOp(rec: usize, rows: i32, before: usize, after: usize): void {
  const kind = i32At(rec, OP);
  const d = ptrAt(rec, OP_D);
  const srcD = ptrAt(rec, OP_SRC_D);
  const h = i32At(rec, IN_H), w = i32At(rec, IN_W), cs = i32At(rec, IN_CS), c = i32At(rec, IN_C);
  const oh = i32At(rec, OUT_H), ow = i32At(rec, OUT_W), outCs = i32At(rec, OUT_CS);
  if (kind === OP_CONV || kind === OP_DENSE) {
    const count = kind === OP_CONV ? rows * oh * ow : rows;
    // The loss already gives the output layer's gradient w.r.t. its logits.
    if (after !== 0 && !reluIntoMaxPool(rec, after)) applyDerivative(d, ptrAt(rec, OP_A), count * outCs, i32At(rec, OP_ACT));
    if (kind === OP_DENSE) {
      if (srcD !== 0) backInput(d, outCs, ptrAt(rec, OP_W), cs, srcD, srcD, ACT_LINEAR, rows);
      updateLayer(ptrAt(rec, OP_SRC), cs, c, d, outCs, ptrAt(rec, OP_W), ptrAt(rec, OP_B), rows);
      return;
    }
    const ks = i32At(rec, PATCH_KS);
    if (srcD === 0 && ks < 32) {
      // A first layer's narrow patches (9 floats on one channel): listing nonzeros would cost more than it saves.
      updateTallLayer(ptrAt(rec, PATCH), ks, i32At(rec, PATCH_K), d, outCs, ptrAt(rec, OP_W), ptrAt(rec, OP_B), count, ptrAt(rec, GRAD_ACC));
      return;
    }
    // Patch gradients (unless this is the first operation) in rows of whole 16-float blocks.
    const wT = ptrAt(rec, KERNEL_PACKED);
    const patchD = ptrAt(rec, PATCH_D);
    const patchDStride = (ks + 15) & ~15;
    if (srcD !== 0) packTransposed(ptrAt(rec, OP_W), ks, outCs, patchDStride, wT);
    sparseConvBackward(d, outCs, wT, patchDStride, srcD !== 0 ? patchD : 0, ptrAt(rec, PATCH), ks, i32At(rec, PATCH_K), ptrAt(rec, OP_W), ptrAt(rec, OP_B), count, ptrAt(rec, GRAD_ACC), ptrAt(rec, NONZEROS));
    if (srcD !== 0) col2im(patchD, rows, h, w, cs, c, i32At(rec, WIN_H), i32At(rec, WIN_W), i32At(rec, PAD_TOP), i32At(rec, PAD_LEFT), oh, ow, patchDStride, srcD);
    return;
  }
  if (srcD === 0) return;
  if (kind === OP_MAX_POOL) {
    const pooled = before !== 0 && reluIntoMaxPool(before, rec) ? ptrAt(rec, OP_A) : 0;
    const ph = i32At(rec, WIN_H), pw = i32At(rec, WIN_W);
    const unpadded = i32At(rec, PAD_TOP) === 0 && i32At(rec, PAD_LEFT) === 0;
    const tiled = unpadded && i32At(rec, STRIDE_H) === ph && i32At(rec, STRIDE_W) === pw && oh * ph === h && ow * pw === w && (cs & 3) === 0;
    if (tiled) maxPoolBackTiled(d, ptrAt(rec, MASK), rows, oh, ow, i32At(rec, OUT_C), h, w, cs, ph, pw, srcD, pooled);
    else maxPoolBack(d, ptrAt(rec, MASK), rows, oh, ow, outCs, i32At(rec, OUT_C), srcD, rows * h * w * cs, pooled);
  } else if (kind === OP_AVERAGE_POOL) averagePool(srcD, rows, h, w, cs, c, i32At(rec, WIN_H), i32At(rec, WIN_W), i32At(rec, STRIDE_H), i32At(rec, STRIDE_W), i32At(rec, PAD_TOP), i32At(rec, PAD_LEFT), oh, ow, d, true);
  else if (kind === OP_FLATTEN) flatten(srcD, rows, h * w, cs, c, d, outCs, true);
  else multiply(d, ptrAt(rec, MASK), srcD, rows * outCells(rec) * outCs);
}

/** Gathers the samples order[0..n) and runs every operation; returns the even row count computed. */
function forward(net: usize, pixels: usize, order: usize, n: i32, training: bool): i32 {
  const rows = (n + 1) & ~1;
  gatherImages(net, pixels, order, n, rows);
  const ops = i32At(net, LAYERS);
  for (let l = 0; l < ops; l++) forwardOp(net, op(net, l), rows, l === ops - 1, training);
  return rows;
}

/** Forward (training), loss of samples order[0..n) of a batch of `batch`, backward with the optimizer set up by the caller. */
export function convTrain(net: usize, pixels: usize, labels: usize, order: usize, n: i32, batch: i32): void {
  const rows = forward(net, pixels, order, n, true);
  const ops = i32At(net, LAYERS);
  const top = op(net, ops - 1);
  softmaxLoss(net, ptrAt(top, OP_A), i32At(top, OUT_CS), i32At(top, OUT_C), labels, order, n, batch, ptrAt(top, OP_D), rows);
  for (let l = ops - 1; l >= 0; l--) backwardOp(op(net, l), rows, l > 0 ? op(net, l - 1) : 0, l < ops - 1 ? op(net, l + 1) : 0);
}

/** Loss and hits of the samples order[0..n), dropout off. */
export function convEvaluate(net: usize, pixels: usize, labels: usize, order: usize, n: i32): void {
  const rows = forward(net, pixels, order, n, false);
  const top = op(net, i32At(net, LAYERS) - 1);
  softmaxLoss(net, ptrAt(top, OP_A), i32At(top, OUT_CS), i32At(top, OUT_C), labels, order, n, n, 0, rows);
}
