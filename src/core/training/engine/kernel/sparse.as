// The first layer, on the batch's pixels. MNIST inputs are mostly exact zeros, so its product and its kernel
// gradient run over lists of the nonzero inputs: the dense sums, in the same order, minus the zero terms.
// Tiles are 1 row x 32 columns (the first layer's width is padded to 32). Augmentation (shift, rotate, scale)
// belongs in gatherSparse: transform each sample's pixels before listing them.
import { madd } from './madd';
import { update, updateBias, zeroGradientIsNoOp } from './backward';

/**
 * Gathers the batch straight into lists of its nonzero inputs, pixel / 255: per row (input index, value) in
 * input order, and per input (row, value) in row order, with their counts. A 16-byte zero test picks the
 * nonzero pixels. Rows past n (the even-row padding) repeat the last sample; their loss gradient is zero.
 */
export function gatherSparse(pixels: usize, inputs: i32, order: usize, n: i32, rows: i32, rowLists: usize, rowCounts: usize, colLists: usize, colCounts: usize, capacity: i32): void {
  const colBytes = <usize>capacity << 3;
  const zero = i8x16.splat(0);
  memory.fill(colCounts, 0, <usize>inputs << 2);
  for (let r = 0; r < rows; r++) {
    const src = pixels + <usize>load<u32>(order + (<usize>min(r, n - 1) << 2)) * inputs;
    let entry = rowLists + (<usize>r * inputs << 3);
    const first = entry;
    for (let base = 0; base < inputs; base += 16) {
      // Past the last full 16 bytes, only the inputs that exist count.
      let mask = i8x16.bitmask(i8x16.ne(v128.load(src + base), zero)) & ((1 << min(16, inputs - base)) - 1);
      while (mask !== 0) {
        const k = base + ctz(mask);
        mask &= mask - 1;
        const value = <f32>load<u8>(src + k) / 255;
        store<i32>(entry, k);
        store<f32>(entry, value, 4);
        entry += 8;
        const countAt = colCounts + (<usize>k << 2);
        const count = load<i32>(countAt);
        const colEntry = colLists + <usize>k * colBytes + (<usize>count << 3);
        store<i32>(colEntry, r);
        store<f32>(colEntry, value, 4);
        store<i32>(countAt, count + 1);
      }
    }
    store<i32>(rowCounts + (<usize>r << 2), <i32>((entry - first) >> 3));
  }
}

/** out[r][c] = bias[c] + sum over the nonzero inputs k of row r of x[r][k] * w[k][c]. */
export function sparseForward(rowLists: usize, rowCounts: usize, inputs: i32, w: usize, bias: usize, cols: i32, out: usize, rows: i32): void {
  const rowBytes = <usize>cols << 2;
  for (let r = 0; r < rows; r++) {
    const list = rowLists + (<usize>r * inputs << 3);
    const end = list + (<usize>load<i32>(rowCounts + (<usize>r << 2)) << 3);
    const o = out + <usize>r * rowBytes;
    for (let c: usize = 0; c < rowBytes; c += 128) {
      let a0 = v128.load(bias + c), a1 = v128.load(bias + c, 16), a2 = v128.load(bias + c, 32), a3 = v128.load(bias + c, 48);
      let a4 = v128.load(bias + c, 64), a5 = v128.load(bias + c, 80), a6 = v128.load(bias + c, 96), a7 = v128.load(bias + c, 112);
      for (let e = list; e < end; e += 8) {
        const s = v128.load32_splat(e, 4);
        const wp = w + <usize>load<i32>(e) * rowBytes + c;
        a0 = madd(s, v128.load(wp), a0);
        a1 = madd(s, v128.load(wp, 16), a1);
        a2 = madd(s, v128.load(wp, 32), a2);
        a3 = madd(s, v128.load(wp, 48), a3);
        a4 = madd(s, v128.load(wp, 64), a4);
        a5 = madd(s, v128.load(wp, 80), a5);
        a6 = madd(s, v128.load(wp, 96), a6);
        a7 = madd(s, v128.load(wp, 112), a7);
      }
      v128.store(o + c, a0);
      v128.store(o + c, a1, 16);
      v128.store(o + c, a2, 32);
      v128.store(o + c, a3, 48);
      v128.store(o + c, a4, 64);
      v128.store(o + c, a5, 80);
      v128.store(o + c, a6, 96);
      v128.store(o + c, a7, 112);
    }
  }
}

/**
 * The kernel gradient x^T . d row by row of the kernel, each over the batch rows where that input is
 * nonzero, applied by the optimizer as each 32-column tile completes; then the bias.
 */
export function sparseUpdate(colLists: usize, colCounts: usize, capacity: i32, inputs: i32, d: usize, cols: i32, w: usize, bias: usize, rows: i32): void {
  const rowBytes = <usize>cols << 2;
  const colBytes = <usize>capacity << 3;
  const skipEmpty = zeroGradientIsNoOp();
  for (let k = 0; k < inputs; k++) {
    const list = colLists + <usize>k * colBytes;
    const count = load<i32>(colCounts + (<usize>k << 2));
    if (count === 0 && skipEmpty) continue;
    const end = list + (<usize>count << 3);
    const wk = w + <usize>k * rowBytes;
    for (let c: usize = 0; c < rowBytes; c += 128) {
      let a0 = f32x4.splat(0), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
      for (let e = list; e < end; e += 8) {
        const s = v128.load32_splat(e, 4);
        const dp = d + <usize>load<i32>(e) * rowBytes + c;
        a0 = madd(s, v128.load(dp), a0);
        a1 = madd(s, v128.load(dp, 16), a1);
        a2 = madd(s, v128.load(dp, 32), a2);
        a3 = madd(s, v128.load(dp, 48), a3);
        a4 = madd(s, v128.load(dp, 64), a4);
        a5 = madd(s, v128.load(dp, 80), a5);
        a6 = madd(s, v128.load(dp, 96), a6);
        a7 = madd(s, v128.load(dp, 112), a7);
      }
      const p = wk + c;
      update(p, a0);
      update(p + 16, a1);
      update(p + 32, a2);
      update(p + 48, a3);
      update(p + 64, a4);
      update(p + 80, a5);
      update(p + 96, a6);
      update(p + 112, a7);
    }
  }
  for (let c: usize = 0; c < rowBytes; c += 64) updateBias(d + c, rowBytes, bias + c, rows);
}
