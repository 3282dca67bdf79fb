// A Conv2D's two products with its output gradient d [rows][cols], over d's nonzeros only. After max pooling only
// each window's winner has a gradient, and only where relu let it through (and dropout further on): about a tenth
// of keras.io's CNN's. Both add the same terms in the same order as the dense products, minus the zero ones.
import { madd } from './madd';
import { update, updateBias } from './backward';

/**
 * The nonzeros of a row of cols floats as (column i32, value f32) from list on; returns the end. Without a branch on
 * their irregular pattern: every float is written at the list's end, which moves past it only when it is nonzero.
 * A NaN counts as nonzero, so a diverging run still shows.
 */
@inline function listRow(row: usize, cols: i32, list: usize): usize {
  for (let j = 0; j < cols; j++) {
    const value = load<f32>(row + (<usize>j << 2));
    store<i32>(list, j);
    store<f32>(list, value, 4);
    list += <usize>(value != 0) << 3;
  }
  return list;
}

/**
 * Both products of a Conv2D's backward pass, row by row of d [rows][cols] over the row's nonzeros (listed in list,
 * scratch of cols entries): with patchD (else 0), its patch gradients patchD [rows][stride] = d . wT, wT [cols][stride]
 * the kernel transposed (pack.as; stride a multiple of 16), in tiles of 32 (the last maybe 16) columns; and the kernel
 * gradient patch^T . d for patch [rows][ks] (ks a multiple of 4), added into accT [cols][ks] (kernel row j += the
 * patch row times d[r][j]), then applied to w [ks][cols] for its first `inputs` rows by the optimizer; then the bias.
 */
export function sparseConvBackward(d: usize, cols: i32, wT: usize, stride: i32, patchD: usize, patch: usize, ks: i32, inputs: i32, w: usize, bias: usize, rows: i32, accT: usize, list: usize): void {
  const dStep = <usize>cols << 2;
  const patchStep = <usize>ks << 2;
  memory.fill(accT, 0, <usize>cols * patchStep);
  for (let r = 0; r < rows; r++) {
    const end = listRow(d + <usize>r * dStep, cols, list);
    if (patchD !== 0) patchGradientRow(list, end, wT, stride, patchD + <usize>r * (<usize>stride << 2));
    const p = patch + <usize>r * patchStep;
    for (let e = list; e < end; e += 8) {
      const s = v128.load32_splat(e, 4);
      const acc = accT + <usize>load<i32>(e) * patchStep;
      let t: usize = 0;
      for (; t + 64 <= patchStep; t += 64) {
        v128.store(acc + t, madd(s, v128.load(p + t), v128.load(acc + t)));
        v128.store(acc + t, madd(s, v128.load(p + t, 16), v128.load(acc + t, 16)), 16);
        v128.store(acc + t, madd(s, v128.load(p + t, 32), v128.load(acc + t, 32)), 32);
        v128.store(acc + t, madd(s, v128.load(p + t, 48), v128.load(acc + t, 48)), 48);
      }
      for (; t < patchStep; t += 16) v128.store(acc + t, madd(s, v128.load(p + t), v128.load(acc + t)));
    }
  }
  applyTransposed(accT, ks, inputs, cols, w);
  for (let c = 0; c < cols; c += 16) updateBias(d + (<usize>c << 2), dStep, bias + (<usize>c << 2), rows);
}

/** One row of patch gradients, out [stride] = the listed (j, value) entries' sum of value * wT[j]. */
@inline function patchGradientRow(list: usize, end: usize, wT: usize, stride: i32, out: usize): void {
  const outStep = <usize>stride << 2;
  const zero = f32x4.splat(0);
  let t: usize = 0;
  for (; t + 128 <= outStep; t += 128) {
    let a0 = zero, a1 = zero, a2 = zero, a3 = zero, a4 = zero, a5 = zero, a6 = zero, a7 = zero;
    for (let e = list; e < end; e += 8) {
      const s = v128.load32_splat(e, 4);
      const wp = wT + <usize>load<i32>(e) * outStep + t;
      a0 = madd(s, v128.load(wp), a0);
      a1 = madd(s, v128.load(wp, 16), a1);
      a2 = madd(s, v128.load(wp, 32), a2);
      a3 = madd(s, v128.load(wp, 48), a3);
      a4 = madd(s, v128.load(wp, 64), a4);
      a5 = madd(s, v128.load(wp, 80), a5);
      a6 = madd(s, v128.load(wp, 96), a6);
      a7 = madd(s, v128.load(wp, 112), a7);
    }
    v128.store(out + t, a0);
    v128.store(out + t, a1, 16);
    v128.store(out + t, a2, 32);
    v128.store(out + t, a3, 48);
    v128.store(out + t, a4, 64);
    v128.store(out + t, a5, 80);
    v128.store(out + t, a6, 96);
    v128.store(out + t, a7, 112);
  }
  if (t === outStep) return;
  let a0 = zero, a1 = zero, a2 = zero, a3 = zero;
  for (let e = list; e < end; e += 8) {
    const s = v128.load32_splat(e, 4);
    const wp = wT + <usize>load<i32>(e) * outStep + t;
    a0 = madd(s, v128.load(wp), a0);
    a1 = madd(s, v128.load(wp, 16), a1);
    a2 = madd(s, v128.load(wp, 32), a2);
    a3 = madd(s, v128.load(wp, 48), a3);
  }
  v128.store(out + t, a0);
  v128.store(out + t, a1, 16);
  v128.store(out + t, a2, 32);
  v128.store(out + t, a3, 48);
}

/** The optimizer step on w [k][cols] for k < inputs from the gradient held transposed, accT [cols][ks]. */
function applyTransposed(accT: usize, ks: i32, inputs: i32, cols: i32, w: usize): void {
  const accStep = <usize>ks << 2;
  for (let k = 0; k < inputs; k++) {
    let a = accT + (<usize>k << 2);
    const row = w + (<usize>k * cols << 2);
    for (let c = 0; c < cols; c += 4) {
      let g = v128.load32_splat(a);
      g = f32x4.replace_lane(g, 1, load<f32>(a + accStep));
      g = f32x4.replace_lane(g, 2, load<f32>(a + 2 * accStep));
      g = f32x4.replace_lane(g, 3, load<f32>(a + 3 * accStep));
      update(row + (<usize>c << 2), g);
      a += accStep << 2;
    }
  }
}
