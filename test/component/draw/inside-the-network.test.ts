// @vitest-environment happy-dom
/**
 * "Inside the network" on the Draw page: closed it draws nothing; open, it follows the drawing, taking the newest
 * model input once per animation frame; with a hand-made MLP the hidden unit that weighs only the centre pixel
 * lights up exactly when that pixel is inked.
 */
import { mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { denseLayers, type LayerModel } from '../../../src/core/api/layer-model';
import { mlpSpec } from '../../../src/core/api/model-spec';
import InsideTheNetwork from '../../../src/renderer/src/draw/InsideTheNetwork.vue';

/** 784 → 2 relu → 10 softmax: unit 0 weighs the centre pixel (14, 14) +1, unit 1 nothing, bias 0. */
function centreMlp(): LayerModel {
  const kernel = new Float32Array(784 * 2);
  kernel[(14 * 28 + 14) * 2] = 1;
  return { layers: denseLayers(mlpSpec([2])), weights: [{ kernel, bias: new Float32Array(2) }, { kernel: new Float32Array(20), bias: new Float32Array(10) }] };
}

const withPixel = (value: number): Float32Array => {
  const input = new Float32Array(784);
  input[14 * 28 + 14] = value;
  return input;
};

/** Animation frame callbacks asked for, by id. */
let frames: Map<number, FrameRequestCallback>;
let wrapper: VueWrapper;
beforeEach(() => {
  frames = new Map();
  let ids = 0;
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => (frames.set(++ids, callback), ids));
  vi.spyOn(window, 'cancelAnimationFrame').mockImplementation((id) => void frames.delete(id));
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
    () => ({ createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(4 * w * h) }), putImageData: () => undefined }) as unknown as CanvasRenderingContext2D,
  );
});
afterEach(() => {
  wrapper?.unmount();
  vi.restoreAllMocks();
});

async function runFrames(): Promise<void> {
  const pending = [...frames.values()];
  frames.clear();
  pending.forEach((callback) => callback(0));
  await wrapper.vm.$nextTick();
}

async function open(): Promise<void> {
  const details = wrapper.find('details').element as HTMLDetailsElement;
  details.open = true;
  await wrapper.find('details').trigger('toggle');
}

/** The hidden layer's bar heights, as the bars show them. */
const hiddenBars = (): string[] => wrapper.find('[data-layer="dense"]').findAll('[data-testid="activation-bar"]').map((bar) => bar.attributes('style') ?? '');

describe('Inside the network on the Draw page', () => {
  it('draws nothing while closed, however the drawing changes', async () => {
    wrapper = mount(InsideTheNetwork, { props: { model: centreMlp(), input: withPixel(1) } });
    await wrapper.setProps({ input: withPixel(0.5) });
    expect(frames.size).toBe(0);
    expect(wrapper.find('[data-testid="drawing-activations"]').exists()).toBe(false);
  });

  it('open, shows the newest drawing once per animation frame, and the centre unit follows the centre pixel', async () => {
    wrapper = mount(InsideTheNetwork, { props: { model: centreMlp(), input: withPixel(0) } });
    await open();
    // The drawing on the next frame, traced on the one after, then its layers one per frame (network/frames.ts).
    const layerIds = (): string[] => wrapper.findAll('[data-testid="layer-activations"]').map((f) => f.attributes('data-layer')!);
    const shownPerFrame: string[][] = [];
    for (let frame = 0; frame < 5; frame++) {
      await runFrames();
      shownPerFrame.push(layerIds());
    }
    expect(shownPerFrame).toEqual([[], [], ['dense'], ['dense', 'dense_1'], ['dense', 'dense_1']]);
    const dark = hiddenBars();
    // Three drawings within one frame: one frame is asked for, and it shows the last.
    await wrapper.setProps({ input: withPixel(0.2) });
    await wrapper.setProps({ input: withPixel(0.6) });
    await wrapper.setProps({ input: withPixel(1) });
    expect(frames.size).toBe(1);
    await runFrames();
    // Traced on the next frame, shown in place.
    await runFrames();
    const inked = hiddenBars();
    expect(inked[0]).not.toEqual(dark[0]); // unit 0: relu(1 · pixel) went from 0 to 1
    expect(inked[1]).toEqual(dark[1]); // unit 1 weighs nothing
  });

  it('says what to do without a library model or a drawing', async () => {
    wrapper = mount(InsideTheNetwork, { props: { model: null, input: withPixel(1) } });
    await open();
    expect(wrapper.text()).toMatch(/choose one/);
    await wrapper.setProps({ model: centreMlp(), input: null });
    await runFrames();
    expect(wrapper.text()).toMatch(/Draw a digit/);
  });
});
