// Max and average pooling over tensors stored [rows][height][width][channel stride] (real channels first, the
// rest zero), and their backward passes, which write the whole input gradient, padding channels zero.

/**
 * Max pooling of src [n][h][w][cs] into out [n][oh][ow][outCs] (real channels c), windows ph x pw at strides sy, sx
 * with padTop / padLeft (padding never wins). argmax[(r, y, x, ch)] holds the winning input's float index in src:
 * the first maximum in window order, as TensorFlow picks it; a NaN wins, so a diverging run shows in the loss.
 * Four channels at a time (cs is a multiple of 4 wherever c > 1, and outCs always is), eight where the strides allow.
 */
export function maxPool(src: usize, n: i32, h: i32, w: i32, cs: i32, c: i32, ph: i32, pw: i32, sy: i32, sx: i32, padTop: i32, padLeft: i32, oh: i32, ow: i32, outCs: i32, out: usize, argmax: usize): void {
  const groups = c === 1 ? 1 : (c + 3) >> 2;
  const pairs = (cs & 7) === 0 && (outCs & 7) === 0 ? groups >> 1 : 0;
  for (let r = 0; r < n; r++) {
    for (let y = 0; y < oh; y++) {
      const y0 = max(y * sy - padTop, 0);
      const y1 = min(y * sy - padTop + ph, h);
      for (let x = 0; x < ow; x++) {
        const x0 = max(x * sx - padLeft, 0);
        const x1 = min(x * sx - padLeft + pw, w);
        const o = (((<usize>r * oh + y) * ow + x) * outCs) << 2;
        const corner = ((r * h + y0) * w + x0) * cs;
        let g = 0;
        for (; g < pairs << 1; g += 2) poolWindow(src, corner + (g << 2), w * cs, cs, y1 - y0, x1 - x0, out + o + (<usize>g << 4), argmax + o + (<usize>g << 4), true);
        for (; g < groups; g++) poolWindow(src, corner + (g << 2), w * cs, cs, y1 - y0, x1 - x0, out + o + (<usize>g << 4), argmax + o + (<usize>g << 4), false);
      }
    }
  }
}

/**
 * The maximum and its index of the four channels from float `first` of src (eight with pair: two independent
 * chains, which the CPU overlaps) over a window of rows x cols cells rowStep floats apart, into out and argmax.
 */
@inline function poolWindow(src: usize, first: i32, rowStep: i32, cs: i32, rows: i32, cols: i32, out: usize, argmax: usize, pair: bool): void {
  const lanes = i32x4(0, 1, 2, 3);
  let best = v128.load(src + (<usize>first << 2));
  let best2 = pair ? v128.load(src + (<usize>first << 2), 16) : best;
  let at = i32x4.add(i32x4.splat(first), lanes);
  let at2 = i32x4.add(at, i32x4.splat(4));
  let rowFirst = first;
  for (let iy = 0; iy < rows; iy++) {
    let index = rowFirst;
    for (let ix = 0; ix < cols; ix++) {
      const value = v128.load(src + (<usize>index << 2));
      const wins = v128.or(f32x4.gt(value, best), f32x4.ne(value, value));
      const where = i32x4.add(i32x4.splat(index), lanes);
      best = v128.bitselect(value, best, wins);
      at = v128.bitselect(where, at, wins);
      if (pair) {
        const value2 = v128.load(src + (<usize>index << 2), 16);
        const wins2 = v128.or(f32x4.gt(value2, best2), f32x4.ne(value2, value2));
        best2 = v128.bitselect(value2, best2, wins2);
        at2 = v128.bitselect(i32x4.add(where, i32x4.splat(4)), at2, wins2);
      }
      index += cs;
    }
    rowFirst += rowStep;
  }
  v128.store(out, best);
  v128.store(argmax, at);
  if (!pair) return;
  v128.store(out, best2, 16);
  v128.store(argmax, at2, 16);
}

/**
 * srcD = 0, then each output gradient added to its window's winner; with pooled (this pooling's output, else 0),
 * only where it is above 0: relu's derivative, when the pooling's input is a relu's output (pooled is the winner's
 * value).
 */
