// Backward pass: input gradients through the transposed kernel, and weight gradients fused with the
// optimizer update (no gradient buffers, no transposed copies). With two workers, each stores the gradient of
// its half of the batch instead, and both then apply the sum (applyGradients).
import { madd } from './madd';
import {
  ACT_LINEAR, ACT_RELU, ACT_SIGMOID, BETA1, BETA2, BIAS_FIX1, BIAS_FIX2, EPSILON, GRADS, LR, MOMENTUM,
  ONE_MINUS_BETA1, ONE_MINUS_BETA2, OPT_MOMENTUM, OPT_SGD, OPTIMIZER, STATE_OFFSET, i32At, splatAt,
} from './net';

/** Not an optimizer: update() stores the gradient at the parameter's address + slot. */
const STORE_GRADIENT = 3;

// Optimizer settings of the current step, read from the descriptor by loadOptimizer.
let optimizer: i32 = 0;
let slot: usize = 0;
let lr: v128 = f32x4(0, 0, 0, 0);
let momentum: v128 = f32x4(0, 0, 0, 0);
let beta1: v128 = f32x4(0, 0, 0, 0);
let oneMinusBeta1: v128 = f32x4(0, 0, 0, 0);
let beta2: v128 = f32x4(0, 0, 0, 0);
let oneMinusBeta2: v128 = f32x4(0, 0, 0, 0);
let epsilon: v128 = f32x4(0, 0, 0, 0);
let fix1: v128 = f32x4(0, 0, 0, 0);
let fix2: v128 = f32x4(0, 0, 0, 0);

export function loadOptimizer(net: usize): void {
  optimizer = i32At(net, OPTIMIZER);
  slot = <usize>i32At(net, STATE_OFFSET);
  lr = splatAt(net, LR);
  momentum = splatAt(net, MOMENTUM);
  beta1 = splatAt(net, BETA1);
  oneMinusBeta1 = splatAt(net, ONE_MINUS_BETA1);
  beta2 = splatAt(net, BETA2);
  oneMinusBeta2 = splatAt(net, ONE_MINUS_BETA2);
  epsilon = splatAt(net, EPSILON);
  fix1 = splatAt(net, BIAS_FIX1);
  fix2 = splatAt(net, BIAS_FIX2);
}

/** Makes update() store each gradient in this worker's gradient buffer instead of applying it. */
export function storeGradients(net: usize): void {
  optimizer = STORE_GRADIENT;
  slot = <usize>i32At(net, GRADS);
}

/** Plain SGD leaves a parameter with a zero gradient as it is; the others move it by their state. */
export function zeroGradientIsNoOp(): bool {
  return optimizer === OPT_SGD;
}

/** One optimizer step on the 4 parameters at p with gradient g, in tf.train's operation order. */
@inline export function update(p: usize, g: v128): void {
  const value = v128.load(p);
  if (optimizer === OPT_SGD) {
    v128.store(p, f32x4.sub(value, f32x4.mul(lr, g)));
    return;
  }
  const m = p + slot;
  if (optimizer === STORE_GRADIENT) {
    v128.store(m, g);
    return;
  }
  if (optimizer === OPT_MOMENTUM) {
    const velocity = f32x4.add(f32x4.mul(momentum, v128.load(m)), g);
    v128.store(m, velocity);
    v128.store(p, f32x4.sub(value, f32x4.mul(lr, velocity)));
    return;
  }
  const v = m + slot;
  const first = f32x4.add(f32x4.mul(v128.load(m), beta1), f32x4.mul(g, oneMinusBeta1));
  const second = f32x4.add(f32x4.mul(v128.load(v), beta2), f32x4.mul(f32x4.mul(g, g), oneMinusBeta2));
  v128.store(m, first);
  v128.store(v, second);
  const step = f32x4.div(f32x4.div(first, fix1), f32x4.add(f32x4.sqrt(f32x4.div(second, fix2)), epsilon));
  v128.store(p, f32x4.sub(value, f32x4.mul(step, lr)));
}

/** [sum(a), sum(b), sum(c), sum(d)] */
@inline function hsum4(a: v128, b: v128, c: v128, d: v128): v128 {
  const ab = f32x4.add(v128.shuffle<f32>(a, b, 0, 1, 4, 5), v128.shuffle<f32>(a, b, 2, 3, 6, 7));
  const cd = f32x4.add(v128.shuffle<f32>(c, d, 0, 1, 4, 5), v128.shuffle<f32>(c, d, 2, 3, 6, 7));
  return f32x4.add(v128.shuffle<f32>(ab, cd, 0, 2, 4, 6), v128.shuffle<f32>(ab, cd, 1, 3, 5, 7));
}

