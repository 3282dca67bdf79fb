/**
 * Stride-1 Conv2D at inference, fast enough for the Draw page, which reads the drawing on every stroke and live
 * while drawing (a keras.io-size CNN's second convolution is 2.2 M multiply-adds per drawing). The work is done by
 * a small WebAssembly SIMD kernel (conv2d-kernel.as: non-zero inputs gathered per output pixel, eight channels
 * summed in double precision per block), compiled once and instantiated per layer, synchronously, so that the CLI,
 * the tests and the renderer call it alike. Plain JavaScript did the same sums at 0.57 ms per drawing for the
 * bundled CNN's second layer in Chromium, whatever the loop's shape; the kernel takes about a third of that. Sums in
 * double precision only bring the results closer to Keras' and TFLite's. A caller may ask for only the top-left
 * rows and columns of the output (those the next layer reads): a 'valid' 2×2 pooling of an 11×11 map never reads
 * its last row and column.
 */
import type { Padding, Shape } from '../api/layer-model';
import type { DenseWeights } from '../api/model-spec';
import { CONV2D_KERNEL } from './conv2d-binary';

/** Output channels summed together (the kernel's BLOCK). */
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

/** The output rows [0, rows) and columns [0, cols) that are computed; the others keep whatever they held. */
export interface ComputedOutputs {
  rows: number;
  cols: number;
}

interface KernelExports {
  memory: { buffer: ArrayBuffer };
  reserve: (bytes: number) => number;
  convolve: (...args: number[]) => void;
}

/** The part of the WebAssembly JS API used here, synchronous (the app's Node typings declare none of it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
let compiled: object | undefined;

/** One instance, with its own memory, per layer: a few hundred KB at most. Compiling under 1 KB takes well under a ms. */
function instantiateKernel(): KernelExports {
  compiled ??= new wasm.Module(Uint8Array.from(atob(CONV2D_KERNEL), (ch) => ch.charCodeAt(0)));
  const abort = (): never => {
    throw new Error('the Conv2D kernel ran out of memory');
  };
  return new wasm.Instance(compiled, { env: { abort } }).exports as KernelExports;
}

/** The kernel [taps = kh·kw·in][filters] as [filters / 8 blocks][taps][8] into `packed`, the last block zero-filled. */
function packKernel(kernel: Float32Array, taps: number, filters: number, packed: Float64Array): void {
  for (let t = 0; t < taps; t++) {
    for (let co = 0; co < filters; co++) packed[(Math.floor(co / BLOCK) * taps + t) * BLOCK + (co % BLOCK)] = kernel[t * filters + co];
  }
}

/**
 * A function from the input (flat, channels_last) to the pre-activation output. The output lives in the kernel's
 * memory and the next call overwrites it.
 */
export function conv2dForward(shapes: Conv2dShapes, { kernel, bias }: DenseWeights, computed?: ComputedOutputs): (input: Float32Array) => Float32Array {
  const [h, w, c] = shapes.inputShape;
  const [oh, ow, f] = shapes.outputShape;
  const [kh, kw] = shapes.kernelShape;
  const { rows, cols } = computed ?? { rows: oh, cols: ow };
  const taps = kh * kw * c;
  const blocks = Math.ceil(f / BLOCK);
  const { memory, reserve, convolve } = instantiateKernel();
  const inputAt = reserve(h * w * c * 4);
  const packedAt = reserve(blocks * taps * BLOCK * 8);
  const biasAt = reserve(blocks * BLOCK * 8);
  // Room for a block's lanes past the last filter of the last pixel.
  const outAt = reserve((oh * ow * f + BLOCK) * 4);
  const offsetsAt = reserve(taps * 4);
  const valuesAt = reserve(taps * 8);
  // Views made after the last reservation: growing the memory detaches the earlier ones.
  const input = new Float32Array(memory.buffer, inputAt, h * w * c);
  packKernel(kernel, taps, f, new Float64Array(memory.buffer, packedAt, blocks * taps * BLOCK));
  new Float64Array(memory.buffer, biasAt, blocks * BLOCK).set(bias);
  const out = new Float32Array(memory.buffer, outAt, oh * ow * f);
  return (values) => {
    input.set(values);
    convolve(inputAt, h, w, c, kh, kw, shapes.top, shapes.left, packedAt, biasAt, blocks, outAt, ow, f, rows, cols, offsetsAt, valuesAt);
    return out;
  };
}
