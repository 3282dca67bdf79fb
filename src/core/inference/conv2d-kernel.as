// Stride-1 Conv2D of one image in WebAssembly SIMD, for the Draw page's reading (conv2d.ts lays out the memory and
// calls it; `node build/conv2d-kernel.mjs` compiles this file, AssemblyScript, named .as so that the app's
// TypeScript checks leave it alone, into conv2d-binary.ts). Per output pixel the receptive field's non-zero inputs are gathered once (after relu and pooling
// about half are zero), then the output channels are summed eight at a time in four f64x2 registers over a kernel
// packed as [channel block][tap][8] f64. Products and sums are the plain JavaScript loop's, in double precision and
// in the same order, so the results are the same to the bit; two lanes per instruction, and no typed-array bounds
// checks, make them about three times as fast as V8 compiles that loop (0.20 instead of 0.57 ms in Chromium for the
// bundled CNN's second layer).

/** Output channels summed together. */
const BLOCK: i32 = 8;
const BLOCK_BYTES: usize = <usize>BLOCK << 3;

/** Room for `bytes` bytes, 16-byte aligned: the host lays out each layer's buffers once, growing the memory. */
export function reserve(bytes: i32): usize {
  return heap.alloc(<usize>bytes);
}

/**
 * The receptive field's non-zero inputs of output pixel (oy, ox) of input f32 [h][w][c]: the byte offset of their
 * tap's row in a packed block into offsets (i32), their value into values (f64); returns how many.
 */
@inline function gatherNonZero(input: usize, h: i32, w: i32, c: i32, kh: i32, kw: i32, oy: i32, ox: i32, offsets: usize, values: usize): i32 {
  let count = 0;
  for (let ky = 0; ky < kh; ky++) {
    const y = oy + ky;
    if (y < 0 || y >= h) continue;
    for (let kx = 0; kx < kw; kx++) {
      const x = ox + kx;
      if (x < 0 || x >= w) continue;
      const pixel = input + ((<usize>(y * w + x) * c) << 2);
      const tap = (ky * kw + kx) * c;
      for (let ci = 0; ci < c; ci++) {
        const v = load<f32>(pixel + (<usize>ci << 2));
        if (v == 0) continue;
        store<i32>(offsets + (<usize>count << 2), (tap + ci) * <i32>BLOCK_BYTES);
        store<f64>(values + (<usize>count << 3), <f64>v);
        count++;
      }
    }
  }
  return count;
}

/**
 * Output rows [0, rows) and columns [0, cols) of out f32 [oh][ow][f] (with room for BLOCK floats past its end: a
 * block's lanes past the last filter land on the next pixel's first channels, written later, or in that room), from
 * input f32 [h][w][c] with top / left rows and columns of zero padding before it, the packed kernel f64
 * [blocks][kh * kw * c][8] and the bias f64 [blocks * 8]. offsets and values are scratch for kh * kw * c entries.
 */
export function convolve(input: usize, h: i32, w: i32, c: i32, kh: i32, kw: i32, top: i32, left: i32, packed: usize, bias: usize, blocks: i32, out: usize, ow: i32, f: i32, rows: i32, cols: i32, offsets: usize, values: usize): void {
  const blockBytes = <usize>(kh * kw * c) * BLOCK_BYTES;
  for (let oy = 0; oy < rows; oy++) {
    for (let ox = 0; ox < cols; ox++) {
      const count = gatherNonZero(input, h, w, c, kh, kw, oy - top, ox - left, offsets, values);
      let at = out + ((<usize>(oy * ow + ox) * f) << 2);
      let block = packed;
      let firstBias = bias;
      for (let b = 0; b < blocks; b++) {
        let a0 = v128.load(firstBias);
        let a1 = v128.load(firstBias, 16);
        let a2 = v128.load(firstBias, 32);
        let a3 = v128.load(firstBias, 48);
        for (let i = 0; i < count; i++) {
          const v = f64x2.splat(load<f64>(values + (<usize>i << 3)));
          const k = block + <usize>load<i32>(offsets + (<usize>i << 2));
          a0 = f64x2.add(a0, f64x2.mul(v, v128.load(k)));
          a1 = f64x2.add(a1, f64x2.mul(v, v128.load(k, 16)));
          a2 = f64x2.add(a2, f64x2.mul(v, v128.load(k, 32)));
          a3 = f64x2.add(a3, f64x2.mul(v, v128.load(k, 48)));
        }
        v128.store(at, v128.shuffle<f32>(f32x4.demote_f64x2_zero(a0), f32x4.demote_f64x2_zero(a1), 0, 1, 4, 5));
        v128.store(at, v128.shuffle<f32>(f32x4.demote_f64x2_zero(a2), f32x4.demote_f64x2_zero(a3), 0, 1, 4, 5), 16);
        at += <usize>BLOCK << 2;
        block += blockBytes;
        firstBias += BLOCK_BYTES;
      }
    }
  }
}
