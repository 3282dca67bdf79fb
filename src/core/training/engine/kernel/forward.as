// Forward pass of the hidden and output layers: Dense products in 2x16 register tiles, hidden activations.
import { madd } from './madd';
import { ACT_LINEAR, ACT_RELU, ACT_SIGMOID } from './net';

/**
 * out[r][c] = bias[c] + sum over k < inputs of src[r][k] * w[k][c], for rows 0..rows (even) and cols (a
 * multiple of 16). Each tile keeps 2 rows x 16 columns in eight registers and streams one kernel row per k.
 */
export function dense(src: usize, srcStride: i32, inputs: i32, w: usize, bias: usize, cols: i32, out: usize, rows: i32): void {
  const srcStep = <usize>srcStride << 2;
  const wStep = <usize>cols << 2;
  for (let c = 0; c < cols; c += 16) {
    const colOffset = <usize>c << 2;
    const b0 = v128.load(bias + colOffset);
    const b1 = v128.load(bias + colOffset, 16);
    const b2 = v128.load(bias + colOffset, 32);
    const b3 = v128.load(bias + colOffset, 48);
    for (let r = 0; r < rows; r += 2) {
      let x0 = src + <usize>r * srcStep;
      let x1 = x0 + srcStep;
      let wp = w + colOffset;
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
        wp += wStep;
      }
      const o0 = out + <usize>r * wStep + colOffset;
      const o1 = o0 + wStep;
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
