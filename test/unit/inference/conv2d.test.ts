/**
 * The Conv2D kernel (WebAssembly, conv2d.ts) against the textbook sum written out here in double precision, on the
 * bundled CNN's real activations for pen-drawn digits and on 'same' padding with a filter count that is not a
 * multiple of the kernel's 8-channel blocks; and the Draw page's predictor, which skips the outputs no later layer
 * reads, against the full forward pass the Network page traces.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { paddingBefore, type LayerModel } from '../../../src/core/api/layer-model';
import { openModelFile } from '../../../src/core/formats/model-file';
import { conv2dForward } from '../../../src/core/inference/conv2d';
import { createLayerSteps, createPredictor } from '../../../src/core/inference/forward';
import { createActivationTracer } from '../../../src/core/inference/layer-activations';
import { MIN_DIGIT_SPAN_PX, strokesToModelInput } from '../../../src/core/preprocess';
import { loadPenSamples, placeOnCanvas, PLACEMENTS } from '../../helpers/pen-canvas';

const bundledCnn = (): Promise<LayerModel> => openModelFile(fileURLToPath(new URL('../../../resources/models/digit-cnn.json', import.meta.url)));

const penDigits = (count: number): Float32Array[] =>
  loadPenSamples()
    .slice(0, count)
    .map((sample) => strokesToModelInput(placeOnCanvas(sample.strokes, PLACEMENTS.canvas), MIN_DIGIT_SPAN_PX).pixels);

interface Conv {
  h: number;
  w: number;
  c: number;
  kh: number;
  kw: number;
  f: number;
  padding: 'valid' | 'same';
}

/** out[y][x][o] = bias[o] + Σ input[y + i − top][x + j − left][ch] · kernel[i][j][ch][o], zero outside the input. */
function textbookConv({ h, w, c, kh, kw, f, padding }: Conv, input: Float32Array, kernel: Float32Array, bias: Float32Array): { out: Float64Array; oh: number; ow: number } {
  const top = paddingBefore(h, kh, 1, padding);
  const left = paddingBefore(w, kw, 1, padding);
  const oh = padding === 'same' ? h : h - kh + 1;
  const ow = padding === 'same' ? w : w - kw + 1;
  const out = new Float64Array(oh * ow * f);
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      for (let o = 0; o < f; o++) {
        let sum = bias[o];
        for (let i = 0; i < kh; i++) {
          for (let j = 0; j < kw; j++) {
            const sy = y + i - top;
            const sx = x + j - left;
            if (sy < 0 || sy >= h || sx < 0 || sx >= w) continue;
            for (let ch = 0; ch < c; ch++) sum += input[(sy * w + sx) * c + ch] * kernel[((i * kw + j) * c + ch) * f + o];
          }
        }
        out[(y * ow + x) * f + o] = sum;
      }
    }
  }
  return { out, oh, ow };
}

/** The kernel's output for `conv`, only the top-left rows × cols computed when given. */
function kernelConv(conv: Conv, weights: { kernel: Float32Array; bias: Float32Array }, oh: number, ow: number, computed?: { rows: number; cols: number }): (input: Float32Array) => Float32Array {
  const { h, w, c, kh, kw, f, padding } = conv;
  const shapes = { inputShape: [h, w, c], outputShape: [oh, ow, f], kernelShape: [kh, kw, c, f], padding, top: paddingBefore(h, kh, 1, padding), left: paddingBefore(w, kw, 1, padding) };
  return conv2dForward(shapes, weights, computed);
}

/** The largest |a − b| / max(1, |b|) over the pixels [0, rows) × [0, cols) of two [oh][ow][f] maps. */
function largestError(a: ArrayLike<number>, b: ArrayLike<number>, ow: number, f: number, rows: number, cols: number): number {
  let worst = 0;
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      for (let o = 0; o < f; o++) {
        const i = (y * ow + x) * f + o;
        worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
      }
    }
  }
  return worst;
}

describe('the Conv2D kernel', () => {
  it('is the committed build of conv2d-kernel.as', () => {
    // Fails with its message when the module is stale: run `node build/conv2d-kernel.mjs` after changing the kernel.
    expect(() => execFileSync(process.execPath, [fileURLToPath(new URL('../../../build/conv2d-kernel.mjs', import.meta.url)), '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it("sums the bundled CNN's second layer as the textbook does, on 50 pen-drawn digits, also when asked for 10×10 of 11×11", async () => {
    const model = await bundledCnn();
    const [conv1, pool1] = createLayerSteps(model);
    const conv: Conv = { h: 13, w: 13, c: 32, kh: 3, kw: 3, f: 64, padding: 'valid' };
    const full = kernelConv(conv, model.weights[1], 11, 11);
    const part = kernelConv(conv, model.weights[1], 11, 11, { rows: 10, cols: 10 });
    for (const digit of penDigits(50)) {
      const input = Float32Array.from(pool1.run(conv1.run(digit)));
      expect(input.filter((v) => v === 0).length).toBeGreaterThan(input.length / 4); // relu left zeros to skip
      const expected = textbookConv(conv, input, model.weights[1].kernel, model.weights[1].bias).out;
      expect(largestError(full(input), expected, 11, 64, 11, 11)).toBeLessThan(1e-6);
      expect(largestError(part(input), expected, 11, 64, 10, 10)).toBeLessThan(1e-6);
    }
  });

  it("pads 'same' with zeros and keeps 5 filters (not a block of 8) from spilling into the next pixel", () => {
    const conv: Conv = { h: 9, w: 7, c: 3, kh: 5, kw: 3, f: 5, padding: 'same' };
    // Deterministic values, about a third of them zero, like inputs after relu.
    const wave = (n: number, phase: number): Float32Array => Float32Array.from({ length: n }, (_, i) => Math.max(0, Math.sin(i * 1.7 + phase)));
    const weights = { kernel: wave(5 * 3 * 3 * 5, 0.3).map((v, i) => (i % 3 === 0 ? -v : v)), bias: Float32Array.from([0.5, -0.25, 0, 1, -1]) };
    const input = wave(9 * 7 * 3, 1.1);
    const expected = textbookConv(conv, input, weights.kernel, weights.bias);
    expect([expected.oh, expected.ow]).toEqual([9, 7]);
    const out = kernelConv(conv, weights, 9, 7)(input);
    expect(out.length).toBe(9 * 7 * 5);
    expect(largestError(out, expected.out, 7, 5, 9, 7)).toBeLessThan(1e-6);
  });
});

describe("the Draw page's predictor", () => {
  it('skips only what no layer reads: the same probabilities as the full forward pass on 300 pen-drawn digits, within 1e-6', async () => {
    const model = await bundledCnn();
    const predict = createPredictor(model);
    const trace = createActivationTracer(model);
    let worst = 0;
    for (const digit of penDigits(300)) {
      const full = [...trace(digit)].at(-1)!.values;
      const skipped = predict(digit);
      for (let k = 0; k < 10; k++) worst = Math.max(worst, Math.abs(skipped[k] - full[k]));
    }
    expect(worst).toBeLessThan(1e-6);
  });
});