/** Gradient w.r.t. the pre-activation, from the gradient g w.r.t. the activation a. */
@inline function derivative(g: v128, a: v128, act: i32): v128 {
  if (act === ACT_LINEAR) return g;
  if (act === ACT_RELU) return v128.and(g, f32x4.gt(a, f32x4.splat(0)));
  if (act === ACT_SIGMOID) return f32x4.mul(g, f32x4.mul(a, f32x4.sub(f32x4.splat(1), a)));
  return f32x4.mul(f32x4.sub(f32x4.splat(1), f32x4.mul(a, a)), g);
}

/** d[k] = f'(a[k]) * d[k] for count floats (a multiple of 4): the gradient w.r.t. a layer's pre-activations. */
export function applyDerivative(d: usize, a: usize, count: i32, act: i32): void {
  if (act === ACT_LINEAR) return;
  const end = <usize>count << 2;
  for (let k: usize = 0; k < end; k += 16) v128.store(d + k, derivative(v128.load(d + k), v128.load(a + k), act));
}

/**
 * prevD[r][i] = f'(prev[r][i]) * sum over j of d[r][j] * w[i][j]: the product with the transposed kernel,
 * as dot products of rows (2 rows of d x 4 rows of w per tile), for i < inputs (a multiple of 4; the
 * kernel's padding rows are zero, so padding columns of prevD come out zero).
 */
export function backInput(d: usize, cols: i32, w: usize, inputs: i32, prev: usize, prevD: usize, act: i32, rows: i32): void {
  const rowBytes = <usize>cols << 2;
  const prevStep = <usize>inputs << 2;
  for (let r = 0; r < rows; r += 2) {
    const d0 = d + <usize>r * rowBytes;
    const d1 = d0 + rowBytes;
    for (let i = 0; i < inputs; i += 4) {
      const w0 = w + <usize>i * rowBytes;
      const w1 = w0 + rowBytes;
      const w2 = w1 + rowBytes;
      const w3 = w2 + rowBytes;
      let a0 = f32x4.splat(0), a1 = a0, a2 = a0, a3 = a0;
      let c0 = a0, c1 = a0, c2 = a0, c3 = a0;
      for (let j: usize = 0; j < rowBytes; j += 16) {
        const x0 = v128.load(d0 + j);
        const x1 = v128.load(d1 + j);
        const y0 = v128.load(w0 + j);
        const y1 = v128.load(w1 + j);
        const y2 = v128.load(w2 + j);
        const y3 = v128.load(w3 + j);
        a0 = madd(x0, y0, a0);
        a1 = madd(x0, y1, a1);
        a2 = madd(x0, y2, a2);
        a3 = madd(x0, y3, a3);
        c0 = madd(x1, y0, c0);
        c1 = madd(x1, y1, c1);
        c2 = madd(x1, y2, c2);
        c3 = madd(x1, y3, c3);
      }
      const p0 = <usize>r * prevStep + (<usize>i << 2);
      const p1 = p0 + prevStep;
      v128.store(prevD + p0, derivative(hsum4(a0, a1, a2, a3), v128.load(prev + p0), act));
      v128.store(prevD + p1, derivative(hsum4(c0, c1, c2, c3), v128.load(prev + p1), act));
    }
  }
}

/**
 * The kernel gradient src^T . d, for kernel rows k < inputs, in 2x16 tiles accumulated over the batch rows,
 * applied to w by the optimizer as each tile completes; then the bias gradient.
 */
export function updateLayer(src: usize, srcStride: i32, inputs: i32, d: usize, cols: i32, w: usize, bias: usize, rows: i32): void {
  const srcStep = <usize>srcStride << 2;
  const rowBytes = <usize>cols << 2;
  for (let c = 0; c < cols; c += 16) {
    const colOffset = <usize>c << 2;
    for (let k = 0; k < inputs; k += 2) {
      let x = src + (<usize>k << 2);
      let dp = d + colOffset;
      let a0 = f32x4.splat(0), a1 = a0, a2 = a0, a3 = a0;
      let c0 = a0, c1 = a0, c2 = a0, c3 = a0;
      for (let r = 0; r < rows; r++) {
        const s0 = v128.load32_splat(x);
        const s1 = v128.load32_splat(x, 4);
        const g0 = v128.load(dp);
        const g1 = v128.load(dp, 16);
        const g2 = v128.load(dp, 32);
        const g3 = v128.load(dp, 48);
        a0 = madd(s0, g0, a0);
        a1 = madd(s0, g1, a1);
        a2 = madd(s0, g2, a2);
        a3 = madd(s0, g3, a3);
        c0 = madd(s1, g0, c0);
        c1 = madd(s1, g1, c1);
        c2 = madd(s1, g2, c2);
        c3 = madd(s1, g3, c3);
        x += srcStep;
        dp += rowBytes;
      }
      const p0 = w + <usize>k * rowBytes + colOffset;
      update(p0, a0);
      update(p0 + 16, a1);
      update(p0 + 32, a2);
      update(p0 + 48, a3);
      if (k + 1 === inputs) break; // odd input count: the second row of the tile is padding
      const p1 = p0 + rowBytes;
      update(p1, c0);
      update(p1 + 16, c1);
      update(p1 + 32, c2);
      update(p1 + 48, c3);
    }
    updateBias(d + colOffset, rowBytes, bias + colOffset, rows);
  }
}

