// Forward pass of the hidden and output layers: Dense products in 2x16 register tiles (the GEMM every layer's
// product runs on), hidden activations.
import { madd } from './madd';
import { ACT_LINEAR, ACT_RELU, ACT_SIGMOID } from './net';

/** Rows per block of gemm(): a block's src rows stay in the cache while every column block of the kernel passes over them. */
const BLOCK_ROWS = 64;

/** out[r][c] = bias[c] + sum over k < inputs of src[r][k] * w[k][c] (relu'd with relu): gemm() on a kernel stored [k][cols]. */
export function dense(src: usize, srcStride: i32, inputs: i32, w: usize, bias: usize, cols: i32, out: usize, rows: i32, relu: bool = false): void {
  gemm(src, srcStride, inputs, w, <usize>cols << 2, 64, bias, cols, out, rows, relu);
}

/**
 * out[r][c] = bias[c] + sum over k < inputs of src[r][k] * w(k, c), for rows 0..rows (even) and cols (a multiple
 * of 16, out's row stride). The kernel's 16-column block b starts at w + b * blockBytes, its rows rowBytes apart: a
 * kernel stored [k][cols] (blockBytes 64), or packed [cols / 16][k][16] (pack.as). Each tile keeps 2 rows x 16
 * columns in eight registers and streams one kernel row per k. With relu, stores relu(out) (a pass over the output
 * saved).
 */
export function gemm(src: usize, srcStride: i32, inputs: i32, w: usize, rowBytes: usize, blockBytes: usize, bias: usize, cols: i32, out: usize, rows: i32, relu: bool): void {
  const srcStep = <usize>srcStride << 2;
  const outStep = <usize>cols << 2;
  const zero = f32x4.splat(0);
  for (let r0 = 0; r0 < rows; r0 += BLOCK_ROWS) {
    const blockEnd = min(rows, r0 + BLOCK_ROWS);
    for (let c = 0; c < cols; c += 16) {
      const colOffset = <usize>c << 2;
      const b0 = v128.load(bias + colOffset);
      const b1 = v128.load(bias + colOffset, 16);
      const b2 = v128.load(bias + colOffset, 32);
      const b3 = v128.load(bias + colOffset, 48);
      const block = w + (<usize>c >> 4) * blockBytes;
      for (let r = r0; r < blockEnd; r += 2) {
        let x0 = src + <usize>r * srcStep;
        let x1 = x0 + srcStep;
        let wp = block;
        let a0 = b0, a1 = b1, a2 = b2, a3 = b3;
        let c0 = b0, c1 = b1, c2 = b2, c3 = b3;
        for (let k = 0; k < inputs; k++) {
          const s0 = v128.load32_splat(x0);
          const s1 = v128.load32_splat(x1);
          const w0 = v128.load(wp);
          const w1 = v128.load(wp, 16);
          const w2 = v128.load(wp, 32);
          const w3 = v128.load(wp, 48);
          a0 = madd(s0, w0, a0);
          a1 = madd(s0, w1, a1);
          a2 = madd(s0, w2, a2);
          a3 = madd(s0, w3, a3);
          c0 = madd(s1, w0, c0);
          c1 = madd(s1, w1, c1);
          c2 = madd(s1, w2, c2);
          c3 = madd(s1, w3, c3);
          x0 += 4;
          x1 += 4;
          wp += rowBytes;
        }
        if (relu) {
          a0 = f32x4.pmax(a0, zero);
          a1 = f32x4.pmax(a1, zero);
          a2 = f32x4.pmax(a2, zero);
          a3 = f32x4.pmax(a3, zero);
          c0 = f32x4.pmax(c0, zero);
          c1 = f32x4.pmax(c1, zero);
          c2 = f32x4.pmax(c2, zero);
          c3 = f32x4.pmax(c3, zero);
        }
        const o0 = out + <usize>r * outStep + colOffset;
        const o1 = o0 + outStep;
        v128.store(o0, a0);
        v128.store(o0, a1, 16);
        v128.store(o0, a2, 32);
        v128.store(o0, a3, 48);
        v128.store(o1, c0);
        v128.store(o1, c1, 16);
        v128.store(o1, c2, 32);
        v128.store(o1, c3, 48);
      }
    }
  }
}

/** Applies a hidden activation in place to count floats (a multiple of 4). */
export function activate(a: usize, count: i32, act: i32): void {
  const end = a + (<usize>count << 2);
  if (act === ACT_LINEAR) return;
  if (act === ACT_RELU) {
    const zero = f32x4.splat(0);
    // pmax(z, 0) keeps a NaN pre-activation as NaN, so a diverging run shows in the loss.
    for (let p = a; p < end; p += 16) v128.store(p, f32x4.pmax(v128.load(p), zero));
    return;
  }
  if (act === ACT_SIGMOID) {
    for (let p = a; p < end; p += 4) store<f32>(p, 1 / (1 + Mathf.exp(-load<f32>(p))));
    return;
  }
  for (let p = a; p < end; p += 4) store<f32>(p, Mathf.tanh(load<f32>(p)));
}
