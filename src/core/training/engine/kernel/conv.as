// The convolutional network's own passes, over tensors stored [rows][height][width][channel stride] with the
// real channels first and the rest zero: im2col / col2im around the GEMM tiles (a Conv2D is a Dense layer
// on patches), Flatten's compaction to the real channels, and dropout (pooling: pool.as). Every backward pass
// writes the whole input gradient, padding channels zero.

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

/**
 * The reverse of im2col: srcD [n][h][w][cs] = the sum of every patch gradient over the input it was copied from
 * (patchD's rows patchStride floats apart).
 */
export function col2im(patchD: usize, n: i32, h: i32, w: i32, cs: i32, c: i32, kh: i32, kw: i32, padTop: i32, padLeft: i32, oh: i32, ow: i32, patchStride: i32, srcD: usize): void {
  const rowBytes = <usize>patchStride << 2;
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

/** murmur3's 32-bit finalizer on four lanes: every input bit flips about half of the output bits. */
@inline function mix(x: v128): v128 {
  x = v128.xor(x, i32x4.shr_u(x, 16));
  x = i32x4.mul(x, i32x4.splat(0x85ebca6b));
  x = v128.xor(x, i32x4.shr_u(x, 13));
  x = i32x4.mul(x, i32x4.splat(0xc2b2ae35));
  return v128.xor(x, i32x4.shr_u(x, 16));
}

/** Dropout's factors (0 or keep) of the four floats numbered by counter, from the call's key. */
@inline function dropFactors(counter: v128, key: v128, keep: v128, rate: f32): v128 {
  const bits = mix(v128.xor(mix(i32x4.add(i32x4.mul(counter, i32x4.splat(0x9e3779b9)), key)), key));
  const draw = f32x4.mul(f32x4.convert_i32x4_u(i32x4.shr_u(bits, 8)), f32x4.splat(<f32>1 / <f32>16777216));
  return v128.andnot(keep, f32x4.lt(draw, f32x4.splat(rate)));
}

/**
 * Inverted dropout on count floats: keeps each with probability 1 - rate, scaled by 1 / (1 - rate) (Keras). The
 * draws come from a counter-based generator, four at a time: float k's is a keyed hash of k, the key the next
 * step of the xorshift32 state at seedAt (advanced once per call). mask holds each float's factor for the
 * backward pass.
 */
export function dropout(src: usize, out: usize, mask: usize, count: i32, rate: f32, seedAt: usize): void {
  let state = load<u32>(seedAt);
  state ^= state << 13;
  state ^= state >> 17;
  state ^= state << 5;
  store<u32>(seedAt, state);
  const key = i32x4.splat(state);
  const keep = f32x4.splat(1 / (1 - rate));
  const whole = <usize>(count & ~3) << 2;
  let counter = i32x4(0, 1, 2, 3);
  for (let at: usize = 0; at < whole; at += 16) {
    const factor = dropFactors(counter, key, keep, rate);
    v128.store(mask + at, factor);
    v128.store(out + at, f32x4.mul(v128.load(src + at), factor));
    counter = i32x4.add(counter, i32x4.splat(4));
  }
  const tail = count & 3;
  if (tail === 0) return;
  const factor = dropFactors(counter, key, keep, rate);
  store<f32>(mask + whole, f32x4.extract_lane(factor, 0));
  if (tail > 1) store<f32>(mask + whole, f32x4.extract_lane(factor, 1), 4);
  if (tail > 2) store<f32>(mask + whole, f32x4.extract_lane(factor, 2), 8);
  for (let at = whole; at < <usize>count << 2; at += 4) store<f32>(out + at, load<f32>(src + at) * load<f32>(mask + at));
}

/** out[k] = a[k] * b[k] for count floats (a multiple of 4): dropout's backward pass, or a copy when b is all ones. */
export function multiply(a: usize, b: usize, out: usize, count: i32): void {
  const end = <usize>count << 2;
  for (let k: usize = 0; k < end; k += 16) v128.store(out + k, f32x4.mul(v128.load(a + k), v128.load(b + k)));
}
