/**
 * Stride-1 Conv2D at inference, in plain JavaScript fast enough for the Draw page (a keras.io-size CNN's second
 * convolution is 2.2 M multiply-adds per drawing). Per output pixel, the receptive field's non-zero inputs are
 * gathered once (after relu and max pooling about half are zero; 'same' padding adds more); then the output
 * channels are summed eight at a time in local variables over a kernel packed as [channel block][tap][8], so the
 * inner loop reads the kernel in order and writes nothing until the block is done. Sums are in double precision,
 * which only brings them closer to Keras' and TFLite's.
 */
import type { Padding, Shape } from '../api/layer-model';
import type { DenseWeights } from '../api/model-spec';

/** Output channels summed together. */
const BLOCK = 8;

export interface Conv2dShapes {
  /** [height, width, channels] */
  inputShape: Shape;
  /** [height, width, filters] */
  outputShape: Shape;
  /** [kh, kw, in, out] */
  kernelShape: Shape;
  padding: Padding;
  /** Rows and columns of zero padding before the input ('same'), from paddingBefore. */
  top: number;
  left: number;
}

/** The kernel [taps = kh·kw·in][filters] as [filters / 8 blocks][taps][8], the last block zero-filled. */
function packKernel(kernel: Float32Array, taps: number, filters: number): Float32Array {
  const blocks = Math.ceil(filters / BLOCK);
  const packed = new Float32Array(blocks * taps * BLOCK);
  for (let t = 0; t < taps; t++) {
    for (let co = 0; co < filters; co++) packed[(Math.floor(co / BLOCK) * taps + t) * BLOCK + (co % BLOCK)] = kernel[t * filters + co];
  }
  return packed;
}

/** A function from the input (flat, channels_last) to the pre-activation output, reusing one output buffer. */
export function conv2dForward(shapes: Conv2dShapes, { kernel, bias }: DenseWeights): (input: Float32Array) => Float32Array {
  const [h, w, c] = shapes.inputShape;
  const [oh, ow, f] = shapes.outputShape;
  const [kh, kw] = shapes.kernelShape;
  const { top, left } = shapes;
  const taps = kh * kw * c;
  const packed = packKernel(kernel, taps, f);
  const blocks = Math.ceil(f / BLOCK);
  const paddedBias = new Float32Array(blocks * BLOCK);
  paddedBias.set(bias);
  const out = new Float32Array(oh * ow * f);
  /** The receptive field's non-zero inputs: their tap index times 8 (an offset into a packed block) and value. */
  const offsets = new Int32Array(taps);
  const values = new Float64Array(taps);
  const block = new Float64Array(BLOCK);
  return (input) => {
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++) {
        let count = 0;
        for (let ky = 0; ky < kh; ky++) {
          const y = oy + ky - top;
          if (y < 0 || y >= h) continue;
          for (let kx = 0; kx < kw; kx++) {
            const x = ox + kx - left;
            if (x < 0 || x >= w) continue;
            const pixel = (y * w + x) * c;
            const tap = (ky * kw + kx) * c;
            for (let ci = 0; ci < c; ci++) {
              const v = input[pixel + ci];
              if (v === 0) continue;
              offsets[count] = (tap + ci) * BLOCK;
              values[count++] = v;
            }
          }
        }
        const o = (oy * ow + ox) * f;
        for (let b = 0; b < blocks; b++) {
          const base = b * taps * BLOCK;
          const first = b * BLOCK;
          let a0 = paddedBias[first], a1 = paddedBias[first + 1], a2 = paddedBias[first + 2], a3 = paddedBias[first + 3];
          let a4 = paddedBias[first + 4], a5 = paddedBias[first + 5], a6 = paddedBias[first + 6], a7 = paddedBias[first + 7];
          for (let i = 0; i < count; i++) {
            const v = values[i];
            const k = base + offsets[i];
            a0 += v * packed[k];
            a1 += v * packed[k + 1];
            a2 += v * packed[k + 2];
            a3 += v * packed[k + 3];
            a4 += v * packed[k + 4];
            a5 += v * packed[k + 5];
            a6 += v * packed[k + 6];
            a7 += v * packed[k + 7];
          }
          block[0] = a0;
          block[1] = a1;
          block[2] = a2;
          block[3] = a3;
          block[4] = a4;
          block[5] = a5;
          block[6] = a6;
          block[7] = a7;
          const n = Math.min(BLOCK, f - first);
          for (let j = 0; j < n; j++) out[o + first + j] = block[j];
        }
      }
    }
    return out;
  };
}