/** Rows of a block in kernelGradient: its patches and deltas stay in the cache for every tile that reads them. */
const BLOCK_ROWS = 64;

/**
 * updateLayer for a tall src (a convolution's patches, rows = samples x positions): the same src^T . d in 2x16
 * tiles, but over blocks of BLOCK_ROWS rows, each tile's block sums added into acc [inputs rounded up to 2][cols]
 * (scratch), so that every block is read from the cache rather than memory; then the optimizer step from acc
 * and the bias.
 */
export function updateTallLayer(src: usize, srcStride: i32, inputs: i32, d: usize, cols: i32, w: usize, bias: usize, rows: i32, acc: usize): void {
  const srcStep = <usize>srcStride << 2;
  const rowBytes = <usize>cols << 2;
  const pairs = (inputs + 1) & ~1;
  memory.fill(acc, 0, <usize>pairs * rowBytes);
  for (let r0 = 0; r0 < rows; r0 += BLOCK_ROWS) {
    const count = min(BLOCK_ROWS, rows - r0);
    for (let c = 0; c < cols; c += 16) {
      const colOffset = <usize>c << 2;
      for (let k = 0; k < pairs; k += 2) {
        let x = src + <usize>r0 * srcStep + (<usize>k << 2);
        let dp = d + <usize>r0 * rowBytes + colOffset;
        const p0 = acc + <usize>k * rowBytes + colOffset;
        const p1 = p0 + rowBytes;
        let a0 = v128.load(p0), a1 = v128.load(p0, 16), a2 = v128.load(p0, 32), a3 = v128.load(p0, 48);
        let c0 = v128.load(p1), c1 = v128.load(p1, 16), c2 = v128.load(p1, 32), c3 = v128.load(p1, 48);
        for (let r = 0; r < count; r++) {
          const s0 = v128.load32_splat(x);
          const s1 = v128.load32_splat(x, 4);
          const g0 = v128.load(dp);
          const g1 = v128.load(dp, 16);
          const g2 = v128.load(dp, 32);
          const g3 = v128.load(dp, 48);
          a0 = madd(s0, g0, a0);
          a1 = madd(s0, g1, a1);
          a2 = madd(s0, g2, a2);
          a3 = madd(s0, g3, a3);
          c0 = madd(s1, g0, c0);
          c1 = madd(s1, g1, c1);
          c2 = madd(s1, g2, c2);
          c3 = madd(s1, g3, c3);
          x += srcStep;
          dp += rowBytes;
        }
        v128.store(p0, a0);
        v128.store(p0, a1, 16);
        v128.store(p0, a2, 32);
        v128.store(p0, a3, 48);
        v128.store(p1, c0);
        v128.store(p1, c1, 16);
        v128.store(p1, c2, 32);
        v128.store(p1, c3, 48);
      }
    }
  }
  const end = <usize>inputs * rowBytes;
  for (let p: usize = 0; p < end; p += 16) update(w + p, v128.load(acc + p));
  for (let c = 0; c < cols; c += 16) updateBias(d + (<usize>c << 2), rowBytes, bias + (<usize>c << 2), rows);
}

/** Optimizer step on 16 biases at bias from their gradient, the column sums of d (rows of rowBytes). */
export function updateBias(d: usize, rowBytes: usize, bias: usize, rows: i32): void {
  let g0 = f32x4.splat(0), g1 = g0, g2 = g0, g3 = g0;
  let dp = d;
  for (let r = 0; r < rows; r++) {
    g0 = f32x4.add(g0, v128.load(dp));
    g1 = f32x4.add(g1, v128.load(dp, 16));
    g2 = f32x4.add(g2, v128.load(dp, 32));
    g3 = f32x4.add(g3, v128.load(dp, 48));
    dp += rowBytes;
  }
  update(bias, g0);
  update(bias + 16, g1);
  update(bias + 32, g2);
  update(bias + 48, g3);
}
