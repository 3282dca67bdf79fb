// The convolutional network's own passes, over tensors stored [rows][height][width][channel stride] with the
// real channels first and the rest zero: im2col / col2im around the Dense GEMM tiles (a Conv2D is a Dense layer
// on patches), max and average pooling, Flatten's compaction to the real channels, dropout, and activation
// derivatives. Every backward pass writes the whole input gradient, padding channels zero.

/** count floats from src to dst: a bulk copy when it is long, else a plain loop (a short memory.copy costs a call). */
@inline function copyFloats(dst: usize, src: usize, count: i32): void {
  if (count >= 16) {
    memory.copy(dst, src, <usize>count << 2);
    return;
  }
  for (let k = 0; k < count; k++) store<f32>(dst + (<usize>k << 2), load<f32>(src + (<usize>k << 2)));
}

/**
 * Patches of src [n][h][w][cs] (real channels c) for a kh x kw window at stride 1 with padTop / padLeft zero
 * padding: patch[(r * oh + y) * ow + x][(i * kw + j) * c + ch], row stride ks (k = kh * kw * c real values, the
 * rest zero). A window row inside the image is one copy when the channels are stored unpadded (cs = c).
 */
export function im2col(src: usize, n: i32, h: i32, w: i32, cs: i32, c: i32, kh: i32, kw: i32, padTop: i32, padLeft: i32, oh: i32, ow: i32, patch: usize, ks: i32): void {
  const rowBytes = <usize>ks << 2;
  const channelBytes = <usize>c << 2;
  const k = kh * kw * c;
  let out = patch;
  for (let r = 0; r < n; r++) {
    const sample = src + (<usize>r * h * w * cs << 2);
    for (let y = 0; y < oh; y++) {
      for (let x = 0; x < ow; x++) {
        let at = out;
        const x0 = x - padLeft;
        const inside = x0 >= 0 && x0 + kw <= w;
        for (let i = 0; i < kh; i++) {
          const sy = y + i - padTop;
          if (sy < 0 || sy >= h) {
            memory.fill(at, 0, channelBytes * kw);
          } else if (inside && cs === c) {
            copyFloats(at, sample + ((<usize>sy * w + x0) * cs << 2), kw * c);
          } else {
            for (let j = 0; j < kw; j++) {
              const sx = x0 + j;
              if (sx >= 0 && sx < w) copyFloats(at + channelBytes * j, sample + ((<usize>sy * w + sx) * cs << 2), c);
              else memory.fill(at + channelBytes * j, 0, channelBytes);
            }
          }
          at += channelBytes * kw;
        }
        for (let z = k; z < ks; z++) store<f32>(out + (<usize>z << 2), 0);
        out += rowBytes;
      }
    }
  }
}

/** The reverse of im2col: srcD [n][h][w][cs] = the sum of every patch gradient over the input it was copied from. */
export function col2im(patchD: usize, n: i32, h: i32, w: i32, cs: i32, c: i32, kh: i32, kw: i32, padTop: i32, padLeft: i32, oh: i32, ow: i32, ks: i32, srcD: usize): void {
  const rowBytes = <usize>ks << 2;
  memory.fill(srcD, 0, <usize>n * h * w * cs << 2);
  let from = patchD;
  for (let r = 0; r < n; r++) {
    const sample = srcD + (<usize>r * h * w * cs << 2);
    for (let y = 0; y < oh; y++) {
      for (let x = 0; x < ow; x++) {
        let at = from;
        for (let i = 0; i < kh; i++) {
          const sy = y + i - padTop;
          for (let j = 0; j < kw; j++) {
            const sx = x + j - padLeft;
            if (sy >= 0 && sy < h && sx >= 0 && sx < w) addInto(sample + ((<usize>sy * w + sx) * cs << 2), at, c);
            at += <usize>c << 2;
          }
        }
        from += rowBytes;
      }
    }
  }
}

/** dst[0..count) += src[0..count) */
@inline function addInto(dst: usize, src: usize, count: i32): void {
  let k = 0;
  for (; k + 4 <= count; k += 4) {
    const offset = <usize>k << 2;
    v128.store(dst + offset, f32x4.add(v128.load(dst + offset), v128.load(src + offset)));
  }
  for (; k < count; k++) {
    const offset = <usize>k << 2;
    store<f32>(dst + offset, load<f32>(dst + offset) + load<f32>(src + offset));
  }
}

/**
 * Max pooling of src [n][h][w][cs] into out [n][oh][ow][outCs] (real channels c), windows ph x pw at strides sy, sx
 * with padTop / padLeft (padding never wins). argmax[(r, y, x, ch)] holds the winning input's float index in src:
 * the first maximum in window order, as TensorFlow picks it; a NaN wins, so a diverging run shows in the loss.
 * Four channels at a time (cs is a multiple of 4 wherever c > 1, and outCs always is).
 */