export function maxPoolBack(d: usize, argmax: usize, n: i32, oh: i32, ow: i32, cs: i32, c: i32, srcD: usize, srcCount: i32, pooled: usize): void {
  memory.fill(srcD, 0, <usize>srcCount << 2);
  const cells = n * oh * ow;
  for (let cell = 0; cell < cells; cell++) {
    const o = <usize>cell * cs;
    for (let ch = 0; ch < c; ch++) {
      const out = (o + ch) << 2;
      if (pooled !== 0 && !(load<f32>(pooled + out) > 0)) continue;
      const at = srcD + (<usize>load<i32>(argmax + out) << 2);
      store<f32>(at, load<f32>(at) + load<f32>(d + out));
    }
  }
}

/**
 * maxPoolBack for windows that tile the input [n][h][w][cs] exactly (stride = window, no padding, every input
 * in one window; cs a multiple of 4, the output's stride too): each input vector written once, its window's
 * gradient where it won, else zero; no fill, no scattered adds.
 */
export function maxPoolBackTiled(d: usize, argmax: usize, n: i32, oh: i32, ow: i32, c: i32, h: i32, w: i32, cs: i32, ph: i32, pw: i32, srcD: usize, pooled: usize): void {
  const lanes = i32x4(0, 1, 2, 3);
  const zero = f32x4.splat(0);
  const groups = (c + 3) >> 2;
  const rowFloats = w * cs;
  let o: usize = 0;
  for (let r = 0; r < n; r++) {
    for (let y = 0; y < oh; y++) {
      for (let x = 0; x < ow; x++) {
        const corner = ((r * h + y * ph) * w + x * pw) * cs;
        for (let g = 0; g < cs >> 2; g++) {
          let grad = zero;
          let at = i32x4.splat(-1);
          if (g < groups) {
            const out = (o + (<usize>g << 2)) << 2;
            grad = v128.load(d + out);
            if (pooled !== 0) grad = v128.and(grad, f32x4.gt(v128.load(pooled + out), zero));
            at = v128.load(argmax + out);
          }
          for (let iy = 0; iy < ph; iy++) {
            for (let ix = 0; ix < pw; ix++) {
              const index = corner + iy * rowFloats + ix * cs + (g << 2);
              v128.store(srcD + (<usize>index << 2), v128.and(grad, i32x4.eq(at, i32x4.add(i32x4.splat(index), lanes))));
            }
          }
        }
        o += <usize>cs;
      }
    }
  }
}

/**
 * Average pooling (sign 1) or its backward pass (sign -1: spreads d over each window into srcD, zeroed first).
 * Like TensorFlow, a window is divided by the number of real inputs it covers.
 */
export function averagePool(src: usize, n: i32, h: i32, w: i32, cs: i32, c: i32, ph: i32, pw: i32, sy: i32, sx: i32, padTop: i32, padLeft: i32, oh: i32, ow: i32, out: usize, backward: bool): void {
  if (backward) memory.fill(src, 0, <usize>n * h * w * cs << 2);
  for (let r = 0; r < n; r++) {
    for (let y = 0; y < oh; y++) {
      const y0 = max(y * sy - padTop, 0);
      const y1 = min(y * sy - padTop + ph, h);
      for (let x = 0; x < ow; x++) {
        const x0 = max(x * sx - padLeft, 0);
        const x1 = min(x * sx - padLeft + pw, w);
        const scale = <f32>1 / <f32>((y1 - y0) * (x1 - x0));
        const o = ((<usize>r * oh + y) * ow + x) * cs;
        for (let ch = 0; ch < c; ch++) {
          const share = backward ? load<f32>(out + ((o + ch) << 2)) * scale : 0;
          let sum: f32 = 0;
          for (let iy = y0; iy < y1; iy++) {
            for (let ix = x0; ix < x1; ix++) {
              const at = src + ((((<usize>r * h + iy) * w + ix) * cs + ch) << 2);
              if (backward) store<f32>(at, load<f32>(at) + share);
              else sum += load<f32>(at);
            }
          }
          if (!backward) store<f32>(out + ((o + ch) << 2), sum * scale);
        }
      }
    }
  }
}
