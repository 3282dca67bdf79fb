// @vitest-environment happy-dom
/**
 * The saliency map beside the drawing on the Network page, on a hand-made linear model whose gradient × input is
 * known pixel by pixel: the logit of digit 3 is +1 · pixel (14, 14) − 1 · pixel (0, 0), so with those pixels at 1
 * and 0.5 the map is +1 (full red) and −0.5 (half blue), and white wherever the model does not look or nothing is
 * drawn.
 */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { denseLayers, type LayerModel } from '../../../src/core/api/layer-model';
import { mlpSpec } from '../../../src/core/api/model-spec';
import DrawingActivations from '../../../src/renderer/src/network/DrawingActivations.vue';

const RED = [178, 24, 43, 255];
const HALF_BLUE = [140, 175, 210, 255]; // half way from (247, 247, 247) to (33, 102, 172), rounded
const WHITE = [247, 247, 247, 255];

/** 784 → 10 softmax: digit 3 weighs pixel (14, 14) +1 and pixel (0, 0) −1, with bias 1; digit 5 weighs pixel (20, 20) +2. */
function linearModel(): LayerModel {
  const kernel = new Float32Array(784 * 10);
  kernel[(14 * 28 + 14) * 10 + 3] = 1;
  kernel[0 * 10 + 3] = -1;
  kernel[(20 * 28 + 20) * 10 + 5] = 2;
  const bias = new Float32Array(10);
  bias[3] = 1;
  return { layers: denseLayers(mlpSpec([])), weights: [{ kernel, bias }] };
}

function drawing(pixels: Array<[number, number, number]>): Float32Array {
  const input = new Float32Array(784);
  for (const [row, column, value] of pixels) input[row * 28 + column] = value;
  return input;
}

let painted: Map<HTMLCanvasElement, { width: number; height: number; data: Uint8ClampedArray }>;
let wrapper: VueWrapper;

beforeEach(() => {
  painted = new Map();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    return {
      canvas: this,
      createImageData: (width: number, height: number) => ({ width, height, data: new Uint8ClampedArray(4 * width * height) }),
      putImageData(this: { canvas: HTMLCanvasElement }, image: { width: number; height: number; data: Uint8ClampedArray }) {
        painted.set(this.canvas, image);
      },
    } as unknown as CanvasRenderingContext2D;
  });
});
afterEach(() => {
  wrapper?.unmount();
  vi.restoreAllMocks();
});

/** The RGBA of pixel (row, column) as drawn on the saliency canvas. */
function pixel(row: number, column: number): number[] {
  const image = painted.get(wrapper.get('[data-testid="saliency-map"] canvas').element as HTMLCanvasElement)!;
  const at = 4 * (row * image.width + column);
  return [...image.data.subarray(at, at + 4)];
}

/** The drawing is traced in an animation frame after it is shown (network/frames.ts): a few frames. */
async function traced(): Promise<void> {
  for (let frame = 0; frame < 3; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
  await flushPromises();
}

describe('SaliencyMap', () => {
  it('shows beside the drawing which pixels pushed the predicted digit: red for, blue against, white elsewhere', async () => {
    // Digit 3's logit 1 + 1 − 0.5 beats digit 5's 2 · 0.25. Pixel (5, 5) is drawn but no weight looks at it;
    // (20, 20) is weighed, but by digit 5, not the prediction.
    const input = drawing([[14, 14, 1], [0, 0, 0.5], [5, 5, 1], [20, 20, 0.25]]);
    wrapper = mount(DrawingActivations, { props: { model: linearModel(), input }, attachTo: document.body });
    await traced();
    const map = wrapper.get('[data-testid="drawing-activations"] .input [data-testid="saliency-map"]');
    expect(map.attributes('data-digit')).toBe('3');
    const canvas = map.get('canvas');
    expect([canvas.attributes('width'), canvas.attributes('height')]).toEqual(['28', '28']);
    expect(canvas.attributes('style')).toContain('width: 84px');
    expect(canvas.attributes('aria-label')).toContain('prediction 3');
    expect(pixel(14, 14)).toEqual(RED);
    expect(pixel(0, 0)).toEqual(HALF_BLUE);
    expect(pixel(5, 5)).toEqual(WHITE);
    expect(pixel(20, 20)).toEqual(WHITE);
    expect(pixel(27, 27)).toEqual(WHITE);
  });

  it('redraws for a new drawing and follows the new prediction', async () => {
    wrapper = mount(DrawingActivations, { props: { model: linearModel(), input: drawing([[14, 14, 1]]) }, attachTo: document.body });
    await traced();
    expect(pixel(14, 14)).toEqual(RED);
    // Digit 5's logit 2 · 1 now beats digit 3's 1 + 0.5: the map is digit 5's, that one pixel.
    await wrapper.setProps({ input: drawing([[14, 14, 0.5], [20, 20, 1]]) });
    await traced();
    expect(wrapper.get('[data-testid="saliency-map"]').attributes('data-digit')).toBe('5');
    expect(pixel(20, 20)).toEqual(RED);
    expect(pixel(14, 14)).toEqual(WHITE);
  });
});