export function maxPool(src: usize, n: i32, h: i32, w: i32, cs: i32, c: i32, ph: i32, pw: i32, sy: i32, sx: i32, padTop: i32, padLeft: i32, oh: i32, ow: i32, outCs: i32, out: usize, argmax: usize): void {
  const lanes = i32x4(0, 1, 2, 3);
  const groups = c === 1 ? 1 : (c + 3) >> 2;
  for (let r = 0; r < n; r++) {
    for (let y = 0; y < oh; y++) {
      const y0 = max(y * sy - padTop, 0);
      const y1 = min(y * sy - padTop + ph, h);
      for (let x = 0; x < ow; x++) {
        const x0 = max(x * sx - padLeft, 0);
        const x1 = min(x * sx - padLeft + pw, w);
        const o = (((<usize>r * oh + y) * ow + x) * outCs) << 2;
        for (let g = 0; g < groups; g++) {
          const first = ((r * h + y0) * w + x0) * cs + (g << 2);
          let best = v128.load(src + (<usize>first << 2));
          let at = i32x4.add(i32x4.splat(first), lanes);
          for (let iy = y0; iy < y1; iy++) {
            for (let ix = x0; ix < x1; ix++) {
              const index = ((r * h + iy) * w + ix) * cs + (g << 2);
              const value = v128.load(src + (<usize>index << 2));
              const wins = v128.or(f32x4.gt(value, best), f32x4.ne(value, value));
              best = v128.bitselect(value, best, wins);
              at = v128.bitselect(i32x4.add(i32x4.splat(index), lanes), at, wins);
            }
          }
          v128.store(out + o + (<usize>g << 4), best);
          v128.store(argmax + o + (<usize>g << 4), at);
        }
      }
    }
  }
}

/** srcD = 0, then each output gradient added to its window's winner. */
export function maxPoolBack(d: usize, argmax: usize, n: i32, oh: i32, ow: i32, cs: i32, c: i32, srcD: usize, srcCount: i32): void {
  memory.fill(srcD, 0, <usize>srcCount << 2);
  const cells = n * oh * ow;
  for (let cell = 0; cell < cells; cell++) {
    const o = <usize>cell * cs;
    for (let ch = 0; ch < c; ch++) {
      const at = srcD + (<usize>load<i32>(argmax + ((o + ch) << 2)) << 2);
      store<f32>(at, load<f32>(at) + load<f32>(d + ((o + ch) << 2)));
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

/**
 * Flatten: [n][cells][cs] to [n][outStride] with only the real channels (Keras' [h, w, c] order), or back
 * (the gradient, padding channels zero).
 */
export function flatten(tensor: usize, n: i32, cells: i32, cs: i32, c: i32, flat: usize, outStride: i32, backward: bool): void {
  const channelBytes = <usize>c << 2;
  if (backward) memory.fill(tensor, 0, <usize>n * cells * cs << 2);
  for (let r = 0; r < n; r++) {
    for (let cell = 0; cell < cells; cell++) {
      const t = tensor + ((<usize>r * cells + cell) * cs << 2);
      const f = flat + ((<usize>r * outStride + <usize>cell * c) << 2);
      if (backward) memory.copy(t, f, channelBytes);
      else memory.copy(f, t, channelBytes);
    }
  }
}

/**
 * Inverted dropout on count floats: keeps each with probability 1 - rate, scaled by 1 / (1 - rate) (Keras), from
 * the xorshift32 state at seedAt (advanced). mask holds each float's factor for the backward pass.
 */
export function dropout(src: usize, out: usize, mask: usize, count: i32, rate: f32, seedAt: usize): void {
  let state = load<u32>(seedAt);
  const keep: f32 = 1 / (1 - rate);
  for (let k = 0; k < count; k++) {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    const factor: f32 = <f32>(state >>> 8) * (<f32>1 / <f32>16777216) < rate ? 0 : keep;
    const at = <usize>k << 2;
    store<f32>(mask + at, factor);
    store<f32>(out + at, load<f32>(src + at) * factor);
  }
  store<u32>(seedAt, state);
}

/** out[k] = a[k] * b[k] for count floats (a multiple of 4): dropout's backward pass, or a copy when b is all ones. */
export function multiply(a: usize, b: usize, out: usize, count: i32): void {
  const end = <usize>count << 2;
  for (let k: usize = 0; k < end; k += 16) v128.store(out + k, f32x4.mul(v128.load(a + k), v128.load(b + k)));
}
